import { describe, expect, it } from 'vitest';
import { niceMax, shorten, ticks } from '../../ui-shared/components/charts/chartScale.ts';

describe('chart scales', () => {
  it('rounds the axis end up to 1, 2, 2.5 or 5 times a power of ten', () => {
    expect([niceMax(0), niceMax(1), niceMax(3), niceMax(7), niceMax(21), niceMax(240), niceMax(0.3)]).toEqual([
      1, 1, 5, 10, 25, 250, 0.5,
    ]);
  });

  it('spaces ticks evenly from zero to the end without float noise', () => {
    expect(ticks(250)).toEqual([0, 50, 100, 150, 200, 250]);
    expect(ticks(1)).toEqual([0, 0.25, 0.5, 0.75, 1]);
    expect(ticks(2.5)).toEqual([0, 0.5, 1, 1.5, 2, 2.5]);
  });

  it('gives counts whole-number axes and ticks', () => {
    expect([niceMax(1, true), niceMax(3, true), niceMax(21, true), niceMax(240, true)]).toEqual([1, 5, 25, 250]);
    expect(ticks(1, true)).toEqual([0, 1]);
    expect(ticks(5, true)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(ticks(20, true)).toEqual([0, 5, 10, 15, 20]);
    expect(ticks(10, true)).toEqual([0, 2, 4, 6, 8, 10]);
  });

  it('shortens long labels with an ellipsis', () => {
    expect(shorten('Verifikasi berkas', 38)).toBe('Verifikasi berkas');
    expect(shorten('Kepala Dinas Sosial menugaskan Bidang Rehsos untuk asesmen', 20)).toBe('Kepala Dinas Sosial…');
  });
});
