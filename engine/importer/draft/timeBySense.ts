/**
 * Reads a Waktu cell that OCR garbled the usual ways: the digit 1 taken for the letters l or I ("l hari kerja",
 * "Iharikerja"), and narrow spaces dropped ("1harikerja", "ljam/ orang"). Only these slips are undone, and only
 * when the text as read is no duration while the mended text is one; the caller marks the time inferred.
 */
import { parseDuration } from '../../time/parseDuration.ts';

const UNIT = '(?:hari|jam|menit|minggu|pekan|bulan|tahun)';
/** A lone l, I, | or ! where a number belongs: before a unit or a range dash. */
const ONE_LOOKALIKE = new RegExp(`(^|[\\s(])[lI|!](?=\\s*${UNIT}|\\s*[-–]\\s*\\d)`, 'g');
/** A number run into the word after it ("1hari"). */
const NUMBER_GLUED = /(\d)(?=\p{L})/gu;
/** "harikerja", "harikalender": the unit's two words run together. */
const UNIT_GLUED = /\b(hari|jam)(kerja|kalender)\b/gi;

/** The mended time when `time` is no duration as read but is one once OCR's slips are undone; else undefined. */
export function timeBySense(time: string): string | undefined {
  if (parseDuration(time).kind !== 'invalid') return undefined;
  const mended = time
    .replace(ONE_LOOKALIKE, '$11')
    .replace(NUMBER_GLUED, '$1 ')
    .replace(UNIT_GLUED, '$1 $2')
    .replace(/\s+/g, ' ')
    .trim();
  return mended !== time && parseDuration(mended).kind === 'duration' ? mended : undefined;
}
