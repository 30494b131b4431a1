import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { attachmentContracts } from '../../../engine/contracts/attachmentContracts.ts';
import { caseContracts } from '../../../engine/contracts/caseContracts.ts';
import type { BodyOf } from '../../../engine/contracts/contract.ts';
import { taskContracts } from '../../../engine/contracts/taskContracts.ts';
import { call } from '../../../ui-shared/api/call.ts';
import { StepForm } from '../../../ui-shared/components/StepForm.tsx';
import { EligibilityPanel } from '../components/EligibilityPanel.tsx';
import { ErrorAlert } from '../../../ui-shared/components/ErrorAlert.tsx';
import { formatDateTime } from '../components/format.ts';
import { RequirementsChecklist } from '../components/RequirementsChecklist.tsx';
import { useCall } from '../../../ui-shared/api/useCall.ts';
import { useDraft } from '../components/useDraft.ts';
import { ConfirmDialog } from '../../../ui-shared/components/ConfirmDialog.tsx';
import { CaseDataSections } from '../components/CaseDataSections.tsx';
import { SourceNoticeOf } from '../../../ui-shared/components/SourceNotice.tsx';
import { ThreadBadge, threadTextOf } from '../components/ThreadBadge.tsx';
import { missingDocuments, TaskCaseContext } from '../components/TaskCaseContext.tsx';

type Draft = {
  formData: Record<string, unknown>;
  checklist: Record<string, boolean>;
  choice: string;
  note: string;
  overrideReason?: string;
};

/** One task: what to do, by when, documents, the step's form, the decision, and send-back. */
export function TaskPage() {
  const { t, i18n } = useTranslation();
  const { caseId = '', taskId = '' } = useParams();
  const navigate = useNavigate();
  // Read for this task: on a per-person task the server sends that person's entry of the list only.
  const kase = useCall(caseContracts.read, { params: { caseId }, query: { taskId } });
  const definition = useCall(caseContracts.definition, { params: { caseId } });
  const attachments = useCall(attachmentContracts.list, { params: { caseId } });
  const [draft, setDraft, clearDraft] = useDraft<Draft>(`alur.draft.${taskId}`, {
    formData: {},
    checklist: {},
    choice: '',
    note: '',
  });
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const [sendingBack, setSendingBack] = useState(false);
  const [reason, setReason] = useState('');
  // Finishing a step cannot be undone: the validated form waits here until the officer confirms.
  const [pending, setPending] = useState<Record<string, unknown> | null>(null);
  const [confirmSendBack, setConfirmSendBack] = useState(false);
  if (!kase.data || !definition.data)
    return kase.error || definition.error ? (
      <ErrorAlert error={kase.error ?? definition.error} />
    ) : (
      <p className="loading" role="status">
        {t('app.loading')}
      </p>
    );
  const task = kase.data.tasks.find((x) => x.id === taskId);
  const def = definition.data.definition;
  const step = def.steps.find((s) => s.id === task?.stepId);
  if (!task || !step) return <ErrorAlert error={new Error(t('task.notOpen'))} />;
  const actor = def.actors.find((a) => a.id === task.actorId);
  const open = task.status === 'open';
  const complete = async (formData: Record<string, unknown>) => {
    setBusy(true);
    setError(undefined);
    try {
      const body: BodyOf<typeof taskContracts.complete> = {
        formData,
        checklist: draft.checklist,
        ...(step.decision?.mode === 'human' ? { choice: draft.choice } : {}),
        ...(draft.note ? { note: draft.note } : {}),
        ...(draft.overrideReason ? { overrideReason: draft.overrideReason } : {}),
      };
      await call(taskContracts.complete, { params: { taskId }, body });
      clearDraft();
      void navigate(`/kasus/${caseId}?selesai=${step.id}`);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const sendBack = async () => {
    setBusy(true);
    try {
      await call(taskContracts.sendBack, {
        params: { taskId },
        body: { reason, missing: missingDocuments(step.requirements, draft.checklist) },
      });
      clearDraft();
      void navigate(`/kasus/${caseId}`);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <p className="muted">
        <Link to={`/kasus/${caseId}`}>
          {def.name} · {kase.data.trackingCode}
        </Link>
      </p>
      <h1>{step.activity}</h1>
      <p data-testid="task-thread">
        <ThreadBadge thread={threadTextOf(task, def.steps)} />
      </p>
      <SourceNoticeOf source={def.source} />
      {!open && <div className="alert info">{t('task.notOpen')}</div>}
      <ErrorAlert error={error} />
      <div className="card">
        <dl className="facts">
          <dt>{t('task.who')}</dt>
          <dd>
            {actor?.name ?? task.actorId}
            {step.actorMode === 'together'
              ? ` (+ ${step.actors
                  .filter((a) => a !== task.actorId)
                  .map((a) => def.actors.find((x) => x.id === a)?.name ?? a)
                  .join(', ')})`
              : ''}
            {step.actorMode === 'sequence' && (
              <div className="muted">
                {t('joint.sequence', {
                  order: step.actors.map((a) => def.actors.find((x) => x.id === a)?.name ?? a).join(' → '),
                  position: String(step.actors.indexOf(task.actorId) + 1),
                })}
              </div>
            )}
          </dd>
          <dt>{t('task.deadline')}</dt>
          <dd>
            {formatDateTime(task.dueAt, i18n.language)}{' '}
            {step.timeText && (
              <span className="muted">
                ({t('task.time')}: {step.timeText}
                {step.clock === 'calendar' ? `, ${t('task.roundTheClock')}` : ''})
              </span>
            )}
          </dd>
          {step.outputs.length > 0 && (
            <>
              <dt>{t('task.output')}</dt>
              <dd>{step.outputs.map((o) => o.name).join(', ')}</dd>
            </>
          )}
          {step.notes && (
            <>
              <dt>{t('task.notes')}</dt>
              <dd>{step.notes}</dd>
            </>
          )}
        </dl>
        {step.service && (
          <p className="alert info" data-testid="service-step">
            {t('task.serviceStep', { connector: step.service.connector })}
          </p>
        )}
      </div>
      <TaskCaseContext
        task={task}
        step={step}
        definition={def}
        eligibility={kase.data.eligibility}
        draft={draft}
        setDraft={setDraft}
      />
      <CaseDataSections caseId={caseId} task={task} />
      {kase.data.eligibility && <EligibilityPanel eligibility={kase.data.eligibility} definition={def} />}
      {step.requirements.length > 0 && (
        <section className="card">
          <h2 style={{ marginTop: 0 }}>{t('task.requirements')}</h2>
          <RequirementsChecklist
            caseId={caseId}
            requirements={step.requirements}
            checklist={draft.checklist}
            attachments={attachments.data?.attachments ?? []}
            onChecklist={(checklist) => setDraft({ ...draft, checklist })}
            onUploaded={() => void attachments.reload()}
          />
        </section>
      )}
      <section className="card rjsf">
        {step.form && <h2 style={{ marginTop: 0 }}>{step.form.title ?? t('task.form')}</h2>}
        {step.form ? (
          <StepForm
            id="step-form"
            form={step.form}
            formData={draft.formData}
            language={i18n.language === 'en' ? 'en' : 'id'}
            onChange={(formData) => setDraft({ ...draft, formData })}
            onSubmit={(v) => setPending(v)}
            readOnly={!open}
          />
        ) : null}
        {step.decision && (
          <fieldset style={{ marginTop: '1rem' }}>
            <legend>
              {t('task.decision')}
              {step.decision.question ? `: ${step.decision.question}` : ''}
            </legend>
            {step.decision.mode === 'human' ? (
              <div className="row" role="radiogroup">
                {step.decision.branches.map((b) => (
                  <label key={b.label} style={{ display: 'flex', gap: '.35rem', fontWeight: 400 }}>
                    <input
                      type="radio"
                      name="choice"
                      value={b.label}
                      checked={draft.choice === b.label}
                      onChange={() => setDraft({ ...draft, choice: b.label })}
                      disabled={!open}
                    />
                    {b.label}
                  </label>
                ))}
              </div>
            ) : (
              <>
                <p className="muted">{t('task.decisionRule')}</p>
                <ul>
                  {step.decision.branches.map((b) => (
                    <li key={b.label}>
                      <strong>{b.label}</strong>
                      {b.when && 'label' in b.when && b.when.label ? `: ${b.when.label}` : b.otherwise ? '' : ''}
                    </li>
                  ))}
                </ul>
              </>
            )}
          </fieldset>
        )}
        {step.service && (
          <label style={{ display: 'block', marginBottom: '.6rem' }}>
            {t('task.manualReason')}
            <textarea
              id="note"
              data-testid="manual-reason"
              rows={3}
              style={{ display: 'block', width: '100%' }}
              value={draft.note}
              onChange={(e) => setDraft({ ...draft, note: e.target.value })}
            />
          </label>
        )}
        <p className="muted" style={{ fontSize: '.8rem' }}>
          {t('task.draftSaved')}
        </p>
        {open && (
          <div className="row">
            {step.form ? (
              <button type="submit" form="step-form" disabled={busy}>
                {t('task.complete')}
              </button>
            ) : (
              <button type="button" disabled={busy} onClick={() => setPending({})}>
                {t('task.complete')}
              </button>
            )}
            {step.sendBack && !sendingBack && (
              <button type="button" className="secondary" onClick={() => setSendingBack(true)}>
                {step.sendBack.label ?? t('task.sendBack')}
              </button>
            )}
          </div>
        )}
        {sendingBack && (
          <div className="card" style={{ marginTop: '1rem' }}>
            <label htmlFor="reason">{t('task.sendBackReason')}</label>
            <textarea id="reason" value={reason} onChange={(e) => setReason(e.target.value)} />
            <div className="row" style={{ marginTop: '.5rem' }}>
              <button
                type="button"
                className="danger"
                disabled={busy || reason.trim() === ''}
                onClick={() => setConfirmSendBack(true)}
              >
                {t('task.sendBackConfirm')}
              </button>
              <button type="button" className="secondary" onClick={() => setSendingBack(false)}>
                {t('task.cancel')}
              </button>
            </div>
          </div>
        )}
      </section>
      <ConfirmDialog
        open={pending !== null}
        title={t('confirm.finishTitle')}
        confirmLabel={t('confirm.finishYes')}
        onClose={() => setPending(null)}
        onConfirm={() => complete(pending ?? {})}
      >
        <p>
          {t('confirm.finishBody', { step: step.activity })} {t('confirm.irreversible')}
        </p>
        {step.decision?.mode === 'human' && draft.choice && (
          <p>
            <strong>{t('task.decision')}:</strong> {draft.choice}
          </p>
        )}
      </ConfirmDialog>
      <ConfirmDialog
        open={confirmSendBack}
        title={t('confirm.sendBackTitle')}
        confirmLabel={t('task.sendBackConfirm')}
        danger
        onClose={() => setConfirmSendBack(false)}
        onConfirm={() => sendBack()}
      >
        <p>{t('confirm.sendBackBody')}</p>
        <p>
          <strong>{t('task.sendBackReason')}</strong> {reason}
        </p>
      </ConfirmDialog>
    </>
  );
}
