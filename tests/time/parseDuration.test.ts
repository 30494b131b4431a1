import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DurationUnit } from '../../engine/time/durationUnits.ts';
import { formatDuration } from '../../engine/time/formatDuration.ts';
import { parseDuration, type Duration } from '../../engine/time/parseDuration.ts';

type Expected = Omit<Duration, 'text'>;

const d = (min: number, max: number, unit: DurationUnit, extra: Partial<Expected> = {}): Expected => ({
  min,
  max,
  unit,
  perPerson: false,
  ...extra,
});

/** Every distinct Waktu cell of the step tables in kutai-kartanegara-sop-2025.md, as written. */
const kutaiKartanegaraWaktu: Array<[string, Expected]> = [
  ['1 hari kerja', d(1, 1, 'workingDays')],
  ['5 Menit / orang', d(5, 5, 'minutes', { perPerson: true })],
  ['1 jam / orang', d(1, 1, 'hours', { perPerson: true })],
  ['2 hari setelah asesmen', d(2, 2, 'workingDays', { after: 'asesmen' })],
  ['10 menit', d(10, 10, 'minutes')],
  ['5 menit', d(5, 5, 'minutes')],
  ['1 – 3 hari kerja', d(1, 3, 'workingDays')],
  ['2 hari setelah Verifikasi', d(2, 2, 'workingDays', { after: 'verifikasi' })],
  ['20 menit', d(20, 20, 'minutes')],
  ['30 hari kerja', d(30, 30, 'workingDays')],
  ['3 hari Kerja', d(3, 3, 'workingDays')],
  ['3 hari kerja', d(3, 3, 'workingDays')],
  ['7 hari kerja', d(7, 7, 'workingDays')],
  ['30 hari Kalender', d(30, 30, 'calendarDays')],
  ['30 hari kalender', d(30, 30, 'calendarDays')],
  ['30 menit', d(30, 30, 'minutes')],
  ['15 menit', d(15, 15, 'minutes')],
  ['60 menit', d(60, 60, 'minutes')],
  ['60 Menit', d(60, 60, 'minutes')],
  ['30 Menit', d(30, 30, 'minutes')],
  ['1 hari setelah asesmen', d(1, 1, 'workingDays', { after: 'asesmen' })],
  ['7 Hari Kalender', d(7, 7, 'calendarDays')],
  ['30 Hari Kalender', d(30, 30, 'calendarDays')],
  ['2 hari kerja', d(2, 2, 'workingDays')],
  ['10 hari kerja', d(10, 10, 'workingDays')],
  ['3 bulan/6 bulan', d(3, 6, 'months')],
];

const sinceComplete = 'sejak berkas permohonan diterima secara lengkap dan benar';

/** Every distinct "Jangka Waktu Penyelesaian Pelayanan" of bangkalan-standar-pelayanan-2025.md, as written. */
const bangkalanJangkaWaktu: Array<[string, Expected]> = [
  ['4 (empat) hari kerja', d(4, 4, 'workingDays')],
  [
    '2 (dua) hari kerja, sejak berkas permohonan diterima secara lengkap dan benar',
    d(2, 2, 'workingDays', { note: sinceComplete }),
  ],
  [
    '3 (tiga) hari kerja sejak berkas permohonan diterima secara lengkap dan benar',
    d(3, 3, 'workingDays', { note: sinceComplete }),
  ],
  ['30 (tiga puluh) menit', d(30, 30, 'minutes')],
  ['14 (empat belas) hari kerja', d(14, 14, 'workingDays')],
  // Sic: the seed has "(hari)" where the number word belongs.
  ['3 (hari) hari kerja', d(3, 3, 'workingDays')],
  [
    '1 (satu) sampai dengan 2 (dua) hari kerja, sejak berkas permohonan diterima secara lengkap dan benar',
    d(1, 2, 'workingDays', { note: sinceComplete }),
  ],
  [
    'Pelayanan diselesaikan dalam waktu paling lama 5 hari kerja',
    d(5, 5, 'workingDays', { note: 'Pelayanan diselesaikan dalam waktu paling lama' }),
  ],
  [
    'Pelayanan diselesaikan dalam waktu paling lama 5 hari kerja.',
    d(5, 5, 'workingDays', { note: 'Pelayanan diselesaikan dalam waktu paling lama' }),
  ],
  [
    '1 (satu) hari kerja, sejak berkas permohonan diterima secara lengkap dan benar',
    d(1, 1, 'workingDays', { note: sinceComplete }),
  ],
];

/** The examples of the issue. */
const issueExamples: Array<[string, Expected]> = [
  ['5 menit', d(5, 5, 'minutes')],
  ['1 jam', d(1, 1, 'hours')],
  ['8 jam', d(8, 8, 'hours')],
  ['1 hari kerja', d(1, 1, 'workingDays')],
  ['2 hari setelah asesmen', d(2, 2, 'workingDays', { after: 'asesmen' })],
  ['3-4 hari', d(3, 4, 'workingDays')],
  ['2 minggu', d(2, 2, 'weeks')],
  ['30 hari kalender', d(30, 30, 'calendarDays')],
  ['5 menit / orang', d(5, 5, 'minutes', { perPerson: true })],
  ['3 bulan/6 bulan', d(3, 6, 'months')],
];

/** Other spellings drafters use. */
const otherSpellings: Array<[string, Expected]> = [
  ['1x24 jam', d(24, 24, 'hours', { roundTheClock: true })],
  ['2 x 24 jam', d(48, 48, 'hours', { roundTheClock: true })],
  ['4 Hari Kerja (sesuai jadwal)', d(4, 4, 'workingDays', { note: 'sesuai jadwal' })],
  ['3 (hari) hari kerja', d(3, 3, 'workingDays')],
  ['0,5 jam', d(0.5, 0.5, 'hours')],
  ['1 s/d 3 hari kerja', d(1, 3, 'workingDays')],
  ['2 hingga 3 minggu', d(2, 3, 'weeks')],
  ['1 tahun', d(1, 1, 'years')],
  ['10 mnt per pemohon', d(10, 10, 'minutes', { perPerson: true })],
  ['  15 menit  ', d(15, 15, 'minutes')],
];

describe('parseDuration', () => {
  it.each([...kutaiKartanegaraWaktu, ...bangkalanJangkaWaktu, ...issueExamples, ...otherSpellings])(
    'reads "%s"',
    (text, expected) => {
      expect(parseDuration(text)).toEqual({ kind: 'duration', duration: { text: text.trim(), ...expected } });
    },
  );

  it.each(['N/A', 'n/a', '-', '–', 'Tidak ada', ''])('reads "%s" as no time given', (text) => {
    expect(parseDuration(text)).toEqual({ kind: 'none', text: text.trim() });
  });

  it.each(['lima menit', 'segera', '0 hari', '3-1 hari', '5 menitan', 'secepatnya 1', 'hari kerja'])(
    'rejects "%s"',
    (text) => {
      expect(parseDuration(text)).toEqual({ kind: 'invalid', text });
    },
  );

  // Issue #15: two times printed in one cell must not become the first one silently.
  it.each([
    ['30 menit / 1 hari', '1 hari', 12],
    ['1 hari kerja atau 2 jam', '2 jam', 19],
    ['paling lama 3 hari, 5 menit / orang', '5 menit', 21],
  ])('refuses "%s": the part "%s" at column %i would be lost', (text, part, column) => {
    expect(parseDuration(text)).toEqual({ kind: 'partial', text, part, column });
  });

  const units: DurationUnit[] = ['minutes', 'hours', 'workingDays', 'calendarDays', 'weeks', 'months', 'years'];
  const word = fc.string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz'), minLength: 1, maxLength: 10 });
  const phrase = (maxWords: number): fc.Arbitrary<string> =>
    fc.array(word, { minLength: 1, maxLength: maxWords }).map((w) => w.join(' '));
  const amount = fc.oneof(
    fc.integer({ min: 1, max: 1000 }),
    fc.integer({ min: 1, max: 40 }).map((n) => n / 2),
  );
  const duration: fc.Arbitrary<Expected> = fc
    .record({
      min: amount,
      spread: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 100 })),
      unit: fc.constantFrom(...units),
      perPerson: fc.boolean(),
      after: fc.option(phrase(3), { nil: undefined }),
      note: fc.option(phrase(8), { nil: undefined }),
    })
    .map(({ min, spread, ...rest }) => ({ min, max: min + spread, ...rest }));

  it('reads back what formatDuration writes', () => {
    fc.assert(
      fc.property(duration, (expected) => {
        const text = formatDuration(expected);
        const parsed = parseDuration(text);
        expect(parsed.kind, text).toBe('duration');
        if (parsed.kind !== 'duration') return;
        const { text: _text, ...fields } = parsed.duration;
        expect(fields, text).toEqual(expected);
      }),
      { numRuns: 500 },
    );
  });

  it('writes canonical Indonesian', () => {
    expect(
      formatDuration(d(3, 4, 'workingDays', { perPerson: true, after: 'asesmen', note: 'sejak berkas lengkap' })),
    ).toBe('3-4 hari kerja / orang setelah asesmen, sejak berkas lengkap');
    expect(formatDuration(d(30, 30, 'calendarDays'))).toBe('30 hari kalender');
  });
});
