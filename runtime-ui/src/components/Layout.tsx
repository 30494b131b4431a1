import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { AppLayout } from '../../../ui-shared/components/AppLayout.tsx';

/** The staff app's header: inbox, catalogue and register for signed-in staff; tracking for everyone. */
export function Layout({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const menu = (
    <>
      <NavLink to="/" end>{t('nav.inbox')}</NavLink>
      <NavLink to="/layanan">{t('nav.catalogue')}</NavLink>
      <NavLink to="/register">{t('nav.register')}</NavLink>
    </>
  );
  return <AppLayout appNameKey="app.name" menu={menu} trailingLink={<NavLink to="/lacak">{t('nav.track')}</NavLink>}>{children}</AppLayout>;
}
