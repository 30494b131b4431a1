import { join } from 'node:path';
import { TypeCompiler } from '@sinclair/typebox/compiler';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { buildWorkingCalendar } from '../../engine/calendar/workingCalendar.ts';
import { redactEventPayload } from '../../engine/core/anonymise/redactEventPayload.ts';
import { applyCommand } from '../../engine/core/applyCommand.ts';
import type { CaseCommand, EngineContext } from '../../engine/core/caseTypes.ts';
import { compileSop } from '../../engine/core/compileSop.ts';
import {
  caseEventBodySchema,
  caseEventPayloadSchemas,
  caseEventTypes,
  type CaseEvent,
  type CaseEventType,
} from '../../engine/core/events.ts';
import type { emit } from '../../engine/core/transition.ts';
import { loadDefinitionPaths } from '../../engine/files/loadDefinitionFiles.ts';
import { memoryDriver } from '../../engine/simulation/memoryDriver.ts';
import { formDataFor, wantedFactsFrom } from '../../engine/simulation/scenarioData.ts';
import { planScenarios } from '../../engine/simulation/planScenarios.ts';
import { runScenario } from '../../engine/simulation/runScenario.ts';
import { decodeCaseEvent, EventDecodeError, type CaseEventRow } from '../../engine/storage/decodeCaseEvent.ts';
import { jointContext, jointExe } from './support/jointFixture.ts';
import en from '../../ui-shared/i18n/en.json' with { type: 'json' };
import id from '../../ui-shared/i18n/id.json' with { type: 'json' };

const root = join(import.meta.dirname, '../../sop-definitions');
const runnable = loadDefinitionPaths([root], root).folders.flatMap((folder) =>
  folder.sops
    .filter((s) => s.definition)
    .map((s) => ({
      file: s.file,
      definition: s.definition!,
      calendar: buildWorkingCalendar(folder.regency!.calendar),
    })),
);
const bodyCheck = TypeCompiler.Compile(caseEventBodySchema);

/** A value as it comes back from a JSON column. */
const viaJson = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

/** Every event the engine emits: all SOPs along every branch and send-back, plus staff and system commands. */
async function everyEmittedEvent(): Promise<CaseEvent[]> {
  const all: CaseEvent[] = [];
  for (const { definition, calendar } of runnable) {
    const exe = compileSop(definition);
    for (const scenario of planScenarios(definition)) {
      const sendBacks = definition.steps.filter((s) => s.sendBack && scenario.visits.some((v) => v.stepId === s.id));
      for (const at of [undefined, ...sendBacks.map((s) => s.id)]) {
        const driver = memoryDriver(exe, calendar);
        await runScenario(definition, driver, scenario, at ? { sendBackAt: at } : {});
        all.push(...(await driver.events()));
      }
    }
  }
  const { definition, calendar } = runnable.find((r) => r.definition.steps.length > 1)!;
  const exe = compileSop(definition);
  const driver = memoryDriver(exe, calendar);
  const finished = await runScenario(definition, driver, planScenarios(definition)[0]!);
  const started = await applyCommand(
    exe,
    undefined,
    { type: 'start', caseId: 'c2', data: finished.state.data },
    {
      now: new Date('2025-06-02T02:00:00Z'),
      calendar,
      by: { userId: 'u0', name: 'Petugas', roles: [] },
    },
  );
  if (!started.ok) throw new Error(started.error.message);
  const open = started.state.tasks.find((t) => t.status === 'open')!;
  const context: EngineContext = {
    now: new Date('2025-06-02T03:00:00Z'),
    calendar,
    by: { userId: 'u1', name: 'Petugas', roles: [open.role], onBehalfOf: { userId: 'k1', name: 'Kepala' } },
  };
  const onOpen: CaseCommand[] = [
    { type: 'reassign', taskId: open.id, toUserId: 'u2', toName: 'Petugas Dua' },
    { type: 'markOverdue', taskIds: [open.id], caseOverdue: true },
    { type: 'recordOutput', stepId: open.stepId, outputId: 'o', documentId: 'd', number: '1/2025', title: 'Surat' },
    {
      type: 'recordArchive',
      step: 'requested',
      requestId: 'r1',
      details: { kind: 'borrow', reason: 'audit', recipient: 'Inspektorat', dueBackAt: null },
    },
    ...(['approved', 'refused', 'handedOver', 'returned'] as const).map((step): CaseCommand => ({
      type: 'recordArchive',
      step,
      requestId: 'r1',
      details: { kind: 'borrow', note: 'ok' },
    })),
    { type: 'migrate', fromVersion: 1, toVersion: 2 },
    { type: 'cancel', reason: 'Pemohon membatalkan' },
    { type: 'reject', reason: 'Tidak memenuhi syarat' },
    { type: 'close', reason: 'Selesai di luar sistem' },
  ];
  for (const command of onOpen) {
    const result = await applyCommand(exe, started.state, command, context);
    if (!result.ok) throw new Error(`${command.type}: ${result.error.message}`);
    all.push(...result.events);
  }
  // A claimed task given back to its role's queue (claim first: only a claimed task can be released).
  const claimed = await applyCommand(
    exe,
    started.state,
    { type: 'reassign', taskId: open.id, toUserId: 'u1', toName: 'Petugas' },
    context,
  );
  if (!claimed.ok) throw new Error(claimed.error.message);
  const released = await applyCommand(exe, claimed.state, { type: 'release', taskId: open.id }, context);
  if (!released.ok) throw new Error(released.error.message);
  all.push(...released.events);
  const revoked = await applyCommand(
    exe,
    started.state,
    { type: 'recordRevocation', documentId: 'd', number: '1/2025', reason: 'Salah nama' },
    context,
  );
  if (!revoked.ok) throw new Error(revoked.error.message);
  all.push(...revoked.events);
  // A calendar change moves a due time: a stale stored one is put right (an SOP whose first step has a time).
  const timed = runnable.find((r) => r.definition.steps[0]?.time !== undefined)!;
  const timedExe = compileSop(timed.definition);
  const timedStart = await applyCommand(
    timedExe,
    undefined,
    {
      type: 'start',
      caseId: 'c3',
      data: formDataFor(
        timed.definition.caseData.schema,
        wantedFactsFrom(timed.definition, planScenarios(timed.definition)[0]!, 0, context.now),
      ),
    },
    { ...context, calendar: timed.calendar, by: { userId: 'u0', name: 'Petugas', roles: [] } },
  );
  if (!timedStart.ok) throw new Error(timedStart.error.message);
  const stale = {
    ...timedStart.state,
    tasks: timedStart.state.tasks.map((t) => (t.status === 'open' ? { ...t, dueAt: '2000-01-03T00:00:00.000Z' } : t)),
  };
  const recomputed = await applyCommand(
    timedExe,
    stale,
    { type: 'recomputeDeadlines', reason: 'SKB diubah' },
    { ...context, calendar: timed.calendar },
  );
  if (!recomputed.ok) throw new Error(recomputed.error.message);
  all.push(...recomputed.events);
  // Joint steps: participants answering differently on a decision field flag a disagreement.
  const jointStart = await applyCommand(
    jointExe,
    undefined,
    { type: 'start', caseId: 'c4', data: { fullName: 'Ani', age: 70 } },
    jointContext('2025-03-03T02:00:00Z', ['petugas']),
  );
  if (!jointStart.ok) throw new Error(jointStart.error.message);
  let joint = jointStart.state;
  for (const [role, formData] of [
    ['petugas', undefined],
    ['petugas', { neglected: true }],
    ['kabid', { neglected: false }],
  ] as const) {
    const task = joint.tasks.find((t) => t.status === 'open' && t.role === role)!;
    const done = await applyCommand(
      jointExe,
      joint,
      { type: 'complete', taskId: task.id, checklist: { ktp: true, kk: true }, ...(formData ? { formData } : {}) },
      jointContext('2025-03-03T03:00:00Z', [role]),
    );
    if (!done.ok) throw new Error(done.error.message);
    all.push(...done.events);
    joint = done.state;
  }
  const anonymised = await applyCommand(exe, finished.state, { type: 'anonymise' }, context);
  if (!anonymised.ok) throw new Error(anonymised.error.message);
  all.push(...anonymised.events);
  return all;
}

function rowOf(event: CaseEvent, payload: unknown = event.payload): CaseEventRow {
  return {
    id: event.seq,
    seq: event.seq,
    type: event.type,
    at: event.at,
    user_id: event.by.userId,
    user_name: event.by.name,
    on_behalf_of_id: event.by.onBehalfOf?.userId ?? null,
    on_behalf_of_name: event.by.onBehalfOf?.name ?? null,
    step_id: event.stepId ?? null,
    task_id: event.taskId ?? null,
    payload: viaJson(payload),
  };
}

describe('case events: one declared payload per type (engine/core/events.ts)', () => {
  it('declares the same types in the payload table, the union schema and the TypeScript union', () => {
    expectTypeOf<keyof typeof caseEventPayloadSchemas>().toEqualTypeOf<CaseEventType>();
    expectTypeOf<Parameters<typeof emit>[1]['type']>().toEqualTypeOf<CaseEventType>();
    expect(new Set(caseEventTypes).size).toBe(caseEventTypes.length);
    expect([...caseEventTypes].sort()).toEqual(Object.keys(caseEventPayloadSchemas).sort());
    for (const variant of caseEventBodySchema.anyOf)
      expect(variant.properties.payload, variant.properties.type.const).toBe(
        caseEventPayloadSchemas[variant.properties.type.const],
      );
  });

  it('every event the engine emits for every SOP matches its payload schema; every declared type occurs', async () => {
    const events = await everyEmittedEvent();
    expect(events.length).toBeGreaterThan(500);
    const failures = events
      .filter((e) => !bodyCheck.Check({ type: e.type, payload: viaJson(e.payload) }))
      .map((e) => `${e.type}: ${JSON.stringify(e.payload)}`);
    expect(failures).toEqual([]);
    expect([...new Set(events.map((e) => e.type))].sort()).toEqual([...caseEventTypes].sort());

    // Anonymisation rewrites stored payloads; they must still decode (personal fields are optional).
    const redacted = events.map((e) => decodeCaseEvent(rowOf(e, redactEventPayload(e.payload))));
    const completed = redacted.find((e) => e.type === 'task.completed');
    expect(completed?.type === 'task.completed' && completed.payload.formData).toBe(undefined);
    expect(events.map((e) => decodeCaseEvent(rowOf(e)).payload)).toEqual(events.map((e) => viaJson(e.payload)));
  }, 120_000);

  it('storage decoding refuses unknown types and payloads that do not match, naming where', () => {
    const base = rowOf({
      seq: 3,
      type: 'case.sentBack',
      at: '2025-01-01T00:00:00.000Z',
      by: { userId: 'u', name: 'U' },
      payload: { from: 'a', to: 'b', reason: 'kurang KK', missing: ['kk'] },
    });
    expect(decodeCaseEvent(base)).toMatchObject({ type: 'case.sentBack', payload: { missing: ['kk'] }, id: 3 });
    expect(() => decodeCaseEvent({ ...base, type: 'case.exploded' })).toThrow(EventDecodeError);
    try {
      decodeCaseEvent({ ...base, payload: { from: 'a', to: 'b', reason: 'x', missing: 'kk' } });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(EventDecodeError);
      expect(error).toMatchObject({ code: 'EVENT_UNDECODABLE', path: '/payload/missing' });
    }
  });

  it('every event type has a timeline label in both catalogs', () => {
    const idLabels: Record<string, string> = id.events;
    const enLabels: Record<string, string> = en.events;
    expect(caseEventTypes.filter((type) => !idLabels[type])).toEqual([]);
    expect(caseEventTypes.filter((type) => !enLabels[type])).toEqual([]);
  });
});
