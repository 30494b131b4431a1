import { durationUnits, type DurationUnit } from './durationUnits.ts';

/** A normalised Baku Mutu Waktu: keeps the drafter's text and what Alur computes with. */
export interface Duration {
  text: string;
  min: number;
  max: number;
  unit: DurationUnit;
  /** "5 menit / orang": the time applies to each person served. */
  perPerson: boolean;
  /** "2 hari setelah asesmen": the event the time counts from. */
  after?: string;
  /** Remaining qualifier, e.g. "sejak berkas permohonan diterima secara lengkap dan benar". */
  note?: string;
}

/** Result of parsing: a duration, "no time given" (N/A, -), or a failure. */
export type ParsedTime =
  { kind: 'duration'; duration: Duration } | { kind: 'none'; text: string } | { kind: 'invalid'; text: string };

const NONE_TEXTS = new Set(['', '-', '–', 'n/a', 'na', 'n.a.', 'tidak ada', '0']);
const unitPattern = durationUnits
  .flatMap((u) => u.spellings)
  .map((s) => s.replace(/ /g, '\\s+'))
  .join('|');
const RANGE = '\\s*(?:-|s\\/d|s\\.d\\.?|sampai dengan|sampai|hingga)\\s*';
const MAIN = new RegExp(`(\\d+(?:[.,]\\d+)?)(?:${RANGE}(\\d+(?:[.,]\\d+)?))?\\s*(${unitPattern})\\b`, 'i');
const ALTERNATIVE = new RegExp(`^\\s*\\/\\s*(\\d+(?:[.,]\\d+)?)\\s*(${unitPattern})\\b`, 'i');
const PER_PERSON = /^\s*(?:\/|per)\s*(orang|penerima|pemohon|berkas)\b/i;
const AFTER = /^\s*setelah\s+([^,.;]+)/i;
const TIMES_24 = /(\d+)\s*x\s*24\s*jam/i;

function toNumber(text: string): number {
  return Number(text.replace(',', '.'));
}

function unitOf(spelling: string): DurationUnit {
  const normal = spelling.toLowerCase().replace(/\s+/g, ' ');
  const spec = durationUnits.find((u) => u.spellings.includes(normal));
  return spec ? spec.unit : 'workingDays';
}

function cleanNote(text: string): string | undefined {
  const note = text.replace(/^[\s,.;:]+|[\s,.;:]+$/g, '').replace(/\s+/g, ' ');
  return note.length > 0 ? note : undefined;
}

/**
 * Parses a time as drafters write it ("5 menit", "1 (satu) sampai dengan 2 (dua) hari kerja",
 * "3 bulan/6 bulan", "N/A"). Ranges keep both bounds; deadlines use the upper one.
 */
export function parseDuration(input: string): ParsedTime {
  const text = input.trim();
  if (NONE_TEXTS.has(text.toLowerCase())) return { kind: 'none', text };
  // Number words in parentheses ("4 (empat)") and stray dashes are noise for the parser.
  let work = text.replace(/\([^)]*\)/g, ' ').replace(/[–—]/g, '-');
  work = work.replace(TIMES_24, (_m, n: string) => `${Number(n) * 24} jam`);
  const match = MAIN.exec(work);
  if (!match || match[1] === undefined || match[3] === undefined) return { kind: 'invalid', text };
  const min = toNumber(match[1]);
  let max = match[2] !== undefined ? toNumber(match[2]) : min;
  const unit = unitOf(match[3]);
  let rest = work.slice(match.index + match[0].length);
  const alternative = ALTERNATIVE.exec(rest);
  if (alternative?.[1] !== undefined && alternative[2] !== undefined && unitOf(alternative[2]) === unit) {
    max = Math.max(max, toNumber(alternative[1]));
    rest = rest.slice(alternative[0].length);
  }
  if (!(min > 0) || max < min) return { kind: 'invalid', text };
  let perPerson = false;
  const per = PER_PERSON.exec(rest);
  if (per) {
    perPerson = true;
    rest = rest.slice(per[0].length);
  }
  let after: string | undefined;
  const afterMatch = AFTER.exec(rest);
  if (afterMatch?.[1] !== undefined) {
    after = afterMatch[1].trim().toLowerCase();
    rest = rest.slice(afterMatch[0].length);
  }
  const before = work.slice(0, match.index);
  const note = cleanNote(`${before} ${rest}`);
  const duration: Duration = { text, min, max, unit, perPerson };
  if (after !== undefined) duration.after = after;
  if (note !== undefined) duration.note = note;
  return { kind: 'duration', duration };
}
