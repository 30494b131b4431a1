import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
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
