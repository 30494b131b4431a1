import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { AppLayout } from '../../../ui-shared/components/AppLayout.tsx';
import { CalendarWarning } from '../../../ui-shared/components/CalendarWarning.tsx';
import { ACTION_RULES } from '../../../engine/app/permissions/actions.ts';
import { useSession } from '../../../ui-shared/session/SessionContext.tsx';
import { NotificationBell } from './NotificationBell.tsx';

// The same rule the API enforces decides whether the dashboard link is shown.
const monitoringRule = ACTION_RULES['monitoring.read'].who;
const MONITORING_KINDS: readonly string[] = typeof monitoringRule === 'string' ? [] : monitoringRule;
const bellRule = ACTION_RULES['notification.read'].who;
const BELL_KINDS: readonly string[] = typeof bellRule === 'string' ? [] : bellRule;
const accountsRule = ACTION_RULES['accounts.manage'].who;
const ACCOUNT_KINDS: readonly string[] = typeof accountsRule === 'string' ? [] : accountsRule;
const auditRule = ACTION_RULES['audit.read'].who;
const AUDIT_KINDS: readonly string[] = typeof auditRule === 'string' ? [] : auditRule;
const archiveRule = ACTION_RULES['archive.read'].who;
const ARCHIVE_KINDS: readonly string[] = typeof archiveRule === 'string' ? [] : archiveRule;
const delegateRule = ACTION_RULES['delegation.create'].who;
const DELEGATE_KINDS: readonly string[] = typeof delegateRule === 'string' ? [] : delegateRule;
const calendarRule = ACTION_RULES['calendar.manage'].who;
const CALENDAR_KINDS: readonly string[] = typeof calendarRule === 'string' ? [] : calendarRule;

/** The staff app's header: inbox, catalogue and register for signed-in staff; tracking for everyone. */
export function Layout({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const { session, hasKind } = useSession();
  const menu = (
    <>
      <NavLink to="/" end>
        {t('nav.inbox')}
      </NavLink>
      <NavLink to="/layanan">{t('nav.catalogue')}</NavLink>
      <NavLink to="/register">{t('nav.register')}</NavLink>
      {hasKind(...MONITORING_KINDS) && <NavLink to="/dasbor">{t('nav.dashboard')}</NavLink>}
      {hasKind(...ACCOUNT_KINDS) && <NavLink to="/akun">{t('nav.accounts')}</NavLink>}
      {session && <NavLink to="/akun-saya">{t('nav.myAccount')}</NavLink>}
      {hasKind(...CALENDAR_KINDS) && <NavLink to="/kalender">{t('calendar.nav')}</NavLink>}
      {session?.platformAdmin === true && <NavLink to="/kabupaten-baru">{t('nav.newRegency')}</NavLink>}
      {hasKind(...DELEGATE_KINDS) && <NavLink to="/pelimpahan">{t('delegation.nav')}</NavLink>}
      {hasKind(...ARCHIVE_KINDS) && <NavLink to="/arsip">{t('archiveRegister.nav')}</NavLink>}
      {hasKind(...AUDIT_KINDS) && <NavLink to="/log-akses">{t('accessLog.nav')}</NavLink>}
    </>
  );
  return (
    <AppLayout
      appNameKey="app.name"
      menu={menu}
      trailingLink={
        <>
          <NavLink to="/lacak">{t('nav.track')}</NavLink>
          <NavLink to="/standar-pelayanan">{t('standards.nav')}</NavLink>
          {session && hasKind(...BELL_KINDS) && <NotificationBell />}
        </>
      }
    >
      <CalendarWarning />
      {children}
    </AppLayout>
  );
}
