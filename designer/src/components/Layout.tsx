import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { AppLayout } from '../../../ui-shared/components/AppLayout.tsx';
import { CalendarWarning } from '../../../ui-shared/components/CalendarWarning.tsx';
import { ACTION_RULES } from '../../../engine/app/permissions/actions.ts';
import { useSession } from '../../../ui-shared/session/SessionContext.tsx';

// The same rule the API enforces decides whether the settings link is shown.
const settingsRule = ACTION_RULES['regency.settings.read'].who;
const SETTINGS_KINDS: readonly string[] = typeof settingsRule === 'string' ? [] : settingsRule;

/** The designer's header: SOP list, new SOP and import; a link back to the staff app. */
export function Layout({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const { hasKind } = useSession();
  const menu = (
    <>
      <NavLink to="/" end>
        {t('designer.nav.list')}
      </NavLink>
      <NavLink to="/baru">{t('designer.nav.new')}</NavLink>
      <NavLink to="/impor">{t('designer.nav.import')}</NavLink>
      {hasKind(...SETTINGS_KINDS) && <NavLink to="/pengaturan">{t('designer.nav.settings')}</NavLink>}
    </>
  );
  return (
    <AppLayout
      appNameKey="designer.appName"
      menu={menu}
      trailingLink={<a href="/">{t('designer.nav.runtime')}</a>}
      headerClassName="no-print"
      mainClassName="designer-main"
    >
      <CalendarWarning />
      {children}
    </AppLayout>
  );
}
