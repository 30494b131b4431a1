import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { useSession } from '../session/SessionContext.tsx';

/** Header with the designer's menu, the user and regency, and the language switch. */
export function Layout({ children }: { children: ReactNode }) {
  const { t, i18n } = useTranslation();
  const { session, logout } = useSession();
  const roleNames = session ? session.user.roles.map((r) => session.roles[r]?.name ?? r).join(', ') : '';
  return (
    <>
      <a className="skip-link" href="#main">{t('app.skip')}</a>
      <header className="topbar no-print">
        <div className="brand">
          {t('designer.appName')}
          <small>{session ? session.regency.name : t('app.tagline')}</small>
        </div>
        <nav aria-label="Menu">
          {session && (
            <>
              <NavLink to="/" end>{t('designer.nav.list')}</NavLink>
              <NavLink to="/baru">{t('designer.nav.new')}</NavLink>
              <NavLink to="/impor">{t('designer.nav.import')}</NavLink>
            </>
          )}
          <a href="/">{t('designer.nav.runtime')}</a>
        </nav>
        <div className="who">
          {session && (
            <>
              <strong data-testid="user-name">{session.user.name}</strong>
              <span data-testid="user-roles">{roleNames}</span>
            </>
          )}
          <div className="row" style={{ justifyContent: 'flex-end', gap: '.4rem', marginTop: '.2rem' }}>
            <label htmlFor="lang" style={{ color: 'inherit', fontWeight: 400 }}>{t('app.language')}</label>
            <select id="lang" value={i18n.language} onChange={(e) => void i18n.changeLanguage(e.target.value)}>
              <option value="id">Bahasa Indonesia</option>
              <option value="en">English</option>
            </select>
            {session && <button type="button" className="secondary" onClick={() => void logout()}>{t('app.logout')}</button>}
          </div>
        </div>
      </header>
      <main id="main" tabIndex={-1} className="designer-main">{children}</main>
    </>
  );
}
