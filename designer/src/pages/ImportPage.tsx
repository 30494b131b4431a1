import { strToU8, zipSync } from 'fflate';
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { urlOf, type ReplyOf } from '../../../engine/contracts/contract.ts';
import { designerPackContracts } from '../../../engine/contracts/designerContracts.ts';
import { call } from '../../../ui-shared/api/call.ts';
import { ErrorAlert } from '../../../ui-shared/components/ErrorAlert.tsx';

type Report = ReplyOf<typeof designerPackContracts.check>;
type Saved = ReplyOf<typeof designerPackContracts.import>['saved'];

/** Several YAML files are zipped in the browser, so the server reads one format: a zip. */
async function toZip(files: File[]): Promise<Blob> {
  if (files.length === 1 && /\.zip$/i.test(files[0]!.name)) return files[0]!;
  const entries: Record<string, Uint8Array> = {};
  for (const file of files) entries[file.name] = strToU8(await file.text());
  return new Blob([zipSync(entries) as Uint8Array<ArrayBuffer>], { type: 'application/zip' });
}

/** Import a regency pack: a validation report first, then save all or nothing. */
export function ImportPage() {
  const { t, i18n } = useTranslation();
  const [zip, setZip] = useState<Blob>();
  const [report, setReport] = useState<Report>();
  const [error, setError] = useState<unknown>();
  const [saved, setSaved] = useState<Saved>();
  const [keepInvalid, setKeepInvalid] = useState(false);
  const check = async (files: File[]) => {
    setError(undefined);
    setSaved(undefined);
    try {
      const packed = await toZip(files);
      setZip(packed);
      setReport(await call(designerPackContracts.check, {}, { raw: packed, contentType: 'application/zip' }));
    } catch (e) {
      setError(e);
    }
  };
  const save = async () => {
    if (!zip || !report) return;
    const bases = report.files
      .filter((f) => f.sopId !== null && f.action !== 'skip')
      .map((f) => `${f.sopId}:${f.baseRevision}`)
      .join(',');
    try {
      const result = await call(
        designerPackContracts.import,
        { query: { bases, ...(keepInvalid ? { keepInvalid: '1' } : {}) } },
        { raw: zip, contentType: 'application/zip' },
      );
      setSaved(result.saved);
      setReport(undefined);
    } catch (e) {
      setError(e);
    }
  };
  return (
    <>
      <h1>{t('designer.import.title')}</h1>
      <p>{t('designer.import.intro')}</p>
      <div className="card">
        <label htmlFor="pack">{t('designer.import.files')}</label>
        <br />
        <input
          id="pack"
          type="file"
          multiple
          accept=".yaml,.yml,.zip"
          onChange={(e) => void check(Array.from(e.target.files ?? []))}
        />
        <p>
          <a href={urlOf(designerPackContracts.export)} download>
            {t('designer.list.export')}
          </a>
        </p>
      </div>
      <ErrorAlert error={error} />
      {saved && (
        <div className="alert ok" role="status">
          {t('designer.import.saved', { count: saved.length })}
          <ul>
            {saved.map((s) => (
              <li key={s.sopId}>
                {s.sopId === '@regency' ? (
                  <Link to="/pengaturan">{t('designer.nav.settings')}</Link>
                ) : (
                  <Link to={`/sop/${s.sopId}`}>{s.sopId}</Link>
                )}{' '}
                · {t('designer.editor.revision', { revision: s.revision })}
              </li>
            ))}
          </ul>
        </div>
      )}
      {report && (
        <section className="card" data-testid="import-report">
          <h2>
            {report.valid
              ? t('designer.import.valid')
              : report.savableAsDrafts
                ? t('designer.import.invalidDraftable')
                : t('designer.import.invalid')}
          </h2>
          {/* Each file's result is a full-width row under it, so a 390 px screen shows it without scrolling. */}
          <table className="list">
            <thead>
              <tr>
                <th>{t('designer.import.file')}</th>
                <th>SOP</th>
                <th>{t('designer.import.action')}</th>
              </tr>
            </thead>
            <tbody>
              {report.files.map((f) => (
                <Fragment key={f.file}>
                  <tr>
                    <td style={{ wordBreak: 'break-word' }}>{f.file}</td>
                    <td>
                      {f.name ?? '—'}
                      <div className="muted">{f.sopId}</div>
                    </td>
                    <td>{t(`designer.import.${f.action}`)}</td>
                  </tr>
                  <tr>
                    <td colSpan={3} aria-label={t('designer.import.result')}>
                      {f.note && <div className="muted">{f.note}</div>}
                      {f.errors.length === 0 ? (
                        f.action === 'skip' ? null : (
                          <span className="badge ok">{t('designer.import.ok')}</span>
                        )
                      ) : (
                        <ul>
                          {f.errors.map((e, i) => (
                            <li key={i}>
                              <code>
                                {e.line}:{e.column}
                              </code>{' '}
                              {i18n.language === 'en' ? e.messageEn : e.message}
                            </li>
                          ))}
                        </ul>
                      )}
                    </td>
                  </tr>
                </Fragment>
              ))}
            </tbody>
          </table>
          {!report.valid && report.savableAsDrafts && (
            <p>
              <label>
                <input
                  type="checkbox"
                  id="keep-invalid"
                  checked={keepInvalid}
                  onChange={(e) => setKeepInvalid(e.target.checked)}
                />{' '}
                {t('designer.import.keepInvalid')}
              </label>
            </p>
          )}
          <button
            type="button"
            disabled={!(report.valid || (keepInvalid && report.savableAsDrafts))}
            onClick={() => void save()}
            style={{ marginTop: '.75rem' }}
          >
            {t('designer.import.save')}
          </button>
        </section>
      )}
    </>
  );
}
