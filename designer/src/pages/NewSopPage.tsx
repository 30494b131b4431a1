import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { call } from '../../../ui-shared/api/call.ts';
import { designerSopContracts } from '../../../engine/contracts/designerContracts.ts';
import { regencyContracts } from '../../../engine/contracts/regencyContracts.ts';
import { ErrorAlert } from '../../../ui-shared/components/ErrorAlert.tsx';
import { useCall } from '../../../ui-shared/api/useCall.ts';
import { useSession } from '../../../ui-shared/session/SessionContext.tsx';

const ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,79}$/;

/** Lowercase id from a name: "Layanan Baru" → "layanan-baru". */
function slug(name: string): string {
  return name
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
}

/** A new SOP from the template, or a copy of another regency's published SOP. */
export function NewSopPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const library = useCall(designerSopContracts.library, {});
  const regency = useCall(regencyContracts.current, {});
  const { session } = useSession();
  // The drafter's own unit first: the template's lanes are that unit's staff and head.
  const ownUnit = session?.user.roles.map((r) => session.roles[r]?.unit).find((u) => u) ?? '';
  const [unit, setUnit] = useState<string>();
  const [problems, setProblems] = useState<string[]>([]);
  const [name, setName] = useState('');
  const [sopId, setSopId] = useState('');
  const [idTouched, setIdTouched] = useState(false);
  const [from, setFrom] = useState<'template' | 'copy'>('template');
  const [copy, setCopy] = useState('');
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    // The app's own messages, in Indonesian, instead of the browser's "Please match the requested format."
    const found = [
      name.trim() === '' ? t('designer.new.nameMissing') : '',
      ID_PATTERN.test(sopId) ? '' : t('designer.new.idInvalid'),
      from === 'copy' && copy === '' ? t('designer.new.copyMissing') : '',
    ].filter(Boolean);
    setProblems(found);
    if (found.length > 0) return;
    setBusy(true);
    setError(undefined);
    try {
      const [regencyId = '', copiedId = ''] = copy.split('/');
      await call(designerSopContracts.create, {
        body: {
          sopId,
          name,
          from:
            from === 'template'
              ? { template: true, ...((unit ?? ownUnit) ? { unit: unit ?? ownUnit } : {}) }
              : { copy: { regencyId, sopId: copiedId } },
        },
      });
      void navigate(`/sop/${sopId}`);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <h1>{t('designer.new.title')}</h1>
      <ErrorAlert error={error ?? library.error} />
      <form className="card" noValidate onSubmit={(e) => void submit(e)} style={{ maxWidth: 760 }}>
        {problems.length > 0 && (
          <div className="alert error" role="alert" data-testid="new-problems">
            {problems.map((p) => (
              <div key={p}>{p}</div>
            ))}
          </div>
        )}
        <p>
          <label htmlFor="sop-name">{t('designer.new.name')}</label>
          <br />
          <input
            id="sop-name"
            value={name}
            aria-invalid={problems.includes(t('designer.new.nameMissing'))}
            style={{ width: '100%' }}
            onChange={(e) => {
              setName(e.target.value);
              if (!idTouched) setSopId(slug(e.target.value));
            }}
          />
        </p>
        <p>
          <label htmlFor="sop-id">{t('designer.new.id')}</label>
          <br />
          <input
            id="sop-id"
            value={sopId}
            aria-invalid={problems.includes(t('designer.new.idInvalid'))}
            style={{ width: '100%' }}
            aria-describedby="sop-id-help"
            onChange={(e) => {
              setIdTouched(true);
              setSopId(e.target.value);
            }}
          />
          <br />
          <small id="sop-id-help" className="muted">
            {t('designer.new.idHelp')}
          </small>
        </p>
        <fieldset style={{ border: 0, padding: 0 }}>
          <legend>
            <strong>{t('designer.new.from')}</strong>
          </legend>
          <label style={{ fontWeight: 400, display: 'block' }}>
            <input type="radio" name="from" checked={from === 'template'} onChange={() => setFrom('template')} />{' '}
            {t('designer.new.template')}
          </label>
          <label style={{ fontWeight: 400, display: 'block' }}>
            <input type="radio" name="from" checked={from === 'copy'} onChange={() => setFrom('copy')} />{' '}
            {t('designer.new.copy')}
          </label>
        </fieldset>
        {from === 'template' && regency.data && (
          <p>
            <label htmlFor="sop-unit">{t('designer.new.unit')}</label>
            <br />
            <select
              id="sop-unit"
              value={unit ?? ownUnit}
              onChange={(e) => setUnit(e.target.value)}
              style={{ width: '100%' }}
              aria-describedby="sop-unit-help"
            >
              {regency.data.regency.units.map((u) => (
                <option key={u.id} value={u.id}>
                  {u.name}
                </option>
              ))}
            </select>
            <br />
            <small id="sop-unit-help" className="muted">
              {t('designer.new.unitHelp')}
            </small>
          </p>
        )}
        {from === 'copy' && (
          <p>
            <label htmlFor="copy-from">{t('designer.new.copyFrom')}</label>
            <br />
            <select id="copy-from" value={copy} onChange={(e) => setCopy(e.target.value)} style={{ width: '100%' }}>
              <option value="">—</option>
              {library.data?.regencies.map((r) => (
                <optgroup key={r.regencyId} label={r.regencyName}>
                  {r.sops.map((s) => (
                    <option key={s.sopId} value={`${r.regencyId}/${s.sopId}`}>
                      {s.name} (v{s.version})
                    </option>
                  ))}
                </optgroup>
              ))}
            </select>
          </p>
        )}
        <button type="submit" disabled={busy}>
          {t('designer.new.create')}
        </button>
      </form>
    </>
  );
}
