import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, setDisplayTimeZone } from '../../ui-shared/format/dateTime.ts';

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

describe('dates in the regency zone whatever the browser zone (issue 17 item 8)', () => {
  it('labels the three Indonesian zones WIB, WITA and WIT', () => {
    expect(formatDateTime('2025-12-06T16:30:00Z', 'id', 'Asia/Makassar')).toMatch(/7 Des 2025.*00[.:]30 WITA$/);
    expect(formatDateTime('2025-12-06T16:30:00Z', 'id', 'Asia/Jakarta')).toMatch(/6 Des 2025.*23[.:]30 WIB$/);
    expect(formatDateTime('2025-12-06T16:30:00Z', 'id', 'Asia/Jayapura')).toMatch(/WIT$/);
  });

  it('one SK issued at 00:45 WITA reads 7 Desember for every viewer once the regency zone is set', () => {
    setDisplayTimeZone('Asia/Makassar');
    try {
      expect(formatDate('2025-12-06T16:45:00Z', 'id')).toBe('7 Desember 2025');
      expect(formatDateTime('2025-12-06T16:45:00Z', 'id')).toMatch(/WITA$/);
      // A calendar date stays that day in any zone.
      expect(formatDate('2025-08-17', 'id')).toBe('17 Agustus 2025');
    } finally {
      setDisplayTimeZone(undefined);
    }
  });
});
