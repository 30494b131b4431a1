import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../session/SessionContext.tsx';

/** What differs between the two apps' headers: the name, the menu and whether the header prints. */
export interface AppLayoutProps {
  appNameKey: string;
  /** Menu links for a signed-in user. */
  menu: ReactNode;
  /** A link shown to everyone after the menu (the public tracking page, or the other app). */
  trailingLink: ReactNode;
  headerClassName?: string;
  mainClassName?: string;
  children: ReactNode;
}

/** Header with the app's menu, the user, regency, roles and language switch; the page below. */
export function AppLayout({
  appNameKey,
  menu,
  trailingLink,
  headerClassName,
  mainClassName,
  children,
}: AppLayoutProps) {
  const { t, i18n } = useTranslation();
  const { session, logout } = useSession();
  const roleNames = session ? session.user.roles.map((r) => session.roles[r]?.name ?? r).join(', ') : '';
  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skip')}
      </a>
      <header className={headerClassName ? `topbar ${headerClassName}` : 'topbar'}>
        <div className="brand">
          {t(appNameKey)}
          <small>{session ? session.regency.name : t('app.tagline')}</small>
        </div>
        <nav aria-label="Menu">
          {session && menu}
          {trailingLink}
        </nav>
        <div className="who">
          {session && (
            <>
              <strong data-testid="user-name">{session.user.name}</strong>
              <span data-testid="user-roles">{roleNames}</span>
              {session.actingFor.map((a) => (
                <div key={a.userId}>{t('app.actingFor', { name: a.name })}</div>
              ))}
            </>
          )}
          <div className="row" style={{ justifyContent: 'flex-end', gap: '.4rem', marginTop: '.2rem' }}>
            <label htmlFor="lang" style={{ color: 'inherit', fontWeight: 400 }}>
              {t('app.language')}
            </label>
            <select id="lang" value={i18n.language} onChange={(e) => void i18n.changeLanguage(e.target.value)}>
              <option value="id">Bahasa Indonesia</option>
              <option value="en">English</option>
            </select>
            {session && (
              <button type="button" className="secondary" onClick={() => void logout()}>
                {t('app.logout')}
              </button>
            )}
          </div>
        </div>
      </header>
      <main id="main" tabIndex={-1} {...(mainClassName ? { className: mainClassName } : {})}>
        {children}
      </main>
    </>
  );
}
