import type { WorkingCalendar } from '../calendar/workingCalendar.ts';
import { applyCommand } from '../core/applyCommand.ts';
import type { CaseCommand, CaseState, EngineContext } from '../core/caseTypes.ts';
import type { CaseEvent } from '../core/events.ts';
import type { ExecutableSop } from '../core/compileSop.ts';
import type { CaseDriver } from './caseDriver.ts';

/** Runs cases in memory through the pure engine, as a user holding every role; the clock advances 10 minutes per command. */
export function memoryDriver(
  exe: ExecutableSop,
  calendar: WorkingCalendar,
  start = new Date('2025-03-03T01:00:00Z'),
): CaseDriver {
  const roles = [...new Set(exe.definition.actors.map((a) => a.performerRole))];
  let now = start;
  let state: CaseState | undefined;
  const log: CaseEvent[] = [];
  const run = async (command: CaseCommand): Promise<CaseState> => {
    const context: EngineContext = { now, calendar, by: { userId: 'simulasi', name: 'Simulasi', roles } };
    now = new Date(now.getTime() + 600_000);
    const result = await applyCommand(exe, state, command, context);
    if (!result.ok)
      throw new Error(
        `${command.type}: ${result.error.code} ${result.error.message} ${JSON.stringify(result.error.details ?? [])}`,
      );
    state = result.state;
    log.push(...result.events);
    return state;
  };
  return {
    start: (data) => run({ type: 'start', caseId: 'sim', data }),
    complete: (task, input) => run({ type: 'complete', taskId: task.id, ...input }),
    sendBack: (task, reason) => run({ type: 'sendBack', taskId: task.id, reason }),
    events: () => Promise.resolve([...log]),
  };
}
