import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { authContracts } from '../../../engine/contracts/authContracts.ts';
import { call } from '../../../ui-shared/api/call.ts';
import { ErrorAlert } from '../../../ui-shared/components/ErrorAlert.tsx';
import { useSession } from '../../../ui-shared/session/SessionContext.tsx';

/** The user's own password change; also the only page shown while a temporary password must be replaced. */
export function ChangePasswordPage() {
  const { t } = useTranslation();
  const { session, refresh } = useSession();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [error, setError] = useState<unknown>();
  const [done, setDone] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setDone(false);
    if (next !== repeat) return setError(new Error(t('password.mismatch')));
    try {
      await call(authContracts.changePassword, { body: { currentPassword: current, newPassword: next } });
      setError(undefined);
      setCurrent('');
      setNext('');
      setRepeat('');
      setDone(true);
      await refresh();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <div className="card" style={{ maxWidth: 480 }}>
      <h1>{t('password.title')}</h1>
      {session?.mustChangePassword === true && <p className="alert info">{t('password.forced')}</p>}
      <ErrorAlert error={error} />
      {done && (
        <p className="alert ok" role="status">
          {t('password.done')}
        </p>
      )}
      <form onSubmit={(e) => void submit(e)}>
        {(
          [
            ['current-password', 'password.current', current, setCurrent, 'current-password'],
            ['new-password', 'password.new', next, setNext, 'new-password'],
            ['repeat-password', 'password.repeat', repeat, setRepeat, 'new-password'],
          ] as const
        ).map(([id, label, value, set, autoComplete]) => (
          <p key={id}>
            <label htmlFor={id}>{t(label)}</label>
            <br />
            <input
              id={id}
              type="password"
              autoComplete={autoComplete}
              value={value}
              onChange={(e) => set(e.target.value)}
              required
              style={{ width: '100%' }}
            />
          </p>
        ))}
        <p className="muted">{t('password.rules')}</p>
        <button type="submit">{t('password.submit')}</button>
      </form>
    </div>
  );
}
