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
  /** "N x 24 jam": always N × 24 calendar hours, whatever the step's clock. */
  roundTheClock?: boolean;
}

/** Result of parsing: a duration, "no time given" (N/A, -), or a failure. */
export type ParsedTime =
  | { kind: 'duration'; duration: Duration }
  | { kind: 'none'; text: string }
  | { kind: 'invalid'; text: string }
  /** Read only in part: `part` (from `column`, 1-based in the text) is a second time the parser will not guess at. */
  | { kind: 'partial'; text: string; part: string; column: number };

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
const ANOTHER_TIME = new RegExp(`\\d+(?:[.,]\\d+)?\\s*(?:${unitPattern})\\b`, 'i');
// Words allowed inside "(…)" after a number: number words ("4 (empat)") and unit words ("3 (hari)").
const NUMBER_WORDS =
  /^(?:nol|satu|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan|sepuluh|sebelas|belas|puluh|seratus|ratus|hari|kerja|jam|menit|bulan|minggu|tahun|kalender|\s)+$/i;

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
  // Number words in parentheses ("4 (empat)") and stray dashes are noise for the parser; other remarks in
  // parentheses ("(sesuai jadwal)") are kept in the note, never dropped silently. Same length keeps columns.
  let work = text
    .replace(/\(([^)]*)\)/g, (whole, inner: string) =>
      NUMBER_WORDS.test(inner) ? ' '.repeat(whole.length) : ` ${inner} `,
    )
    .replace(/[–—]/g, '-');
  const roundTheClock = TIMES_24.test(work);
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
  // A second quantity ("30 menit / 1 hari") is a different time: refuse it rather than keep only the first.
  const second = ANOTHER_TIME.exec(rest) ?? ANOTHER_TIME.exec(before);
  if (second) {
    const part = second[0].trim();
    const at = text.indexOf(part, second.input === rest ? match.index : 0);
    return { kind: 'partial', text, part, column: (at >= 0 ? at : text.lastIndexOf(part)) + 1 };
  }
  const note = cleanNote(`${before} ${rest}`);
  const duration: Duration = { text, min, max, unit, perPerson };
  if (roundTheClock) duration.roundTheClock = true;
  if (after !== undefined) duration.after = after;
  if (note !== undefined) duration.note = note;
  return { kind: 'duration', duration };
}
