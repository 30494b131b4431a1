import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { urlOf } from '../../engine/contracts/contract.ts';
import { ssoContracts } from '../../engine/contracts/ssoContracts.ts';
import { useCall } from '../api/useCall.ts';
import { ErrorAlert } from './ErrorAlert.tsx';
import { useSession } from '../session/SessionContext.tsx';

/** Sign-in form of both apps (the same accounts); the title names the app. */
export function LoginPage({ titleKey = 'login.title' }: { titleKey?: string }) {
  const { t } = useTranslation();
  const { login } = useSession();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const sso = useCall(ssoContracts.providers, {});
  // A link with ?kabupaten=<id> (the regency's own bookmark) offers only that regency's provider.
  const only = new URLSearchParams(window.location.search).get('kabupaten');
  const providers = (sso.data?.providers ?? []).filter((p) => only === null || p.regencyId === only);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    try {
      await login(username, password);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="card" style={{ maxWidth: 420, margin: '2rem auto' }}>
      <h1>{t(titleKey)}</h1>
      <ErrorAlert error={error} />
      {providers.length > 0 && (
        <div data-testid="sso-providers">
          {providers.map((p) => (
            <p key={p.regencyId}>
              <a className="button" href={urlOf(ssoContracts.start, { regencyId: p.regencyId })}>
                {t('login.sso', { provider: p.providerName })}
              </a>
              {providers.length > 1 && <small className="muted"> {p.regencyName}</small>}
            </p>
          ))}
          <p className="muted">{t('login.orPassword')}</p>
        </div>
      )}
      <form onSubmit={(e) => void submit(e)}>
        <p>
          <label htmlFor="username">{t('login.username')}</label>
          <br />
          <input
            id="username"
            autoComplete="username"
            value={username}
            onChange={(e) => setUsername(e.target.value)}
            required
            style={{ width: '100%' }}
          />
        </p>
        <p>
          <label htmlFor="password">{t('login.password')}</label>
          <br />
          <input
            id="password"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            required
            style={{ width: '100%' }}
          />
        </p>
        <button type="submit" disabled={busy}>
          {t('login.submit')}
        </button>
      </form>
    </div>
  );
}
