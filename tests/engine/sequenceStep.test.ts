import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildWorkingCalendar } from '../../engine/calendar/workingCalendar.ts';
import { applyCommand } from '../../engine/core/applyCommand.ts';
import type { CaseCommand, CaseState, EngineContext } from '../../engine/core/caseTypes.ts';
import { compileSop } from '../../engine/core/compileSop.ts';
import type { CaseEvent } from '../../engine/core/events.ts';
import { loadDefinitionPaths } from '../../engine/files/loadDefinitionFiles.ts';
import { loadSopSource } from '../../engine/definition/loadDefinitionSource.ts';
import { formDataFor } from '../../engine/simulation/scenarioData.ts';
import { planNotifications } from '../../engine/notifications/planNotifications.ts';
import { layoutSwimlane } from '../../ui-shared/components/swimlaneLayout.ts';

// Kutai Kartanegara's JKN SOP, row 5: "Data Pemohon di input melalui Edabu dan di approval oleh Kabid
// Linjamsos" — one printed row, two lanes in order: the Petugas Loker enters, then the Kabid approves.
const root = join(import.meta.dirname, '../../sop-definitions');
const folder = loadDefinitionPaths([join(root, 'kutai-kartanegara')], root).folders[0]!;
const definition = folder.sops.find((s) => s.definition?.id === 'kepesertaan-jkn')!.definition!;
const exe = compileSop(definition);
const calendar = buildWorkingCalendar(folder.regency!.calendar);

const as = (at: string, roles: string[], name: string): EngineContext => ({
  now: new Date(at),
  calendar,
  by: { userId: name.toLowerCase(), name, roles },
});
const loket = (at: string) => as(at, ['petugas-loket-jkn'], 'Loket');
const kabid = (at: string) => as(at, ['kabid-linjamsos'], 'Kabid');

async function run(state: CaseState | undefined, command: CaseCommand, context: EngineContext) {
  const result = await applyCommand(exe, state, command, context);
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result;
}

const open = (state: CaseState) => state.tasks.filter((t) => t.status === 'open');

/** Walks the case with the loket until the Edabu row, completing every earlier task with valid input. */
async function atEdabuRow(): Promise<{ state: CaseState; events: CaseEvent[] }> {
  const step = definition.steps.find((s) => s.id === 'input-edabu')!;
  const data = formDataFor(definition.caseData.schema, {});
  let result = await run(undefined, { type: 'start', caseId: 'jkn-1', data }, loket('2026-12-07T01:00:00Z'));
  const events: CaseEvent[] = [...result.events];
  for (let guard = 0; result.state.currentStepId !== step.id && guard < 10; guard++) {
    const task = open(result.state)[0]!;
    const current = definition.steps.find((s) => s.id === task.stepId)!;
    const checklist = Object.fromEntries(current.requirements.map((r) => [r.doc, true]));
    const formData = current.form ? formDataFor(current.form.schema, {}) : {};
    const choice = current.decision?.mode === 'human' ? { choice: current.decision.branches[0]!.label } : {};
    result = await run(
      result.state,
      { type: 'complete', taskId: task.id, checklist, formData, ...choice },
      loket('2026-12-07T01:10:00Z'),
    );
    events.push(...result.events);
  }
  return { state: result.state, events };
}

describe('a row done by several lanes in order (`actor: { sequence: [...] }`)', () => {
  it('the language reads it: the mode, the lanes in order, and a wrong lane is a positioned error', () => {
    const step = definition.steps.find((s) => s.id === 'input-edabu')!;
    expect([step.actorMode, step.actors]).toEqual(['sequence', ['loket', 'kabid']]);
    const source = `id: x\nregency: kutai-kartanegara\nstatus: draft\nname: X\nunit: linjamsos\nactors:\n  - { id: a, name: A, role: kabid-linjamsos }\nsteps:\n  - id: s1\n    activity: Satu\n    actor: { sequence: [a, b] }\n`;
    const loaded = loadSopSource(new TextEncoder().encode(source), 'x.yaml', { regency: folder.regency });
    expect(loaded.definition).toBeUndefined();
    const error = loaded.errors.find((e) => e.path?.startsWith('/steps/0/actor'));
    expect(error?.line).toBe(11);
    expect(error?.message).toContain('b');
  });

  it('opens only the first lane; the second opens when the first is done, due when the row is due', async () => {
    const { state, events } = await atEdabuRow();
    const row = state.tasks.filter((t) => t.stepId === 'input-edabu');
    expect(row.map((t) => [t.actorId, t.status])).toEqual([['loket', 'open']]);
    const entered = events.filter((e) => e.type === 'step.entered' && e.stepId === 'input-edabu');
    expect(entered.map((e) => e.type === 'step.entered' && e.payload.mode)).toEqual(['sequence']);

    const first = await run(
      state,
      { type: 'complete', taskId: row[0]!.id, formData: { inputDate: '2026-12-07', dataValid: true } },
      loket('2026-12-07T02:00:00Z'),
    );
    // Still the same row: nothing decided yet, the kabid's task is open with the same deadline.
    expect(first.state.currentStepId).toBe('input-edabu');
    const after = first.state.tasks.filter((t) => t.stepId === 'input-edabu');
    expect(after.map((t) => [t.actorId, t.status])).toEqual([
      ['loket', 'completed'],
      ['kabid', 'open'],
    ]);
    expect(after[1]!.dueAt).toBe(after[0]!.dueAt);
    expect(first.events.map((e) => e.type)).toEqual(['task.completed', 'step.handedOn']);
    expect(first.events.some((e) => e.type === 'decision.evaluated')).toBe(false);
    // The kabid hears of it like any new task.
    const planned = planNotifications({ definition, state: first.state, events: first.events, trackingCode: 'ABC' });
    expect(
      planned.filter((p) => p.audience === 'staff').map((p) => [p.kind, p.recipientRole, p.params.taskId]),
    ).toEqual([['task.assigned', 'kabid-linjamsos', after[1]!.id]]);

    // The loket cannot do the kabid's part; the kabid's answer takes the decision.
    const wrong = await applyCommand(
      exe,
      first.state,
      { type: 'complete', taskId: after[1]!.id, formData: { inputDate: '2026-12-07', dataValid: true } },
      loket('2026-12-07T02:10:00Z'),
    );
    expect(wrong.ok).toBe(false);
    const second = await run(
      first.state,
      { type: 'complete', taskId: after[1]!.id, formData: { inputDate: '2026-12-07', dataValid: false } },
      kabid('2026-12-07T03:00:00Z'),
    );
    expect(second.events.map((e) => e.type)).toContain('step.completed');
    expect(second.state.currentStepId).toBe('rekomendasi');
  });

  it('the swimlane draws an arrow from the loket to the kabid and leaves the row from the kabid', () => {
    const layout = layoutSwimlane(definition);
    const boxes = layout.shapes.filter((s) => s.stepId === 'input-edabu');
    expect(boxes.map((b) => b.actorId)).toEqual(['loket', 'kabid']);
    const kabidBox = boxes[1]!;
    const leaving = layout.connectors.filter(
      (c) =>
        Math.abs(c.points[0]![0] - (kabidBox.x + kabidBox.width / 2)) < 1 ||
        c.points[0]![0] === kabidBox.x + kabidBox.width,
    );
    expect(leaving.length).toBeGreaterThan(0);
  });
});
