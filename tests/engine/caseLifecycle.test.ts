import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildWorkingCalendar } from '../../engine/calendar/workingCalendar.ts';
import { applyCommand } from '../../engine/core/applyCommand.ts';
import type { CaseState, EngineContext } from '../../engine/core/caseTypes.ts';
import { compileSop } from '../../engine/core/compileSop.ts';
import { loadDefinitionPaths } from '../../engine/files/loadDefinitionFiles.ts';

const root = join(import.meta.dirname, '../fixtures/valid');
const folder = loadDefinitionPaths([join(root, 'testkab')], root).folders[0]!;
const base = folder.sops[0]!.definition!;
// The minimal fixture with a Jangka Waktu of 2 working days, to watch the service clock.
const definition = {
  ...base,
  duration: { text: '2 hari kerja', min: 2, max: 2, unit: 'workingDays' as const, perPerson: false },
};
const exe = compileSop(definition);
const calendar = buildWorkingCalendar(folder.regency!.calendar);
const by = { userId: 'u1', name: 'Petugas', roles: ['petugas', 'kabid'] };
const at = (iso: string): EngineContext => ({ now: new Date(iso), calendar, by });

async function started(data: Record<string, unknown>): Promise<CaseState> {
  const result = await applyCommand(
    exe,
    undefined,
    { type: 'start', caseId: 'c1', data },
    at('2025-03-03T09:00:00+07:00'),
  );
  if (!result.ok) throw new Error(result.error.message);
  return result.state;
}

describe('case lifecycle in the pure engine', () => {
  it('never mutates the input state and keeps state and events consistent', async () => {
    const state = await started({ nik: '3526010101010001', fullName: 'Ani', age: 70 });
    const frozen = structuredClone(state);
    const result = await applyCommand(
      exe,
      state,
      { type: 'complete', taskId: state.tasks[0]!.id, checklist: { ktp: true } },
      at('2025-03-03T10:00:00+07:00'),
    );
    expect(state).toEqual(frozen);
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.state.revision).toBe(state.revision + 1);
      expect(result.events[0]!.seq).toBe(state.eventSeq + 1);
      expect(result.state.eventSeq).toBe(result.events[result.events.length - 1]!.seq);
    }
  });

  it('a rule decision stores which criterion passed or failed, in Indonesian', async () => {
    let state = await started({ nik: '3526010101010001', fullName: 'Ani', age: 45 });
    let r = await applyCommand(
      exe,
      state,
      { type: 'complete', taskId: state.tasks[0]!.id, checklist: { ktp: true } },
      at('2025-03-03T10:00:00+07:00'),
    );
    if (!r.ok) throw new Error(r.error.message);
    state = r.state;
    r = await applyCommand(
      exe,
      state,
      { type: 'complete', taskId: state.tasks.find((t) => t.status === 'open')!.id },
      at('2025-03-03T10:10:00+07:00'),
    );
    if (!r.ok) throw new Error(r.error.message);
    const decision = r.events.find((e) => e.type === 'decision.evaluated')!;
    expect(decision.payload.chosen).toBe('Tidak layak');
    expect(decision.payload.branches).toEqual([
      { label: 'Layak', passed: false, explanations: ['age sedikitnya 60: tidak terpenuhi (nilai 45)'] },
    ]);
    expect(r.state.status).toBe('rejected');
  });

  it('sending back pauses the service clock and moves the deadline by the working time spent waiting', async () => {
    let state = await started({ nik: '3526010101010001', fullName: 'Ani', age: 70 });
    // Monday 09:00 + 2 working days = Wednesday 09:00.
    expect(state.dueAt).toBe(new Date('2025-03-05T09:00:00+07:00').toISOString());
    let r = await applyCommand(
      exe,
      state,
      { type: 'complete', taskId: state.tasks[0]!.id, checklist: { ktp: true } },
      at('2025-03-03T10:00:00+07:00'),
    );
    if (!r.ok) throw new Error(r.error.message);
    state = r.state;
    // Sent back Monday 11:00 with 22 office hours left; the applicant returns Tuesday 11:00.
    r = await applyCommand(
      exe,
      state,
      { type: 'sendBack', taskId: state.tasks.find((t) => t.status === 'open')!.id, reason: 'KK belum ada' },
      at('2025-03-03T11:00:00+07:00'),
    );
    if (!r.ok) throw new Error(r.error.message);
    state = r.state;
    expect(state.status).toBe('waiting');
    expect(state.paused?.remainingMinutes).toBe(14 * 60);
    expect(state.currentStepId).toBe('pengajuan');
    r = await applyCommand(
      exe,
      state,
      {
        type: 'complete',
        taskId: state.tasks.find((t) => t.status === 'open')!.id,
        checklist: { ktp: true, kk: true },
      },
      at('2025-03-04T11:00:00+07:00'),
    );
    if (!r.ok) throw new Error(r.error.message);
    expect(r.state.status).toBe('open');
    // Tuesday 11:00 + 14 office hours: 5 on Tuesday, 8 on Wednesday, 1 on Thursday → Thursday 09:00.
    expect(r.state.dueAt).toBe(new Date('2025-03-06T09:00:00+07:00').toISOString());
    const resumed = r.events.find((e) => e.type === 'clock.resumed')!;
    expect(resumed.payload.pausedMs).toBe(24 * 3_600_000);
  });

  it('refuses what the SOP does not allow, as data and without changing anything', async () => {
    const state = await started({ nik: '3526010101010001', fullName: 'Ani', age: 70 });
    const task = state.tasks[0]!;
    const missing = await applyCommand(
      exe,
      state,
      { type: 'complete', taskId: task.id, checklist: {} },
      at('2025-03-03T10:00:00+07:00'),
    );
    expect(missing.ok ? undefined : missing.error.code).toBe('REQUIREMENTS_INCOMPLETE');
    const notMine = await applyCommand(
      exe,
      state,
      { type: 'complete', taskId: task.id, checklist: { ktp: true } },
      { ...at('2025-03-03T10:00:00+07:00'), by: { ...by, roles: ['kabid'] } },
    );
    expect(notMine.ok ? undefined : notMine.error.code).toBe('NOT_YOUR_TASK');
    const noSendBack = await applyCommand(
      exe,
      state,
      { type: 'sendBack', taskId: task.id, reason: 'x' },
      at('2025-03-03T10:00:00+07:00'),
    );
    expect(noSendBack.ok ? undefined : noSendBack.error.code).toBe('SEND_BACK_NOT_ALLOWED');
    const badData = await applyCommand(
      exe,
      undefined,
      { type: 'start', caseId: 'c2', data: { nik: '12', fullName: 'Ani', age: 70 } },
      at('2025-03-03T09:00:00+07:00'),
    );
    expect(badData.ok ? undefined : badData.error.details).toEqual([
      { path: '/nik', message: 'NIK: harus terdiri dari 16 digit angka' },
    ]);
    const cancelled = await applyCommand(
      exe,
      state,
      { type: 'cancel', reason: 'Pemohon menarik permohonan' },
      at('2025-03-03T10:00:00+07:00'),
    );
    expect(cancelled.ok && cancelled.state.status).toBe('cancelled');
    if (cancelled.ok) {
      const again = await applyCommand(
        exe,
        cancelled.state,
        { type: 'complete', taskId: task.id, checklist: { ktp: true } },
        at('2025-03-03T10:05:00+07:00'),
      );
      expect(again.ok ? undefined : again.error.code).toBe('CASE_NOT_OPEN');
    }
  });
});
