/**
 * A "nice" axis end at or above `max` (1, 2, 2.5 or 5 × a power of ten), so gridlines fall on round
 * numbers; for counts, never a fraction.
 */
export function niceMax(max: number, integer = false): number {
  if (!Number.isFinite(max) || max <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(max));
  const steps = integer && power < 10 ? [1, 2, 5, 10] : [1, 2, 2.5, 5, 10];
  const step = steps.find((m) => m * power >= max)!;
  return step * power;
}

/** Evenly spaced tick values from 0 to `end` (inclusive); counts get whole-number ticks. */
export function ticks(end: number, integer = false): number[] {
  const lead = Number((end / 10 ** Math.floor(Math.log10(end))).toPrecision(12));
  const count = integer ? (end <= 5 ? end : lead === 2 ? 4 : 5) : lead === 2.5 || lead === 5 ? 5 : 4;
  return Array.from({ length: count + 1 }, (_, i) => Number(((end * i) / count).toPrecision(12)));
}

/** Shortens a label for an axis, keeping the full text for the tooltip and table. */
export function shorten(label: string, max = 40): string {
  return label.length <= max ? label : `${label.slice(0, max - 1).trimEnd()}…`;
}
