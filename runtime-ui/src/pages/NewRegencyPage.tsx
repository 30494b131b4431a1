import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { BodyOf } from '../../../engine/contracts/contract.ts';
import { regencySettingsContracts } from '../../../engine/contracts/regencySettingsContracts.ts';
import { call } from '../../../ui-shared/api/call.ts';
import { useCall } from '../../../ui-shared/api/useCall.ts';
import { ErrorAlert } from '../../../ui-shared/components/ErrorAlert.tsx';
import { useSession } from '../../../ui-shared/session/SessionContext.tsx';

type Zone = 'WIB' | 'WITA' | 'WIT';
type Office = BodyOf<typeof regencySettingsContracts.create>['office'];

const EMPTY = {
  regionCode: '',
  id: '',
  officeName: '',
  parent: '',
  address: '',
  phone: '',
  email: '',
  website: '',
  headName: '',
  headTitle: '',
  headNip: '',
  adminName: '',
  adminUsername: '',
};

// Province codes by zone (Keppres 41/1987): a suggestion only, the admin chooses.
const WITA_PROVINCES = ['51', '52', '53', '63', '64', '65', '71', '72', '73', '74', '75', '76'];

function suggestedZone(code: string): Zone {
  const province = code.slice(0, 2);
  if (WITA_PROVINCES.includes(province)) return 'WITA';
  return province.startsWith('8') || province.startsWith('9') ? 'WIT' : 'WIB';
}

/** A slug from "Kabupaten Penajam Paser Utara" → "penajam-paser-utara" (the admin may change it). */
function slugOf(name: string): string {
  return name
    .replace(/^(Kabupaten|Kota)\s+/i, (m) => (m.toLowerCase().startsWith('kota') ? 'kota ' : ''))
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** The platform admin's new-regency wizard: region (checked against the Kemendagri list), letterhead, first admin. */
export function NewRegencyPage() {
  const { t } = useTranslation();
  const { session } = useSession();
  const codes = useCall(regencySettingsContracts.codes, session?.platformAdmin === true ? {} : null);
  const [form, setForm] = useState(EMPTY);
  const [zone, setZone] = useState<Zone>('WIB');
  const [credential, setCredential] = useState<'activation' | 'temporary'>('activation');
  const [error, setError] = useState<unknown>();
  const [created, setCreated] = useState<{ text: string; secret: string }>();
  if (session?.platformAdmin !== true) return <div className="alert info">{t('newRegency.notPlatform')}</div>;
  const found = codes.data?.regencies.find((k) => k.code === form.regionCode.trim());

  const chooseCode = (value: string) => {
    const match = codes.data?.regencies.find((k) => k.code === value.trim());
    setForm({
      ...form,
      regionCode: value,
      ...(match && form.id === '' ? { id: slugOf(match.name) } : {}),
      ...(match && form.officeName === '' ? { officeName: `Dinas Sosial ${match.name}` } : {}),
      ...(match && form.parent === '' ? { parent: `PEMERINTAH ${match.name.toUpperCase()}` } : {}),
    });
    if (match) setZone(suggestedZone(match.code));
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(undefined);
    const office: Office = { name: form.officeName.trim() };
    for (const key of ['parent', 'address', 'phone', 'email', 'website'] as const) {
      const value = form[key].trim();
      if (value !== '') office[key] = value;
    }
    if (form.headName.trim() !== '')
      office.head = {
        name: form.headName.trim(),
        title: form.headTitle.trim() || `Kepala ${form.officeName.trim()}`,
        ...(form.headNip.trim() !== '' ? { nip: form.headNip.trim() } : {}),
      };
    try {
      const result = await call(regencySettingsContracts.create, {
        body: {
          id: form.id.trim(),
          name: found?.name ?? '',
          regionCode: form.regionCode.trim(),
          timezone: zone,
          office,
          admin: { username: form.adminUsername.trim(), name: form.adminName.trim(), credential },
        },
      });
      const { temporaryPassword, activationToken } = result.admin.issued;
      setCreated({
        text: t('newRegency.created', { name: result.name, username: result.admin.account.username }),
        secret: temporaryPassword ?? `${window.location.origin}/aktivasi#${activationToken ?? ''}`,
      });
      setForm(EMPTY);
    } catch (err) {
      setError(err);
    }
  };

  const field = (name: keyof typeof EMPTY, label: string, hint?: string, required = false) => (
    <p>
      <label htmlFor={`regency-${name}`}>{label}</label>
      <br />
      <input
        id={`regency-${name}`}
        value={form[name]}
        required={required}
        onChange={(e) =>
          name === 'regionCode' ? chooseCode(e.target.value) : setForm({ ...form, [name]: e.target.value })
        }
        style={{ width: '100%' }}
      />
      {hint && <small className="muted">{hint}</small>}
    </p>
  );

  return (
    <>
      <h1>{t('newRegency.title')}</h1>
      <p className="muted">{t('newRegency.intro')}</p>
      <ErrorAlert error={error ?? codes.error} />
      {created && (
        <div className="alert ok" role="status" data-testid="regency-created">
          {created.text}
          <p style={{ marginBottom: 0 }}>
            <code data-testid="regency-secret" style={{ wordBreak: 'break-all' }}>
              {created.secret}
            </code>
          </p>
        </div>
      )}
      <form onSubmit={(e) => void submit(e)} className="card" data-testid="new-regency">
        <h2>{t('newRegency.stepRegion')}</h2>
        {field('regionCode', t('newRegency.regionCode'), t('newRegency.regionCodeHint'), true)}
        {form.regionCode.trim().length >= 5 && (
          <p data-testid="region-found" className={found ? 'badge ok' : 'badge bad'}>
            {found ? t('newRegency.found', { name: found.name, province: found.province }) : t('newRegency.notFound')}
          </p>
        )}
        {field('id', t('newRegency.id'), t('newRegency.idHint'), true)}
        <p>
          <label htmlFor="regency-zone">{t('newRegency.timezone')}</label>
          <br />
          <select id="regency-zone" value={zone} onChange={(e) => setZone(e.target.value as Zone)}>
            <option value="WIB">WIB (UTC+7)</option>
            <option value="WITA">WITA (UTC+8)</option>
            <option value="WIT">WIT (UTC+9)</option>
          </select>
        </p>
        <h2>{t('newRegency.stepOffice')}</h2>
        {field('officeName', t('newRegency.officeName'), undefined, true)}
        {field('parent', t('newRegency.parent'))}
        {field('address', t('newRegency.address'))}
        {field('phone', t('newRegency.phone'))}
        {field('email', t('newRegency.email'))}
        {field('website', t('newRegency.website'))}
        {field('headName', t('newRegency.headName'))}
        {field('headTitle', t('newRegency.headTitle'))}
        {field('headNip', t('newRegency.headNip'))}
        <h2>{t('newRegency.stepAdmin')}</h2>
        {field('adminName', t('newRegency.adminName'), undefined, true)}
        {field('adminUsername', t('newRegency.adminUsername'), undefined, true)}
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
        <button type="submit" disabled={!found} style={{ marginTop: '.75rem' }}>
          {t('newRegency.create')}
        </button>
      </form>
    </>
  );
}
