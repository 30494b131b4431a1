import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import type { CaseOutput } from '../../../engine/app/outputs/issueDocument.ts';
import type { CaseState } from '../../../engine/core/caseTypes.ts';
import type { CaseEvent } from '../../../engine/core/events.ts';
import type { SopDefinition } from '../../../engine/definition/sopTypes.ts';
import { api } from '../../../ui-shared/api/apiClient.ts';
import { SwimlaneDiagram, type StepMark } from '../../../ui-shared/components/SwimlaneDiagram.tsx';
import { CaseTimeline } from '../components/CaseTimeline.tsx';
import { EligibilityPanel } from '../components/EligibilityPanel.tsx';
import { ErrorAlert } from '../../../ui-shared/components/ErrorAlert.tsx';
import { formatDateTime } from '../components/format.ts';
import { useApi } from '../../../ui-shared/api/useApi.ts';
import { useSession } from '../../../ui-shared/session/SessionContext.tsx';
import { ComplaintLinks } from '../components/ComplaintLinks.tsx';
import { CaseDataSections } from '../components/CaseDataSections.tsx';

/** Where a case stands: the SOP flow with the current step, open tasks, timeline, documents and outputs. */
export function CasePage() {
  const { t, i18n } = useTranslation();
  const { caseId = '' } = useParams();
  const [search] = useSearchParams();
  const { session } = useSession();
  const kase = useApi<CaseState & { trackingCode: string }>(`/api/cases/${caseId}`);
  const definition = useApi<{ definition: SopDefinition; version: number }>(`/api/cases/${caseId}/definition`);
  const timeline = useApi<{ events: CaseEvent[] }>(`/api/cases/${caseId}/timeline`);
  const outputs = useApi<{ outputs: CaseOutput[] }>(`/api/cases/${caseId}/outputs`);
  const [error, setError] = useState<unknown>();
  if (!kase.data || !definition.data) return <ErrorAlert error={kase.error ?? definition.error} />;
  const state = kase.data;
  const def = definition.data.definition;
  const clockStartsAt = def.serviceStandard?.serviceClock?.startsAt;
  const clockStep = clockStartsAt ? def.steps.find((s) => s.id === clockStartsAt) : undefined;
  const completed = new Set(
    (timeline.data?.events ?? []).filter((e) => e.type === 'step.completed').map((e) => e.stepId),
  );
  const marks: Record<string, StepMark> = Object.fromEntries(
    def.steps.map((s) => [s.id, s.id === state.currentStepId ? 'current' : completed.has(s.id) ? 'done' : 'pending']),
  );
  const myRoles = new Set([...(session?.user.roles ?? []), ...(session?.actingFor.flatMap((a) => a.roles) ?? [])]);
  const issue = async (outputId: string) => {
    try {
      await api('POST', `/api/cases/${caseId}/outputs/${outputId}/issue`, {});
      await Promise.all([outputs.reload(), timeline.reload()]);
    } catch (e) {
      setError(e);
    }
  };
  return (
    <>
      {search.get('selesai') && (
        <div className="alert ok" role="status">
          {t('task.done')}
        </div>
      )}
      <h1>{t('case.title', { code: state.trackingCode })}</h1>
      <ErrorAlert error={error} />
      <div className="card">
        <dl className="facts">
          <dt>{t('receipt.service')}</dt>
          <dd>
            {def.name} <span className="muted">(v{definition.data.version})</span>
          </dd>
          <dt>{t('case.status')}</dt>
          <dd>
            <span className="badge" data-testid="case-status">
              {t(`status.${state.status}`)}
            </span>
          </dd>
          <dt>{t('case.opened')}</dt>
          <dd>{formatDateTime(state.openedAt, i18n.language)}</dd>
          <dt>{t('case.due')}</dt>
          <dd data-testid="case-due">
            {state.dueAt
              ? formatDateTime(state.dueAt, i18n.language)
              : clockStep
                ? t('case.clockWaits', { step: clockStep.activity })
                : t('inbox.noDue')}
          </dd>
          {state.closedAt && (
            <>
              <dt>{t('case.closed')}</dt>
              <dd>{formatDateTime(state.closedAt, i18n.language)}</dd>
            </>
          )}
        </dl>
        {state.status === 'waiting' && (
          <p className="alert info" style={{ marginTop: '.75rem' }}>
            {t('case.waiting')}
          </p>
        )}
        <p className="no-print" style={{ marginBottom: 0 }}>
          <Link to={`/kasus/${caseId}/tanda-terima`}>{t('case.receipt')}</Link>
        </p>
      </div>
      <CaseDataSections caseId={caseId} />
      {state.tasks.some((x) => x.status === 'open') && (
        <section className="card">
          <h2 style={{ marginTop: 0 }}>{t('case.tasks')}</h2>
          <ul>
            {state.tasks
              .filter((x) => x.status === 'open')
              .map((x) => (
                <li key={x.id}>
                  {def.actors.find((a) => a.id === x.actorId)?.name}:{' '}
                  {def.steps.find((s) => s.id === x.stepId)?.activity}{' '}
                  <span className="muted" data-testid="task-due">
                    {x.dueAt || state.dueAt
                      ? [
                          x.dueAt ? `${t('inbox.stepDue')}: ${formatDateTime(x.dueAt, i18n.language)}` : '',
                          state.dueAt ? `${t('inbox.caseDue')}: ${formatDateTime(state.dueAt, i18n.language)}` : '',
                        ]
                          .filter(Boolean)
                          .join(' · ')
                      : t('inbox.noDue')}
                  </span>{' '}
                  {myRoles.has(x.role) && (
                    <Link className="button" to={`/kasus/${caseId}/tugas/${x.id}`}>
                      {t('inbox.open')}
                    </Link>
                  )}
                </li>
              ))}
          </ul>
        </section>
      )}
      <section className="card">
        <h2 style={{ marginTop: 0 }}>{t('case.flow')}</h2>
        <div className="scroll-x">
          <SwimlaneDiagram definition={def} marks={marks} title={`${t('case.flow')}: ${def.name}`} />
        </div>
      </section>
      {state.eligibility && <EligibilityPanel eligibility={state.eligibility} />}
      <ComplaintLinks caseId={caseId} definition={def} />
      <section className="card">
        <h2 style={{ marginTop: 0 }}>{t('case.outputs')}</h2>
        <ul data-testid="outputs">
          {(outputs.data?.outputs ?? []).map((o) => (
            <li key={`${o.stepId}-${o.outputId}`}>
              {o.name} {!o.produced && <span className="muted">({t('case.notProduced')})</span>}
              {o.document ? (
                <>
                  {' '}
                  <strong>{o.document.number}</strong>{' '}
                  {o.document.status === 'revoked' && <span className="badge bad">{t('public.revoked')}</span>}{' '}
                  <Link to={`/dokumen/${o.document.id}`}>{t('case.print')}</Link> ·{' '}
                  <a href={`/api/documents/${o.document.id}/pdf`} target="_blank" rel="noreferrer">
                    {t('case.pdf')}
                  </a>
                </>
              ) : o.issuable && o.produced ? (
                <>
                  {' '}
                  <button type="button" onClick={() => void issue(o.outputId)}>
                    {t('case.issue')}
                  </button>
                </>
              ) : null}
            </li>
          ))}
        </ul>
      </section>
      <section className="card">
        <h2 style={{ marginTop: 0 }}>{t('case.timeline')}</h2>
        {timeline.data && <CaseTimeline events={timeline.data.events} definition={def} />}
      </section>
    </>
  );
}
