import type { WorkingCalendar } from '../../engine/calendar/workingCalendar.ts';
import { applyCommand } from '../../engine/core/applyCommand.ts';
import type { CaseCommand, CaseState, EngineContext } from '../../engine/core/caseTypes.ts';
import type { CaseEvent } from '../../engine/core/events.ts';
import type { ExecutableSop } from '../../engine/core/compileSop.ts';
import { benchApplicant } from './benchApplicant.ts';
import type { WalkInputs } from './stepInputs.ts';

/** Placeholders in template rows, replaced per generated case in SQL (the NIK is structurally valid: the engine checks it). */
export const PLACEHOLDER = { caseId: 'CASEID0000', name: 'NAMAPEMOHON', nik: '1234560101809999' } as const;

/** A case as the engine left it after `commands` commands of one walk, with every event so far. */
export interface StageTemplate {
  sopId: string;
  walk: string;
  /** Commands applied so far (1 = just opened). */
  commands: number;
  state: CaseState;
  events: CaseEvent[];
  /** Minutes after opening at which this state was reached. */
  minutes: number;
}

/** Walks one case through the pure engine (one command every `stepMinutes`), keeping the state after every command. */
export async function captureStages(
  exe: ExecutableSop,
  calendar: WorkingCalendar,
  walk: WalkInputs,
  stepMinutes = 600,
): Promise<StageTemplate[]> {
  const roles = [...new Set(exe.definition.actors.map((a) => a.performerRole))];
  const opened = Date.parse('2025-03-03T01:00:00Z');
  let minutes = 0;
  let state: CaseState | undefined;
  const events: CaseEvent[] = [];
  const stages: StageTemplate[] = [];
  const apply = async (command: CaseCommand): Promise<void> => {
    const context: EngineContext = {
      now: new Date(opened + minutes * 60_000),
      calendar,
      by: { userId: 'pengguna-demo', name: 'Pengguna Demo', roles },
    };
    const result = await applyCommand(exe, state, command, context);
    if (!result.ok) throw new Error(`${command.type}: ${result.error.code} ${result.error.message}`);
    state = result.state;
    events.push(...result.events);
    stages.push({
      sopId: exe.definition.id,
      walk: walk.branch,
      commands: stages.length + 1,
      state,
      events: [...events],
      minutes,
    });
    minutes += stepMinutes;
  };
  await apply({
    type: 'start',
    caseId: PLACEHOLDER.caseId,
    data: benchApplicant(walk.caseData, PLACEHOLDER.name, PLACEHOLDER.nik),
  });
  for (const { stepId, body } of walk.steps) {
    for (const task of state!.tasks.filter((t) => t.stepId === stepId && t.status === 'open')) {
      if (state!.currentStepId !== stepId) break;
      await apply({ type: 'complete', taskId: task.id, ...body });
    }
  }
  return stages;
}
