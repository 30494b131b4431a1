import { canonicalUnitText } from './durationUnits.ts';
import type { Duration } from './parseDuration.ts';

/** Writes a duration back in canonical Indonesian ("3-4 hari kerja / orang"); parseDuration reads it back unchanged. */
export function formatDuration(duration: Omit<Duration, 'text'>): string {
  const amount = duration.min === duration.max ? `${duration.min}` : `${duration.min}-${duration.max}`;
  let out = `${amount} ${canonicalUnitText(duration.unit)}`;
  if (duration.perPerson) out += ' / orang';
  if (duration.after !== undefined) out += ` setelah ${duration.after}`;
  if (duration.note !== undefined) out += `, ${duration.note}`;
  return out;
}
