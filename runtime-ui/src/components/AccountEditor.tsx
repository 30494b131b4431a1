import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNip } from '../../../engine/app/accounts/nip.ts';
import { accountContracts } from '../../../engine/contracts/accountContracts.ts';
import { call } from '../../../ui-shared/api/call.ts';
import { ErrorAlert } from '../../../ui-shared/components/ErrorAlert.tsx';
import { useSession } from '../../../ui-shared/session/SessionContext.tsx';
import { AccountHistory } from './AccountHistory.tsx';
import type { Account, Unit } from './accountTypes.ts';
import { AreaPicker } from './AreaPicker.tsx';

type Fields = { name: string; nip: string; position: string; unit: string; email: string; phone: string };

function fieldsOf(account: Account): Fields {
  return {
    name: account.name,
    nip: account.nip ? formatNip(account.nip) : '',
    position: account.position ?? '',
    unit: account.unit ?? '',
    email: account.email ?? '',
    phone: account.phone ?? '',
  };
}

/** Edits an existing account's person data (not its password) and shows the account's change history. */
export function AccountEditor({
  account,
  units,
  onSaved,
  onClose,
}: {
  account: Account;
  units: Unit[];
  onSaved: (account: Account) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { session } = useSession();
  const [form, setForm] = useState<Fields>(() => fieldsOf(account));
  const [roles, setRoles] = useState<string[]>(account.roles);
  const [areas, setAreas] = useState<string[]>(account.areas);
  const [error, setError] = useState<unknown>();
  const [saved, setSaved] = useState(0);

  const save = async (e: FormEvent) => {
    e.preventDefault();
    try {
      const result = await call(accountContracts.update, {
        params: { username: account.username },
        body: { ...form, roles, areas },
      });
      setError(undefined);
      setSaved(saved + 1);
      onSaved(result.account);
    } catch (err) {
      setError(err);
    }
  };

  const field = (name: keyof Fields, hint?: string) => (
    <p>
      <label htmlFor={`edit-${name}`}>{t(`accounts.${name}`)}</label>
      <br />
      <input
        id={`edit-${name}`}
        value={form[name]}
        required={name === 'name'}
        onChange={(e) => setForm({ ...form, [name]: e.target.value })}
        style={{ width: '100%' }}
      />
      {hint && <small className="muted">{hint}</small>}
    </p>
  );

  return (
    <section className="card" aria-labelledby="edit-account" data-testid="account-editor">
      <h2 id="edit-account">{t('accounts.editTitle', { username: account.username })}</h2>
      <ErrorAlert error={error} />
      {saved > 0 && (
        <div className="alert ok" role="status">
          {t('accounts.done')}
        </div>
      )}
      <form onSubmit={(e) => void save(e)}>
        <div className="grid">
          <div>
            {field('name')}
            {field('nip', t('accounts.nipHint'))}
            {field('position')}
            <p>
              <label htmlFor="edit-unit">{t('accounts.unit')}</label>
              <br />
              <select
                id="edit-unit"
                value={form.unit}
                onChange={(e) => setForm({ ...form, unit: e.target.value })}
                style={{ width: '100%' }}
              >
                <option value="">{t('accounts.noUnit')}</option>
                {units.map((u) => (
                  <option key={u.id} value={u.id}>
                    {u.name}
                  </option>
                ))}
              </select>
            </p>
            {field('email')}
            {field('phone')}
            <AreaPicker value={areas} onChange={setAreas} idPrefix="edit-area" />
          </div>
          <fieldset>
            <legend>{t('accounts.roles')}</legend>
            {Object.entries(session?.roles ?? {}).map(([id, role]) => (
              <label key={id} style={{ display: 'block', fontWeight: 'normal' }}>
                <input
                  type="checkbox"
                  name="edit-roles"
                  value={id}
                  checked={roles.includes(id)}
                  onChange={(e) => setRoles(e.target.checked ? [...roles, id] : roles.filter((r) => r !== id))}
                />{' '}
                {role.name}
              </label>
            ))}
          </fieldset>
        </div>
        <p className="row">
          <button type="submit">{t('accounts.save')}</button>
          <button type="button" className="secondary" onClick={onClose}>
            {t('accounts.close')}
          </button>
        </p>
      </form>
      <AccountHistory username={account.username} version={saved} />
    </section>
  );
}
