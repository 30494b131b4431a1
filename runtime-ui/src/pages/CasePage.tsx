import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { caseContracts } from '../../../engine/contracts/caseContracts.ts';
import { outputContracts } from '../../../engine/contracts/outputContracts.ts';
import { SwimlaneDiagram, type StepMark } from '../../../ui-shared/components/SwimlaneDiagram.tsx';
import { CaseTimeline } from '../components/CaseTimeline.tsx';
import { EligibilityPanel } from '../components/EligibilityPanel.tsx';
import { ErrorAlert } from '../../../ui-shared/components/ErrorAlert.tsx';
import { formatDateTime } from '../components/format.ts';
import { useCall } from '../../../ui-shared/api/useCall.ts';
import { SourceBlock, SourceNoticeOf } from '../../../ui-shared/components/SourceNotice.tsx';
import { useSession } from '../../../ui-shared/session/SessionContext.tsx';
import { ComplaintLinks } from '../components/ComplaintLinks.tsx';
import { CaseActions, kindsOf } from '../components/CaseActions.tsx';
import { TaskAssignment } from '../components/TaskAssignment.tsx';
import { LetterOutputs } from '../components/LetterOutputs.tsx';
import { ThreadBadge, threadTextOf } from '../components/ThreadBadge.tsx';
import { CaseDataSections } from '../components/CaseDataSections.tsx';

/** Where a case stands: the SOP flow with the current step, open tasks, timeline, documents and outputs. */
export function CasePage() {
  const { t, i18n } = useTranslation();
  const { caseId = '' } = useParams();
  const [search] = useSearchParams();
  const { session, hasKind } = useSession();
  const kase = useCall(caseContracts.read, { params: { caseId } });
  const definition = useCall(caseContracts.definition, { params: { caseId } });
  const timeline = useCall(caseContracts.timeline, { params: { caseId } });
  const outputs = useCall(outputContracts.list, { params: { caseId } });
  if (!kase.data || !definition.data)
    return kase.error || definition.error ? (
      <ErrorAlert error={kase.error ?? definition.error} />
    ) : (
      <p className="loading" role="status">
        {t('app.loading')}
      </p>
    );
  const state = kase.data;
  const def = definition.data.definition;
  const clockStartsAt = def.serviceStandard?.serviceClock?.startsAt;
  const clockStep = clockStartsAt ? def.steps.find((s) => s.id === clockStartsAt) : undefined;
  const completed = new Set(
    (timeline.data?.events ?? []).filter((e) => e.type === 'step.completed').map((e) => e.stepId),
  );
  const openSteps = new Set(state.tasks.filter((x) => x.status === 'open').map((x) => x.stepId));
  const marks: Record<string, StepMark> = Object.fromEntries(
    def.steps.map((s) => [
      s.id,
      // Inside a block several steps are worked at once: each one with an open task is current.
      s.id === state.currentStepId || openSteps.has(s.id) ? 'current' : completed.has(s.id) ? 'done' : 'pending',
    ]),
  );
  const myRoles = new Set([...(session?.user.roles ?? []), ...(session?.actingFor.flatMap((a) => a.roles) ?? [])]);
  const reloadAll = () => void Promise.all([kase.reload(), timeline.reload(), outputs.reload()]);
  const canRevoke = hasKind(...kindsOf('output.revoke'));
  return (
    <>
      {search.get('selesai') && (
        <div className="alert ok" role="status">
          {t('task.done')}
        </div>
      )}
      <h1>{t('case.title', { code: state.trackingCode })}</h1>
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
          <dd data-testid="case-opened">{formatDateTime(state.openedAt, i18n.language)}</dd>
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
      <SourceNoticeOf source={def.source} />
      <CaseDataSections caseId={caseId} />
      {state.tasks.some((x) => x.status === 'open') && (
        <section className="card">
          <h2 style={{ marginTop: 0 }}>{t('case.tasks')}</h2>
          {(state.blocks ?? []).map((b) => {
            const fork = def.steps.find((s) => s.id === b.stepId);
            const total =
              b.kind === 'parallel'
                ? (fork?.parallel?.branches.length ?? b.waiting.length)
                : (state.tasks.find((x) => x.item?.list === b.list)?.item?.count ?? b.waiting.length);
            return (
              <p key={b.stepId} className="muted" data-testid="open-block">
                {t('thread.openBranches')}:{' '}
                {t('thread.waitingJoin', {
                  join: def.steps.find((s) => s.id === b.join)?.activity ?? b.join,
                  done: String(total - b.waiting.length),
                  total: String(total),
                })}
              </p>
            );
          })}
          <ul>
            {state.tasks
              .filter((x) => x.status === 'open')
              .map((x) => (
                <li key={x.id}>
                  {def.actors.find((a) => a.id === x.actorId)?.name}:{' '}
                  {def.steps.find((s) => s.id === x.stepId)?.activity}{' '}
                  <ThreadBadge thread={threadTextOf(x, def.steps)} />{' '}
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
                  {(x.assignee === undefined ? myRoles.has(x.role) : x.assignee === session?.user.id) && (
                    <Link className="button" to={`/kasus/${caseId}/tugas/${x.id}`}>
                      {t('inbox.open')}
                    </Link>
                  )}{' '}
                  <TaskAssignment task={x} onDone={reloadAll} />
                </li>
              ))}
          </ul>
        </section>
      )}
      <section className="card">
        <h2 style={{ marginTop: 0 }}>{t('case.flow')}</h2>
        {/* Focusable, so a keyboard user can scroll the wide diagram on a phone. */}
        <div className="scroll-x" tabIndex={0} role="region" aria-label={t('case.flow')}>
          <SwimlaneDiagram definition={def} marks={marks} title={`${t('case.flow')}: ${def.name}`} />
        </div>
      </section>
      {state.eligibility && <EligibilityPanel eligibility={state.eligibility} definition={def} />}
      <ComplaintLinks caseId={caseId} definition={def} />
      <details className="card" data-testid="about-service">
        <summary>
          <strong>{t('sourceNotice.title')}</strong>
        </summary>
        <SourceNoticeOf source={def.source} />
        <SourceBlock source={def.source} />
      </details>
      <CaseActions caseId={caseId} state={state} onDone={reloadAll} />
      <section className="card">
        <h2 style={{ marginTop: 0 }}>{t('case.outputs')}</h2>
        <LetterOutputs
          caseId={caseId}
          outputs={outputs.data?.outputs ?? []}
          signing={outputs.data?.signing ?? 'local'}
          canRevoke={canRevoke}
          onChange={() => Promise.all([kase.reload(), outputs.reload(), timeline.reload()])}
        />
      </section>
      <section className="card">
        <h2 style={{ marginTop: 0 }}>{t('case.timeline')}</h2>
        {timeline.data && <CaseTimeline events={timeline.data.events} definition={def} />}
      </section>
    </>
  );
}
