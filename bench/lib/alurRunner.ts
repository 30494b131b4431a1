import { applyCommand } from '../../engine/core/applyCommand.ts';
import type { CaseState, EngineContext } from '../../engine/core/caseTypes.ts';
import type { BenchSop } from './benchSop.ts';
import type { WalkInputs } from './stepInputs.ts';

const START = Date.parse('2025-03-03T01:00:00Z');

/** Runs one case through the pure engine: start, then complete each step's open task with the step's body. */
export async function runAlurCase(sop: BenchSop, walk: WalkInputs, caseNo: number): Promise<CaseState> {
  const roles = [...new Set(sop.definition.actors.map((a) => a.performerRole))];
  let clock = START;
  const context = (): EngineContext => ({
    now: new Date((clock += 600_000)),
    calendar: sop.calendar,
    by: { userId: 'bench', name: 'Tolok Ukur', roles },
  });
  const started = await applyCommand(
    sop.exe,
    undefined,
    { type: 'start', caseId: `c${caseNo}`, data: walk.caseData },
    context(),
  );
  if (!started.ok) throw new Error(`start: ${started.error.code}`);
  let state = started.state;
  for (const { stepId, body } of walk.steps) {
    const task = state.tasks.find((t) => t.stepId === stepId && t.status === 'open');
    if (!task) throw new Error(`no open task at ${stepId}`);
    const result = await applyCommand(sop.exe, state, { type: 'complete', taskId: task.id, ...body }, context());
    if (!result.ok) throw new Error(`complete ${stepId}: ${result.error.code} ${result.error.message}`);
    state = result.state;
  }
  return state;
}
