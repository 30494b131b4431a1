import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildWorkingCalendar } from '../../engine/calendar/workingCalendar.ts';
import { applyCommand } from '../../engine/core/applyCommand.ts';
import type { EngineContext } from '../../engine/core/caseTypes.ts';
import { compileSop } from '../../engine/core/compileSop.ts';
import { loadDefinitionPaths } from '../../engine/files/loadDefinitionFiles.ts';

const root = join(import.meta.dirname, '../fixtures/valid');
const folder = loadDefinitionPaths([join(root, 'testkab')], root).folders[0]!;
const base = folder.sops[0]!.definition!;
const firstStep = base.steps[0]!.id;
const duration = { text: '2 hari kerja', min: 2, max: 2, unit: 'workingDays' as const, perPerson: false };
const calendar = buildWorkingCalendar(folder.regency!.calendar, folder.regency!.id);
const by = { userId: 'u1', name: 'Petugas', roles: ['petugas', 'kabid'] };
const at = (iso: string): EngineContext => ({ now: new Date(iso), calendar, by });

describe('serviceClock.startsAt: the Jangka Waktu counts from the step that declares the file complete', () => {
  it('without serviceClock the clock runs from the case opening', async () => {
    const exe = compileSop({ ...base, duration });
    const r = await applyCommand(
      exe,
      undefined,
      { type: 'start', caseId: 'c1', data: { nik: '3526010101010001', fullName: 'Ani', age: 70 } },
      at('2025-03-03T09:00:00+07:00'),
    );
    if (!r.ok) throw new Error(r.error.message);
    expect(r.state.dueAt).toBe(new Date('2025-03-05T09:00:00+07:00').toISOString());
  });

  it('with serviceClock the case opens without a deadline and gets one when that step is completed', async () => {
    const exe = compileSop({ ...base, duration, serviceStandard: { serviceClock: { startsAt: firstStep } } });
    const start = await applyCommand(
      exe,
      undefined,
      { type: 'start', caseId: 'c1', data: { nik: '3526010101010001', fullName: 'Ani', age: 70 } },
      at('2025-03-03T09:00:00+07:00'),
    );
    if (!start.ok) throw new Error(start.error.message);
    expect(start.state.dueAt).toBeUndefined();
    expect(start.events[0]!.payload).toMatchObject({ dueAt: null, clockStartsAfter: firstStep });
    // The file is declared complete on Tuesday 10:00: 2 working days later is Thursday 10:00.
    const done = await applyCommand(
      exe,
      start.state,
      { type: 'complete', taskId: start.state.tasks[0]!.id, checklist: { ktp: true } },
      at('2025-03-04T10:00:00+07:00'),
    );
    if (!done.ok) throw new Error(done.error.message);
    expect(done.state.dueAt).toBe(new Date('2025-03-06T10:00:00+07:00').toISOString());
    expect(done.state.clockStartedAt).toBe(new Date('2025-03-04T10:00:00+07:00').toISOString());
    expect(done.events.find((e) => e.type === 'clock.started')?.payload).toEqual({
      dueAt: done.state.dueAt,
      afterStep: firstStep,
    });
  });

  it('Bangkalan standards counted "sejak berkas permohonan diterima secara lengkap dan benar" start at their completeness check', () => {
    const bangkalan = join(import.meta.dirname, '../../sop-definitions');
    const sops = loadDefinitionPaths([join(bangkalan, 'bangkalan')], bangkalan).folders[0]!.sops.map(
      (s) => s.definition!,
    );
    const counted = sops.filter((s) => /sejak berkas permohonan diterima/.test(s.duration?.text ?? ''));
    expect(counted.length).toBeGreaterThanOrEqual(13);
    for (const sop of counted) {
      const startsAt = sop.serviceStandard?.serviceClock?.startsAt;
      const step = sop.steps.find((s) => s.id === startsAt);
      expect(step?.activity, sop.id).toMatch(/kelengkapan/);
    }
  });
});
