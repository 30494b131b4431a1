import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ssoContracts } from '../../../engine/contracts/ssoContracts.ts';
import { call } from '../../../ui-shared/api/call.ts';
import { useCall } from '../../../ui-shared/api/useCall.ts';
import { ErrorAlert } from '../../../ui-shared/components/ErrorAlert.tsx';
import { formatDateTime } from '../../../ui-shared/format/dateTime.ts';
import { useSession } from '../../../ui-shared/session/SessionContext.tsx';

const DEFAULTS = {
  providerName: '',
  issuer: '',
  clientId: '',
  clientSecret: '',
  claim: 'preferred_username',
  matchBy: 'username' as 'username' | 'email',
  enabled: true,
  createUnknown: false,
  newUserRole: '',
  allowLocalPasswords: true,
};

/** The regency admin's single sign-on settings (OpenID Connect) and the latest SSO sign-ins and refusals. */
export function SsoSettingsSection() {
  const { t, i18n } = useTranslation();
  const { session } = useSession();
  const sso = useCall(ssoContracts.settings, {});
  const [form, setForm] = useState(DEFAULTS);
  const [error, setError] = useState<unknown>();
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    const s = sso.data?.settings;
    // Only the editable fields: the answer also says when it changed and whether a secret is stored.
    if (s)
      setForm({
        providerName: s.providerName,
        issuer: s.issuer,
        clientId: s.clientId,
        clientSecret: '',
        claim: s.claim,
        matchBy: s.matchBy,
        enabled: s.enabled,
        createUnknown: s.createUnknown,
        newUserRole: s.newUserRole ?? '',
        allowLocalPasswords: s.allowLocalPasswords,
      });
  }, [sso.data]);

  const save = async (e: FormEvent) => {
    e.preventDefault();
    try {
      const { newUserRole, clientSecret, ...rest } = form;
      await call(ssoContracts.saveSettings, {
        body: {
          ...rest,
          newUserRole: newUserRole === '' ? null : newUserRole,
          ...(clientSecret === '' ? {} : { clientSecret }),
        },
      });
      setError(undefined);
      setSaved(true);
      await sso.reload();
    } catch (err) {
      setSaved(false);
      setError(err);
    }
  };

  const text = (name: 'providerName' | 'issuer' | 'clientId' | 'claim', hint?: string) => (
    <p>
      <label htmlFor={`sso-${name}`}>{t(`sso.${name}`)}</label>
      <br />
      <input
        id={`sso-${name}`}
        value={form[name]}
        required
        onChange={(e) => setForm({ ...form, [name]: e.target.value })}
        style={{ width: '100%' }}
      />
      {hint && <small className="muted">{hint}</small>}
    </p>
  );
  const check = (name: 'enabled' | 'allowLocalPasswords' | 'createUnknown') => (
    <label style={{ display: 'block', fontWeight: 'normal' }}>
      <input
        id={`sso-${name}`}
        type="checkbox"
        checked={form[name]}
        onChange={(e) => setForm({ ...form, [name]: e.target.checked })}
      />{' '}
      {t(`sso.${name}`)}
    </label>
  );

  return (
    <section className="card" aria-labelledby="sso-title" data-testid="sso-settings">
      <h2 id="sso-title">{t('sso.title')}</h2>
      <p className="muted">{t('sso.intro')}</p>
      <ErrorAlert error={error ?? sso.error} />
      {saved && (
        <div className="alert ok" role="status">
          {t('sso.saved')}
        </div>
      )}
      {sso.data && (
        <p>
          {t('sso.redirectUri')} <code style={{ wordBreak: 'break-all' }}>{sso.data.redirectUri}</code>
        </p>
      )}
      <form onSubmit={(e) => void save(e)}>
        <div className="grid">
          <div>
            {text('providerName', t('sso.providerNameHint'))}
            {text('issuer', t('sso.issuerHint'))}
            {text('clientId')}
            <p>
              <label htmlFor="sso-clientSecret">{t('sso.clientSecret')}</label>
              <br />
              <input
                id="sso-clientSecret"
                type="password"
                autoComplete="off"
                value={form.clientSecret}
                placeholder={sso.data?.settings?.hasSecret ? t('sso.secretKept') : ''}
                onChange={(e) => setForm({ ...form, clientSecret: e.target.value })}
                style={{ width: '100%' }}
              />
              {sso.data?.settings?.hasSecret && <small className="muted">{t('sso.secretHint')}</small>}
            </p>
          </div>
          <div>
            {text('claim', t('sso.claimHint'))}
            <p>
              <label htmlFor="sso-matchBy">{t('sso.matchBy')}</label>
              <br />
              <select
                id="sso-matchBy"
                value={form.matchBy}
                onChange={(e) => setForm({ ...form, matchBy: e.target.value as 'username' | 'email' })}
                style={{ width: '100%' }}
              >
                <option value="username">{t('sso.matchUsername')}</option>
                <option value="email">{t('sso.matchEmail')}</option>
              </select>
            </p>
            {check('enabled')}
            {check('allowLocalPasswords')}
            {check('createUnknown')}
            {form.createUnknown && (
              <p>
                <label htmlFor="sso-newUserRole">{t('sso.newUserRole')}</label>
                <br />
                <select
                  id="sso-newUserRole"
                  value={form.newUserRole}
                  onChange={(e) => setForm({ ...form, newUserRole: e.target.value })}
                  style={{ width: '100%' }}
                >
                  <option value="">—</option>
                  {Object.entries(session?.roles ?? {}).map(([id, role]) => (
                    <option key={id} value={id}>
                      {role.name}
                    </option>
                  ))}
                </select>
              </p>
            )}
          </div>
        </div>
        <p>
          <button type="submit">{t('sso.save')}</button>
        </p>
      </form>
      {sso.data && sso.data.events.length > 0 && (
        <>
          <h3>{t('sso.history')}</h3>
          <ul data-testid="sso-events">
            {sso.data.events.slice(0, 10).map((ev, i) => (
              <li key={i}>
                {formatDateTime(ev.at, i18n.language, session?.regency.timeZone)} — {t(`sso.event.${ev.action}`)}
                {ev.subject ? ` (${ev.subject})` : ''}
                {ev.detail?.reason ? `: ${t(`sso.reason.${ev.detail.reason}`)}` : ''}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
