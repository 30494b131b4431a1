import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNip } from '../../../engine/app/accounts/nip.ts';
import { accountContracts } from '../../../engine/contracts/accountContracts.ts';
import type { ReplyOf } from '../../../engine/contracts/contract.ts';
import { regencyContracts } from '../../../engine/contracts/regencyContracts.ts';
import { call } from '../../../ui-shared/api/call.ts';
import { useCall } from '../../../ui-shared/api/useCall.ts';
import { ErrorAlert } from '../../../ui-shared/components/ErrorAlert.tsx';
import { useSession } from '../../../ui-shared/session/SessionContext.tsx';
import { AccountEditor } from '../components/AccountEditor.tsx';
import type { Account } from '../components/accountTypes.ts';
import { AreaPicker } from '../components/AreaPicker.tsx';
import { SsoSettingsSection } from '../components/SsoSettingsSection.tsx';

type Issued = ReplyOf<typeof accountContracts.reset>;

const EMPTY = { username: '', name: '', nip: '', position: '', unit: '', email: '', phone: '' };

/** The regency admin's account screen: search and list, create, and the per-account actions. */
export function AccountsPage() {
  const { t } = useTranslation();
  const { session } = useSession();
  const [query, setQuery] = useState('');
  const [search, setSearch] = useState('');
  const list = useCall(accountContracts.list, { query: { q: search || undefined } });
  const regency = useCall(regencyContracts.current, {});
  const [form, setForm] = useState(EMPTY);
  const [roles, setRoles] = useState<string[]>([]);
  const [areas, setAreas] = useState<string[]>([]);
  const [credential, setCredential] = useState<'activation' | 'temporary'>('activation');
  const [error, setError] = useState<unknown>();
  const [notice, setNotice] = useState<{ text: string; secret?: string }>();
  const [editing, setEditing] = useState<Account>();
  const openEditor = (account: Account) => {
    setEditing(account);
    // The editor opens below the list; on a phone it would otherwise be out of sight.
    requestAnimationFrame(() => document.getElementById('edit-account')?.scrollIntoView({ block: 'start' }));
  };

  const showIssued = (result: Issued) => {
    const { temporaryPassword, activationToken, activationExpiresAt } = result.issued;
    const username = result.account.username;
    if (temporaryPassword) setNotice({ text: t('accounts.issuedTemporary', { username }), secret: temporaryPassword });
    else if (activationToken)
      setNotice({
        text: t('accounts.issuedActivation', {
          username,
          until: new Date(activationExpiresAt!).toLocaleDateString('id-ID'),
        }),
        secret: `${window.location.origin}/aktivasi#${activationToken}`,
      });
  };

  const create = async (e: FormEvent) => {
    e.preventDefault();
    try {
      const result = await call(accountContracts.create, { body: { ...form, roles, areas, credential } });
      setError(undefined);
      setForm(EMPTY);
      setRoles([]);
      setAreas([]);
      showIssued(result);
      await list.reload();
    } catch (err) {
      setError(err);
    }
  };

  const act = async (account: Account, what: 'reset' | 'unlock' | 'disable' | 'enable') => {
    try {
      const params = { username: account.username };
      if (what === 'reset') {
        const result = await call(accountContracts.reset, { params, body: { credential: 'temporary' } });
        setError(undefined);
        showIssued(result);
      } else {
        await call(accountContracts[what], { params });
        setError(undefined);
        setNotice({ text: t('accounts.done') });
      }
      await list.reload();
    } catch (err) {
      setError(err);
    }
  };

  const field = (name: keyof typeof EMPTY, label: string, hint?: string, required = false) => (
    <p>
      <label htmlFor={`account-${name}`}>{label}</label>
      <br />
      <input
        id={`account-${name}`}
        value={form[name]}
        required={required}
        onChange={(e) => setForm({ ...form, [name]: e.target.value })}
        style={{ width: '100%' }}
      />
      {hint && <small className="muted">{hint}</small>}
    </p>
  );

  return (
    <>
      <h1>{t('accounts.title')}</h1>
      <p className="muted">{t('accounts.intro', { regency: session?.regency.name ?? '' })}</p>
      <ErrorAlert error={error ?? list.error} />
      {notice && (
        <div className="alert ok" role="status" data-testid="account-notice">
          {notice.text}
          {notice.secret && (
            <p style={{ marginBottom: 0 }}>
              <code data-testid="account-secret" style={{ wordBreak: 'break-all' }}>
                {notice.secret}
              </code>
            </p>
          )}
        </div>
      )}
      <form
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          setSearch(query.trim());
        }}
        className="row"
      >
        <label htmlFor="account-search" className="visually-hidden">
          {t('accounts.search')}
        </label>
        <input
          id="account-search"
          placeholder={t('accounts.search')}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          style={{ flex: 1, minWidth: 0 }}
        />
        <button type="submit">{t('accounts.searchButton')}</button>
      </form>
      <table className="list responsive" data-testid="account-list">
        <thead>
          <tr>
            <th>{t('accounts.name')}</th>
            <th>{t('accounts.roles')}</th>
            <th>{t('accounts.status')}</th>
            <th>{t('accounts.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {list.data?.accounts.map((a) => (
            <tr key={a.username} data-testid={`account-${a.username}`}>
              <td>
                <strong>{a.name}</strong>
                <br />
                <small className="muted" style={{ overflowWrap: 'anywhere' }}>
                  {a.username}
                  {a.nip ? ` · NIP ${formatNip(a.nip)}` : ''}
                  {a.position ? ` · ${a.position}` : ''}
                </small>
              </td>
              <td data-label={t('accounts.roles')}>{a.roles.map((r) => session?.roles[r]?.name ?? r).join(', ')}</td>
              <td data-label={t('accounts.status')}>
                <span className={`badge ${a.active && !a.locked ? 'ok' : 'bad'}`}>
                  {!a.active ? t('accounts.inactive') : a.locked ? t('accounts.locked') : t('accounts.active')}
                </span>
                {a.mustChangePassword && <span className="badge warn">{t('accounts.mustChange')}</span>}
                {a.demo && <span className="badge">{t('accounts.demo')}</span>}
              </td>
              <td className="actions">
                <button type="button" onClick={() => openEditor(a)}>
                  {t('accounts.edit')}
                </button>{' '}
                <button type="button" className="secondary" onClick={() => void act(a, 'reset')}>
                  {t('accounts.reset')}
                </button>{' '}
                {a.locked && (
                  <button type="button" className="secondary" onClick={() => void act(a, 'unlock')}>
                    {t('accounts.unlock')}
                  </button>
                )}{' '}
                {a.active ? (
                  <button type="button" className="danger" onClick={() => void act(a, 'disable')}>
                    {t('accounts.disable')}
                  </button>
                ) : (
                  <button type="button" onClick={() => void act(a, 'enable')}>
                    {t('accounts.enable')}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted">{t('accounts.count', { count: list.data?.accounts.length ?? 0 })}</p>
      {editing && (
        <AccountEditor
          key={editing.username}
          account={editing}
          units={regency.data?.regency.units ?? []}
          onSaved={(updated) => {
            setEditing(updated);
            void list.reload();
          }}
          onClose={() => setEditing(undefined)}
        />
      )}

      <section className="card" aria-labelledby="new-account">
        <h2 id="new-account">{t('accounts.new')}</h2>
        <form onSubmit={(e) => void create(e)}>
          <div className="grid">
            <div>
              {field('name', t('accounts.name'), undefined, true)}
              {field('username', t('accounts.username'), undefined, true)}
              {field('nip', t('accounts.nip'), t('accounts.nipHint'))}
              {field('position', t('accounts.position'))}
              <p>
                <label htmlFor="account-unit">{t('accounts.unit')}</label>
                <br />
                <select
                  id="account-unit"
                  value={form.unit}
                  onChange={(e) => setForm({ ...form, unit: e.target.value })}
                  style={{ width: '100%' }}
                >
                  <option value="">{t('accounts.noUnit')}</option>
                  {regency.data?.regency.units.map((u) => (
                    <option key={u.id} value={u.id}>
                      {u.name}
                    </option>
                  ))}
                </select>
              </p>
              {field('email', t('accounts.email'))}
              {field('phone', t('accounts.phone'))}
              <AreaPicker value={areas} onChange={setAreas} />
            </div>
            <fieldset>
              <legend>{t('accounts.roles')}</legend>
              {Object.entries(session?.roles ?? {}).map(([id, role]) => (
                <label key={id} style={{ display: 'block', fontWeight: 'normal' }}>
                  <input
                    type="checkbox"
                    name="roles"
                    value={id}
                    checked={roles.includes(id)}
                    onChange={(e) => setRoles(e.target.checked ? [...roles, id] : roles.filter((r) => r !== id))}
                  />{' '}
                  {role.name}
                </label>
              ))}
            </fieldset>
          </div>
          <fieldset>
            <legend>{t('accounts.credential')}</legend>
            {(['activation', 'temporary'] as const).map((kind) => (
              <label key={kind} style={{ display: 'block', fontWeight: 'normal' }}>
                <input
                  type="radio"
                  name="credential"
                  value={kind}
                  checked={credential === kind}
                  onChange={() => setCredential(kind)}
                />{' '}
                {t(`accounts.${kind}`)}
              </label>
            ))}
          </fieldset>
          <p>
            <button type="submit">{t('accounts.create')}</button>
          </p>
        </form>
      </section>
      <SsoSettingsSection />
    </>
  );
}
