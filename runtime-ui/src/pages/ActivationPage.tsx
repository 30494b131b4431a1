import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { authContracts } from '../../../engine/contracts/authContracts.ts';
import { call } from '../../../ui-shared/api/call.ts';
import { ErrorAlert } from '../../../ui-shared/components/ErrorAlert.tsx';

/**
 * The one-time activation link `/aktivasi#<token>`: the token sits in the fragment, which browsers never
 * send to the server, so it does not end up in access logs or proxies.
 */
export function ActivationPage() {
  const { t } = useTranslation();
  const token = window.location.hash.slice(1);
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>();
  const [username, setUsername] = useState<string>();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    try {
      const result = await call(authContracts.activate, { body: { token, password } });
      setUsername(result.username);
      setError(undefined);
    } catch (err) {
      setError(err);
    }
  };
  return (
    <div className="card" style={{ maxWidth: 480, margin: '2rem auto' }}>
      <h1>{t('activation.title')}</h1>
      {token === '' && <p className="alert error">{t('activation.missing')}</p>}
      <ErrorAlert error={error} />
      {username !== undefined ? (
        <p className="alert ok" role="status">
          {t('activation.done', { username })} <Link to="/">{t('activation.login')}</Link>
        </p>
      ) : (
        <form onSubmit={(e) => void submit(e)}>
          <p>{t('activation.intro')}</p>
          <p>
            <label htmlFor="new-password">{t('password.new')}</label>
            <br />
            <input
              id="new-password"
              type="password"
              autoComplete="new-password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              required
              style={{ width: '100%' }}
            />
          </p>
          <p className="muted">{t('password.rules')}</p>
          <button type="submit" disabled={token === ''}>
            {t('password.submit')}
          </button>
        </form>
      )}
    </div>
  );
}
