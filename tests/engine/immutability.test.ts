import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildWorkingCalendar } from '../../engine/calendar/workingCalendar.ts';
import { applyCommand } from '../../engine/core/applyCommand.ts';
import type { CaseCommand, CaseState, EngineContext } from '../../engine/core/caseTypes.ts';
import { compileSop } from '../../engine/core/compileSop.ts';
import { loadDefinitionPaths } from '../../engine/files/loadDefinitionFiles.ts';
import type { CaseDriver } from '../../engine/simulation/caseDriver.ts';
import { memoryDriver } from '../../engine/simulation/memoryDriver.ts';
import { planScenarios } from '../../engine/simulation/planScenarios.ts';
import { runScenario } from '../../engine/simulation/runScenario.ts';

// The engine copies only the levels of a state that commands change (engine/core/transition.ts).
// Freezing every state a command receives makes any deeper in-place change throw (ES modules are strict).
function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

function freezingDriver(inner: CaseDriver): CaseDriver & { states: CaseState[] } {
  const states: CaseState[] = [];
  const keep = (state: CaseState): CaseState => {
    states.push(structuredClone(state));
    return deepFreeze(state);
  };
  return {
    states,
    start: async (data) => keep(await inner.start(deepFreeze(structuredClone(data)))),
    complete: async (task, input) => keep(await inner.complete(task, deepFreeze(structuredClone(input)))),
    sendBack: async (task, reason) => keep(await inner.sendBack(task, reason)),
    events: inner.events,
  };
}

const root = join(import.meta.dirname, '../../sop-definitions');
const loaded = loadDefinitionPaths([root], root);
const runnable = loaded.folders.flatMap((folder) =>
  folder.sops
    .filter((s) => s.definition)
    .map((s) => ({
      file: s.file,
      definition: s.definition!,
      calendar: buildWorkingCalendar(folder.regency!.calendar),
    })),
);

describe('commands never change the state they are given (copy-on-write transitions)', () => {
  it.each(runnable.map((r) => [r.file, r] as const))(
    '%s: every branch and every send-back on frozen states',
    async (_file, { definition, calendar }) => {
      const exe = compileSop(definition);
      for (const scenario of planScenarios(definition)) {
        const sendBackAt = [
          undefined,
          ...definition.steps
            .filter((s) => s.sendBack && scenario.visits.some((v) => v.stepId === s.id))
            .map((s) => s.id),
        ];
        for (const stepId of sendBackAt) {
          const driver = freezingDriver(memoryDriver(exe, calendar));
          const run = await runScenario(definition, driver, scenario, stepId ? { sendBackAt: stepId } : {});
          expect(['completed', 'rejected', 'referred']).toContain(run.state.status);
          // Each snapshot taken right after a command still equals the frozen object handed on.
          for (let i = 1; i < driver.states.length; i++)
            expect(driver.states[i]!.revision).toBe(driver.states[i - 1]!.revision + 1);
        }
      }
    },
  );
});

describe('staff and system commands leave a frozen state untouched too', () => {
  const withEligibility = runnable.find((r) => r.definition.eligibility && r.definition.steps.some((s) => s.sendBack))!;

  it(`${withEligibility.file}: reassign, overdue, outputs, archive, cancel and anonymise`, async () => {
    const exe = compileSop(withEligibility.definition);
    const scenario = planScenarios(withEligibility.definition)[0]!;
    const driver = freezingDriver(memoryDriver(exe, withEligibility.calendar));
    const finished = await runScenario(withEligibility.definition, driver, scenario, {
      sendBackAt: withEligibility.definition.steps.find((s) => s.sendBack)!.id,
    });
    const started = deepFreeze(structuredClone(driver.states[0]!));
    const openTask = started.tasks.find((t) => t.status === 'open')!;
    const context: EngineContext = {
      now: new Date('2025-06-02T02:00:00Z'),
      calendar: withEligibility.calendar,
      by: { userId: 'u1', name: 'Petugas', roles: [openTask.role] },
    };
    const onOpenCase: CaseCommand[] = [
      { type: 'reassign', taskId: openTask.id, toUserId: 'u2', toName: 'Petugas Dua' },
      { type: 'markOverdue', taskIds: [openTask.id], caseOverdue: true },
      {
        type: 'recordOutput',
        stepId: openTask.stepId,
        outputId: 'o',
        documentId: 'd',
        number: '1/2025',
        title: 'Surat',
      },
      {
        type: 'recordArchive',
        step: 'requested',
        requestId: 'r1',
        details: { kind: 'borrow', reason: 'audit', recipient: 'Inspektorat', dueBackAt: null },
      },
      { type: 'cancel', reason: 'Pemohon membatalkan permohonan' },
    ];
    for (const command of onOpenCase) {
      const result = await applyCommand(exe, started, command, context);
      expect(result.ok, command.type).toBe(true);
    }
    const ended = deepFreeze(structuredClone(finished.state));
    const anonymised = await applyCommand(exe, ended, { type: 'anonymise' }, context);
    expect(anonymised.ok).toBe(true);
    if (anonymised.ok && ended.eligibility)
      expect(
        anonymised.state.eligibility!.criteria.every((c) => c.outcome.criteria.every((x) => x.actual === null)),
      ).toBe(true);
  });
});
