import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime } from '../../ui-shared/format/dateTime.ts';

describe('date formatting shared by both browser apps', () => {
  it('shows a deadline in the regency time zone with its name (WITA for Kutai Kartanegara)', () => {
    const text = formatDateTime('2025-03-03T01:00:00Z', 'id', 'Asia/Makassar');
    expect(text).toContain('09.00');
    expect(text).toMatch(/WITA|GMT\+8/);
    expect(formatDateTime('2025-03-03T01:00:00Z', 'en', 'Asia/Jakarta')).toMatch(/08:00/);
  });

  it('reads a calendar date as that day, and shows a dash for nothing', () => {
    expect(formatDate('2025-08-17', 'id')).toBe('17 Agustus 2025');
    expect(formatDateTime(null, 'id')).toBe('–');
  });
});
