import type { Static, TObject } from '@sinclair/typebox';
import type { CaseCommandOutcome } from '../../app/caseService.ts';
import type { TaskState } from '../../core/caseTypes.ts';
import type { CaseHeadFields, CaseProgressSchema, TaskProgressSchema } from '../../contracts/caseContracts.ts';

function taskProgress(task: TaskState): Static<typeof TaskProgressSchema> {
  return {
    id: task.id,
    stepId: task.stepId,
    actorId: task.actorId,
    role: task.role,
    status: task.status,
    createdAt: task.createdAt,
    dueAt: task.dueAt ?? null,
    assignee: task.assignee ?? null,
    completedAt: task.completedAt ?? null,
    branch: task.branch ?? null,
    item: task.item ? { list: task.item.list, index: task.item.index, count: task.item.count } : null,
  };
}

/** The fields every answer about a case starts with (CaseHeadFields), from a command's outcome or a read. */
export function caseHead(
  outcome: Pick<CaseCommandOutcome, 'caseId' | 'trackingCode' | 'state'>,
): Static<TObject<typeof CaseHeadFields>> {
  const s = outcome.state;
  return {
    id: outcome.caseId,
    trackingCode: outcome.trackingCode,
    sopId: s.sopId,
    status: s.status,
    outcome: s.outcome ?? null,
    currentStepId: s.currentStepId ?? null,
    revision: s.revision,
    dueAt: s.dueAt ?? null,
    closedAt: s.closedAt ?? null,
  };
}

/** A step command's reply: where the case stands after it, without applicant data (see CaseProgressSchema). */
export function caseProgress(outcome: Pick<CaseCommandOutcome, 'caseId' | 'trackingCode' | 'state'>): {
  body: Static<typeof CaseProgressSchema>;
} {
  const s = outcome.state;
  return {
    body: {
      ...caseHead(outcome),
      paused: s.paused ? { since: s.paused.since, stepId: s.paused.stepId } : null,
      tasks: s.tasks.map(taskProgress),
      blocks: s.blocks ?? [],
    },
  };
}
