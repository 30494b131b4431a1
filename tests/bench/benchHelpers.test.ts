import { describe, expect, it } from 'vitest';
import { latencySummary, median, medianOfRuns, percentile, round } from '../../bench/lib/stats.ts';

describe('bench statistics helpers', () => {
  it('median of odd, even and empty lists, without reordering the input', () => {
    const input = [5, 1, 3];
    expect(median(input)).toBe(3);
    expect(input).toEqual([5, 1, 3]);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNaN();
  });

  it('percentile interpolates between closest ranks', () => {
    const values = Array.from({ length: 101 }, (_, i) => i);
    expect(percentile(values, 0)).toBe(0);
    expect(percentile(values, 50)).toBe(50);
    expect(percentile(values, 99)).toBe(99);
    expect(percentile([10, 20], 50)).toBe(15);
    expect(percentile([7], 99)).toBe(7);
    expect(percentile([], 50)).toBeNaN();
    expect(() => percentile([1], 101)).toThrow(RangeError);
  });

  it('latency summary and rounding', () => {
    expect(latencySummary([1, 2, 3, 4])).toEqual({ p50: 2.5, p99: expect.closeTo(3.97, 5) as number, n: 4 });
    expect(round(1234.56)).toBe(1235);
    expect(round(12.3456)).toBe(12.3);
    expect(round(0.012345)).toBe(0.0123);
  });

  it('median of runs per key', () => {
    expect(medianOfRuns([{ a: 1, b: 10 }, { a: 3, b: 30 }, { a: 2 }])).toEqual({ a: 2, b: 20 });
  });
});
