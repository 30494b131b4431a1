import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseSection } from '../../../engine/app/caseData/caseSections.ts';
import type { Static } from '@sinclair/typebox';
import { attachmentContracts } from '../../../engine/contracts/attachmentContracts.ts';
import { caseContracts, type CaseOverviewSchema } from '../../../engine/contracts/caseContracts.ts';
import { call } from '../../../ui-shared/api/call.ts';
import { useCall } from '../../../ui-shared/api/useCall.ts';
import { fileHref } from '../../../ui-shared/api/fileHref.ts';
import { ErrorAlert } from '../../../ui-shared/components/ErrorAlert.tsx';
import { DocumentPreview } from './DocumentPreview.tsx';
import { DuplicateWarning } from './DuplicateNotice.tsx';
import { formatDateTime } from './format.ts';

/** The sections API's answer (engine/app/caseData/caseOverview.ts). */
type Overview = Static<typeof CaseOverviewSchema>;

/** An item's place in its list, read from its parts' paths (`penerima/1/nama`); `fallback` for an empty item. */
function positionOf(parts: ReadonlyArray<{ path: string }>, fallback: number): number {
  const index = /\/(\d+)\/[^/]+$/.exec(parts[0]?.path ?? '')?.[1];
  return index === undefined ? fallback : Number(index);
}

/**
 * The case's data on the case and task pages: applicant, address and household in the sections of
 * the SOP's forms, each earlier step's answers with who gave them, documents with an in-app preview;
 * NIK and KK come masked from the server unless the user works on the case, "Tampilkan" is logged.
 */
export function CaseDataSections({
  caseId,
  task,
}: {
  caseId: string;
  /** On a task page: the task, so the server sends a per-person task's list with that person's entry only. */
  task?: { id: string; item?: { list: string; count: number } | undefined } | undefined;
}) {
  const { t, i18n } = useTranslation();
  const onTask = task !== undefined;
  const person = task?.item;
  const { data, error } = useCall(caseContracts.sections, {
    params: { caseId },
    ...(task ? { query: { taskId: task.id } } : {}),
  });
  const [revealed, setRevealed] = useState<Record<string, string>>({});
  const [preview, setPreview] = useState<Overview['documents'][number]>();
  const [failure, setFailure] = useState<unknown>();
  if (!data) return error ? <ErrorAlert error={error} /> : <p className="muted">{t('caseData.loading')}</p>;
  const reveal = async (section: CaseSection, field: string) => {
    try {
      const answer = await call(caseContracts.reveal, {
        params: { caseId },
        body: { field, ...(section.source ? { taskId: section.source.taskId } : {}) },
      });
      setRevealed({ ...revealed, [`${section.id}/${field}`]: answer.value });
    } catch (e) {
      setFailure(e);
    }
  };
  return (
    <>
      <ErrorAlert error={failure} />
      <DuplicateWarning duplicates={data.duplicates} />
      {data.disagreements.map((d) => (
        <div key={`${d.stepId}-${d.at}`} className="alert warn" role="alert" data-testid="disagreement-flag">
          {t('caseData.disagreement', { activity: d.activity, fields: d.fields.join(', ') })}
        </div>
      ))}
      {data.sentBack && !onTask && (
        <div className="alert info" data-testid="sent-back-info">
          <strong>{t('caseData.sentBack', { activity: data.sentBack.toActivity })}</strong> {data.sentBack.reason}
          {data.sentBack.missingLabels.length > 0 && (
            <div>
              {t('caseData.missing')}: {data.sentBack.missingLabels.join(', ')}
            </div>
          )}
        </div>
      )}
      {data.waitingFor.map((w) => (
        <div key={w.taskId} className="alert info" data-testid="waiting-for">
          {t('caseData.waitingFor', { party: w.actorName, activity: w.activity })}
        </div>
      ))}
      <section className="card" data-testid="case-data">
        <h2 style={{ marginTop: 0 }}>{t('caseData.title')}</h2>
        {!data.revealed && <p className="muted">{t('caseData.maskedNote')}</p>}
        {data.sections.map((section) => (
          <div key={section.id} className="data-section" data-testid={`section-${section.kind}`}>
            <h3>{section.title}</h3>
            {section.source && (
              <p className="muted" style={{ marginTop: 0 }} data-testid="answered-by">
                {t('caseData.answeredBy', {
                  actor: [section.source.actorName, ...section.source.withNames].join(` ${t('caseData.with')} `),
                  name: section.source.byName,
                  at: formatDateTime(section.source.at, i18n.language),
                })}
                {section.source.joint && (
                  <span className={section.source.decider ? 'badge ok' : 'badge'}>
                    {section.source.decider ? t('joint.decider') : t('joint.participant')}
                  </span>
                )}
              </p>
            )}
            <dl className="facts">
              {section.fields.map((f) => {
                const shown = revealed[`${section.id}/${f.key}`];
                return (
                  <div key={f.key} style={{ display: 'contents' }}>
                    <dt>{f.label}</dt>
                    <dd style={{ whiteSpace: 'pre-line', overflowWrap: 'anywhere' }} data-testid={`field-${f.key}`}>
                      {f.items ? (
                        <ol className="data-items">
                          {f.items.map((parts, i) => {
                            // The server may leave persons out (per-person work): the number is the item's own place in the list.
                            const at = positionOf(parts, i);
                            return (
                              <li key={at} value={at + 1} data-testid={`item-${f.key}-${at}`}>
                                {parts.map((p, j) => {
                                  const value = revealed[`${section.id}/${p.path}`];
                                  return (
                                    <span key={p.key} data-testid={`part-${p.path}`}>
                                      {j > 0 && ', '}
                                      <span className="muted">{p.label}:</span> {value ?? p.text}
                                      {p.masked && value === undefined && (
                                        <>
                                          {' '}
                                          <button
                                            type="button"
                                            className="link"
                                            onClick={() => void reveal(section, p.path)}
                                            aria-label={`${t('caseData.reveal')} ${p.label} ${at + 1}`}
                                          >
                                            {t('caseData.reveal')}
                                          </button>
                                        </>
                                      )}
                                    </span>
                                  );
                                })}
                              </li>
                            );
                          })}
                        </ol>
                      ) : (
                        <>{shown ?? f.text} </>
                      )}
                      {f.items && person?.list === f.key && (
                        <p className="muted" data-testid={`item-${f.key}-only`}>
                          {t('caseData.onlyThisPerson', { count: person.count })}
                        </p>
                      )}
                      {!f.items && f.masked && shown === undefined && (
                        <button
                          type="button"
                          className="link"
                          onClick={() => void reveal(section, f.key)}
                          aria-label={`${t('caseData.reveal')} ${f.label}`}
                        >
                          {t('caseData.reveal')}
                        </button>
                      )}
                    </dd>
                  </div>
                );
              })}
            </dl>
          </div>
        ))}
      </section>
      <section className="card" data-testid="case-documents">
        <h2 style={{ marginTop: 0 }}>{t('case.documents')}</h2>
        {data.documents.length === 0 ? (
          <p className="muted">{t('case.noDocuments')}</p>
        ) : (
          <ul className="checklist">
            {data.documents.map((d) => (
              <li key={d.id}>
                <span style={{ flex: '1 1 220px', overflowWrap: 'anywhere' }}>
                  <strong>{d.label}</strong>: {d.fileName}{' '}
                  <span className="muted">({Math.max(1, Math.round(d.sizeBytes / 1024))} KB)</span>
                </span>
                {d.preview && (
                  <button type="button" className="secondary" onClick={() => setPreview(d)}>
                    {t('caseData.preview')}
                  </button>
                )}
                <a
                  href={fileHref(attachmentContracts.download, { params: { attachmentId: d.id } })}
                  target="_blank"
                  rel="noreferrer"
                >
                  {t('caseData.download')}
                </a>
              </li>
            ))}
          </ul>
        )}
        {preview && preview.preview && (
          <DocumentPreview
            key={preview.id}
            attachmentId={preview.id}
            kind={preview.preview}
            title={`${preview.label}: ${preview.fileName}`}
            onClose={() => setPreview(undefined)}
          />
        )}
      </section>
    </>
  );
}
