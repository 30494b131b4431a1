import { describe, expect, it } from 'vitest';
import { indonesianDate } from '../../engine/app/letters/indonesianDates.ts';
import { tanggalIndonesia } from '../../engine/time/indonesianMonths.ts';
import { letterSnapshot } from '../../engine/app/letters/letterSnapshot.ts';
import { maskName } from '../../engine/app/letters/maskName.ts';
import { renderLetterBody } from '../../engine/app/outputs/renderLetterBody.ts';
import type { CaseEvent } from '../../engine/core/events.ts';

describe('letter helpers', () => {
  it('masks a recipient the way the verification page shows it', () => {
    expect(maskName('Siti Rahayu')).toBe('S***i R*****');
    expect(maskName('  Budi  ')).toBe('B***i');
    expect(maskName('Al')).toBe('A*');
  });

  it('writes dates the Indonesian way, in the regency time zone', () => {
    expect(tanggalIndonesia('2026-12-07')).toBe('7 Desember 2026');
    // 23:30 UTC on 6 December is already 7 December in Tenggarong (WITA).
    expect(indonesianDate(new Date('2026-12-06T23:30:00Z'), 'Asia/Makassar')).toBe('7 Desember 2026');
    expect(renderLetterBody('Pada {{d}}, {{x}} / {{y}}', { d: '2026-01-02', x: true })).toBe(
      'Pada 2 Januari 2026, Ya / …',
    );
  });

  it('a letter keeps the values of its step: later steps neither change nor add fields', () => {
    const e = (type: string, stepId: string, payload: Record<string, unknown>) =>
      ({ type, stepId, payload }) as unknown as CaseEvent & { stepId: string };
    const events = [
      e('case.started', '', { sopId: 's', dueAt: null, fields: ['fullName', 'recipientOffice'] }),
      e('task.completed', 'asesmen', { formData: { notes: 'layak' }, checklist: {}, attachments: [] }),
      e('task.completed', 'surat-provinsi', {
        formData: { recipientOffice: 'Dinas Sosial Provinsi' },
        checklist: {},
        attachments: [],
      }),
      e('step.completed', 'surat-provinsi', { outputs: [] }),
      e('task.completed', 'surat-bulog', {
        formData: { recipientOffice: 'Pimpinan Perum Bulog', quota: 10 },
        checklist: {},
        attachments: [],
      }),
      e('step.completed', 'surat-bulog', { outputs: [] }),
    ];
    const current = { fullName: 'Siti', recipientOffice: 'Pimpinan Perum Bulog', quota: 10, notes: 'layak' };
    const first = letterSnapshot(current, events, 'surat-provinsi');
    expect(first.data).toEqual({ fullName: 'Siti', recipientOffice: 'Dinas Sosial Provinsi', notes: 'layak' });
    expect(first.steps).toEqual({
      asesmen: { notes: 'layak' },
      'surat-provinsi': { recipientOffice: 'Dinas Sosial Provinsi' },
    });
    const second = letterSnapshot(current, events, 'surat-bulog');
    expect(second.data.recipientOffice).toBe('Pimpinan Perum Bulog');
    expect(second.steps['surat-bulog']).toEqual({ recipientOffice: 'Pimpinan Perum Bulog', quota: 10 });
  });
});
