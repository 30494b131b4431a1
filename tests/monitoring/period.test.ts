import { describe, expect, it } from 'vitest';
import { AppError } from '../../engine/app/appErrors.ts';
import { localDateTime, parsePeriod, yearPeriod } from '../../engine/app/monitoring/period.ts';

const WITA = 480;

describe('monitoring periods in regency-local time', () => {
  it('date-only bounds are whole local days, both inclusive', () => {
    const period = parsePeriod({ from: '2025-03-10', to: '2025-03-14' }, WITA);
    expect(period.from.toISOString()).toBe('2025-03-09T16:00:00.000Z');
    expect(period.to.toISOString()).toBe('2025-03-14T16:00:00.000Z');
  });

  it('instants with a zone are taken as given', () => {
    const period = parsePeriod({ from: '2025-03-10T08:00:00+07:00', to: '2025-03-10T09:30Z' }, WITA);
    expect(period.from.toISOString()).toBe('2025-03-10T01:00:00.000Z');
    expect(period.to.toISOString()).toBe('2025-03-10T09:30:00.000Z');
  });

  it('defaults to 1 January of the local year until now', () => {
    // 31 Dec 2025 20:00 UTC is already 1 Jan 2026 04:00 in WITA.
    const now = new Date('2025-12-31T20:00:00Z');
    const period = parsePeriod({}, WITA, now);
    expect(period.from.toISOString()).toBe('2025-12-31T16:00:00.000Z');
    expect(period.to).toEqual(now);
  });

  it('with only an end, starts on 1 January of that year', () => {
    const period = parsePeriod({ to: '2024-06-30' }, WITA, new Date('2026-03-01T00:00:00Z'));
    expect([period.from.toISOString(), period.to.toISOString()]).toEqual([
      '2023-12-31T16:00:00.000Z',
      '2024-06-30T16:00:00.000Z',
    ]);
  });

  it.each([
    [{ from: '2025-02-30' }, '/from'],
    [{ from: '10-03-2025' }, '/from'],
    [{ from: '2025-03-10T08:00' }, '/from'],
    [{ from: '2025-03-10', to: '2025-03-09' }, '/to'],
    [{ from: '2010-01-01', to: '2025-01-01' }, '/from'],
  ])('refuses %j at %s', (query, path) => {
    let error: unknown;
    try {
      parsePeriod(query, WITA, new Date('2025-06-01T00:00:00Z'));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).path).toBe(path);
  });

  it('a year is local 1 January to local 1 January', () => {
    const year = yearPeriod(2025, 420);
    expect([year.from.toISOString(), year.to.toISOString()]).toEqual([
      '2024-12-31T17:00:00.000Z',
      '2025-12-31T17:00:00.000Z',
    ]);
  });

  it('prints local date and time', () => {
    expect(localDateTime('2025-03-10T01:05:00Z', 420)).toBe('2025-03-10 08:05');
    expect(localDateTime(null, 420)).toBe('');
  });
});
