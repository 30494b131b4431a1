import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api } from '../../../ui-shared/api/apiClient.ts';
import { ErrorAlert } from '../../../ui-shared/components/ErrorAlert.tsx';
import { useApi } from '../../../ui-shared/api/useApi.ts';

type Library = {
  regencies: Array<{
    regencyId: string;
    regencyName: string;
    sops: Array<{ sopId: string; name: string; version: number }>;
  }>;
};

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
  const library = useApi<Library>('/api/designer/library');
  const [name, setName] = useState('');
  const [sopId, setSopId] = useState('');
  const [idTouched, setIdTouched] = useState(false);
  const [from, setFrom] = useState<'template' | 'copy'>('template');
  const [copy, setCopy] = useState('');
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const [regencyId = '', copiedId = ''] = copy.split('/');
      await api('POST', '/api/designer/sops', {
        sopId,
        name,
        from: from === 'template' ? { template: true } : { copy: { regencyId, sopId: copiedId } },
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
      <form className="card" onSubmit={(e) => void submit(e)} style={{ maxWidth: 760 }}>
        <p>
          <label htmlFor="sop-name">{t('designer.new.name')}</label>
          <br />
          <input
            id="sop-name"
            value={name}
            required
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
            required
            pattern="[a-z0-9][a-z0-9\-]{0,79}"
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
        {from === 'copy' && (
          <p>
            <label htmlFor="copy-from">{t('designer.new.copyFrom')}</label>
            <br />
            <select
              id="copy-from"
              value={copy}
              required
              onChange={(e) => setCopy(e.target.value)}
              style={{ width: '100%' }}
            >
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
