import { formatDuration } from '../../../engine/time/formatDuration.ts';
import { parseDuration } from '../../../engine/time/parseDuration.ts';

/** How Alur reads a Waktu cell, shown beside it: "= 1 hari kerja", or why it cannot be read. */
export type TimeReading = { ok: true; text: string } | { ok: false; text: string };

/** Reads a Waktu cell with the engine's own parser, so the reading shown is the one deadlines use. */
export function timeReading(input: string): TimeReading {
  if (input.trim() === '') return { ok: true, text: 'tanpa baku mutu waktu' };
  const parsed = parseDuration(input);
  if (parsed.kind === 'none') return { ok: true, text: 'tanpa baku mutu waktu' };
  if (parsed.kind === 'invalid')
    return { ok: false, text: 'belum terbaca: tulis misalnya "1 hari kerja" atau "15 menit"' };
  if (parsed.kind === 'partial') return { ok: false, text: `dua waktu dalam satu sel ("${parsed.part}"): pilih satu` };
  const { text: _text, ...duration } = parsed.duration;
  return { ok: true, text: `= ${formatDuration(duration)}` };
}
