import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { EligibilityState, TaskState } from '../../../engine/core/caseTypes.ts';
import type { Requirement, SopDefinition, Step } from '../../../engine/definition/sopTypes.ts';

/** The documents still missing: required items (not equipment) of which no side is ticked. */
export function missingDocuments(requirements: readonly Requirement[], checklist: Record<string, boolean>): string[] {
  return requirements
    .filter((r) => r.kind !== 'equipment' && !(r.either ?? [r]).some((side) => checklist[side.doc] === true))
    .map((r) => r.doc);
}

interface DraftFields {
  checklist: Record<string, boolean>;
  overrideReason?: string;
}

/**
 * What a task page says about its place in the case: why it came back (reason, missing documents,
 * ticks kept), who decides a joint step and who takes part, and, when the Kriteria Sasaran failed
 * before a decision, the reason to give for going on.
 */
export function TaskCaseContext<D extends DraftFields>({
  task,
  step,
  definition,
  eligibility,
  draft,
  setDraft,
}: {
  task: TaskState;
  step: Step;
  definition: SopDefinition;
  eligibility: EligibilityState | null | undefined;
  draft: D;
  setDraft: (next: D) => void;
}) {
  const { t } = useTranslation();
  const returned = task.status === 'open' ? task.returned : undefined;
  // The documents already received stay ticked on a returned task (once, before the officer changes anything).
  useEffect(() => {
    if (returned && Object.keys(draft.checklist).length === 0 && Object.keys(returned.kept).length > 0)
      setDraft({ ...draft, checklist: { ...returned.kept } });
  }, [returned]);
  const actorName = (id: string) => definition.actors.find((a) => a.id === id)?.name ?? id;
  const labelOf = (doc: string) =>
    step.requirements.flatMap((r) => r.either ?? [r]).find((side) => side.doc === doc)?.label ?? doc;
  const decider = step.actorMode === 'together' ? (step.decidedBy ?? step.actors[0]) : undefined;
  const failed = eligibility?.passed === false && step.decision !== undefined && task.status === 'open';
  return (
    <>
      {returned && (
        <div className="alert warn" role="alert" data-testid="returned-banner">
          <strong>{t('caseData.returnedTitle', { name: returned.byName })}</strong>
          <div>{returned.reason}</div>
          {returned.missing.length > 0 && (
            <div>
              {t('caseData.missing')}: {returned.missing.map(labelOf).join(', ')}
            </div>
          )}
          {Object.keys(returned.kept).length > 0 && (
            <div className="muted">
              {t('caseData.kept')}: {Object.keys(returned.kept).map(labelOf).join(', ')}
            </div>
          )}
        </div>
      )}
      {decider !== undefined && (
        <p className="alert info" data-testid="joint-info">
          {task.with &&
            task.with.length > 0 &&
            `${t('joint.together', { parties: task.with.map(actorName).join(', ') })} `}
          {decider === task.actorId || (task.with ?? []).includes(decider)
            ? t('joint.youDecide')
            : t('joint.otherDecides', { actor: actorName(decider) })}
        </p>
      )}
      {failed && (
        <div className="card" data-testid="override">
          <label htmlFor="override-reason">{t('caseData.overrideReason')}</label>
          <textarea
            id="override-reason"
            rows={3}
            style={{ display: 'block', width: '100%' }}
            value={draft.overrideReason ?? ''}
            onChange={(e) => setDraft({ ...draft, overrideReason: e.target.value })}
          />
        </div>
      )}
    </>
  );
}
