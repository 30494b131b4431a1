import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { call } from '../../../ui-shared/api/call.ts';
import { designerReviewContracts, designerSopContracts } from '../../../engine/contracts/designerContracts.ts';
import { regencySettingsContracts } from '../../../engine/contracts/regencySettingsContracts.ts';
import { ErrorAlert } from '../../../ui-shared/components/ErrorAlert.tsx';
import { formatDateTime } from '../../../ui-shared/format/dateTime.ts';
import { useCall } from '../../../ui-shared/api/useCall.ts';
import { DiffView } from './DiffView.tsx';

/** Which document's history: an SOP (from the route) or, with `regency`, the regency settings. */
interface Props {
  regency?: boolean;
}

/** Versions and draft revisions of an SOP or of the regency settings, a readable diff between any two, and revert (SOPs). */
export function HistoryPage({ regency = false }: Props) {
  const { t, i18n } = useTranslation();
  const { sopId: routeSop = '' } = useParams();
  const sopId = regency ? 'regency.yaml' : routeSop;
  const editor = regency ? '/pengaturan' : `/sop/${sopId}`;
  const navigate = useNavigate();
  const [search, setSearch] = useSearchParams();
  // Both kinds of document are read through their own declared routes; the other one loads nothing.
  const ofSop = regency ? null : { params: { sopId } };
  const ofRegency = regency ? {} : null;
  const sopHistory = useCall(designerSopContracts.history, ofSop);
  const regencyHistory = useCall(regencySettingsContracts.history, ofRegency);
  const history = regency ? regencyHistory : sopHistory;
  const sopCopy = useCall(designerSopContracts.workingCopy, ofSop);
  const regencyCopy = useCall(regencySettingsContracts.workingCopy, ofRegency);
  const copy = regency ? regencyCopy : sopCopy;
  const from = search.get('dari') ?? '';
  const to = search.get('ke') ?? '';
  const pair = from && to ? { from, to } : undefined;
  const sopDiff = useCall(designerSopContracts.diff, pair && ofSop ? { ...ofSop, query: pair } : null);
  const regencyDiff = useCall(regencySettingsContracts.diff, pair && ofRegency ? { query: pair } : null);
  const diff = regency ? regencyDiff : sopDiff;
  const [error, setError] = useState<unknown>();
  if (!history.data) return <ErrorAlert error={history.error} />;
  const refs = [
    ...history.data.revisions.map((r) => ({
      ref: `r${r.revision}`,
      label: t('designer.history.revisionLabel', { revision: r.revision, name: r.savedByName }),
    })),
    ...history.data.versions.map((v) => ({
      ref: `v${v.version}`,
      label: t('designer.history.versionLabel', { version: v.version }),
    })),
    ...(regency ? [{ ref: 'berlaku', label: t('designer.settings.inForce') }] : []),
  ];
  const revert = async (version: number) => {
    try {
      await call(designerReviewContracts.revert, {
        params: { sopId },
        body: { version, baseRevision: copy.data?.revision ?? 0 },
      });
      void navigate(editor);
    } catch (e) {
      setError(e);
    }
  };
  const pick = (key: 'dari' | 'ke', value: string) => {
    const next = new URLSearchParams(search);
    next.set(key, value);
    setSearch(next);
  };
  return (
    <>
      <p className="muted">
        <Link to={editor}>← {sopId}</Link>
      </p>
      <h1>{regency ? t('designer.settings.history') : t('designer.history.title')}</h1>
      <ErrorAlert error={error} />
      <section className="card">
        <h2>{t('designer.history.compare')}</h2>
        <div className="row">
          <div>
            <label htmlFor="diff-from">{t('designer.history.from')}</label>
            <br />
            <select id="diff-from" value={from} onChange={(e) => pick('dari', e.target.value)}>
              <option value="">—</option>
              {refs.map((r) => (
                <option key={r.ref} value={r.ref}>
                  {r.label}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="diff-to">{t('designer.history.to')}</label>
            <br />
            <select id="diff-to" value={to} onChange={(e) => pick('ke', e.target.value)}>
              <option value="">—</option>
              {refs.map((r) => (
                <option key={r.ref} value={r.ref}>
                  {r.label}
                </option>
              ))}
            </select>
          </div>
        </div>
        <ErrorAlert error={diff.error} />
        {diff.data && (
          <DiffView
            from={refs.find((r) => r.ref === from)?.label ?? diff.data.from}
            to={refs.find((r) => r.ref === to)?.label ?? diff.data.to}
            diff={diff.data.diff}
          />
        )}
      </section>
      <div className="grid">
        <section className="card">
          <h2>{t('designer.history.versions')}</h2>
          {history.data.versions.length === 0 && <p className="muted">{t('designer.history.noVersions')}</p>}
          <ul className="timeline">
            {history.data.versions.map((v) => (
              <li key={v.version} className="important">
                <strong>{t('designer.history.versionLabel', { version: v.version })}</strong> ·{' '}
                {formatDateTime(v.publishedAt, i18n.language)} ·{' '}
                {/* A version loaded from the SOP folder at start-up has a system author, not a person. */}
                {v.publishedBy.startsWith('sistem:') ? t('history.fromFolder') : v.publishedBy}
                {!regency && (
                  <div>
                    <button type="button" className="secondary" onClick={() => void revert(v.version)}>
                      {t('designer.history.revert')}
                    </button>
                  </div>
                )}
              </li>
            ))}
          </ul>
        </section>
        <section className="card">
          <h2>{t('designer.history.revisions')}</h2>
          <ul className="timeline">
            {history.data.revisions.map((r) => (
              <li key={r.revision}>
                <strong>{t('designer.history.revisionLabel', { revision: r.revision, name: r.savedByName })}</strong> ·{' '}
                {formatDateTime(r.savedAt, i18n.language)} · {t(`designer.origin.${r.origin}`)}
                {r.note && <div className="muted">{r.note}</div>}
                {history
                  .data!.reviews.filter((x) => x.revision === r.revision)
                  .reverse()
                  .map((x, i) => (
                    <div key={i} className="muted">
                      {t(`designer.review.${x.action}Event`, { name: x.byName, version: x.version ?? '' })}
                      {x.note ? `: ${x.note}` : ''}
                    </div>
                  ))}
              </li>
            ))}
          </ul>
        </section>
      </div>
    </>
  );
}
