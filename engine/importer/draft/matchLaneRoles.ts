import type { RawRegency } from '../../definition/sopTypes.ts';
import { GENERIC_WORDS, nameTokens, sameWord } from './nameTokens.ts';

/** How a lane of the table was matched to the regency's roles. */
export interface LaneMatch {
  lane: string;
  /** The role whose name or id fits the lane; undefined when none fits (the lane becomes an outside party). */
  role?: string;
  /** True when the lane names someone outside the office (applicant, village, BPJS, a bank). */
  outside: boolean;
  /** The lane's name with words a scan split apart joined again ("MASYARAKA T" → "MASYARAKAT"), when any were. */
  repaired?: string;
}

const OUTSIDE_WORDS = new Set([
  'pemohon',
  'masyarakat',
  'pelapor',
  'desa',
  'kelurahan',
  'kecamatan',
  'bpjs',
  'bank',
  'penyalur',
  'puskesmas',
  'lembaga',
  'kpm',
  'penerima',
]);

function roleTokens(role: { id: string; name: string }): string[] {
  return [...new Set([...nameTokens(role.name), ...nameTokens(role.id.replace(/-/g, ' '))])];
}

/** Every word the lanes of this regency can be expected to use: its roles' names and ids, and outside parties. */
function knownWords(regency: RawRegency): string[] {
  return [...new Set([...regency.roles.flatMap(roleTokens), ...OUTSIDE_WORDS])];
}

const lettersOf = (word: string): string => word.toLowerCase().replace(/[^a-z0-9]/g, '');

/**
 * Joins two neighbouring words of a lane name that OCR split inside one word the regency uses ("MASYARAKA T",
 * "Linjam Sos", "PKBPT MP"); two words that are each known stay apart. Typo-tolerant like the matching itself.
 */
export function joinSplitWords(lane: string, known: readonly string[]): string {
  const parts = lane.trim().split(/\s+/);
  const out: string[] = [];
  for (let i = 0; i < parts.length; i += 1) {
    const [a, b] = [lettersOf(parts[i] ?? ''), lettersOf(parts[i + 1] ?? '')];
    const joined = a + b;
    const split = a !== '' && b !== '' && !(known.includes(a) && known.includes(b));
    if (split && known.some((word) => word.length >= 5 && sameWord(joined, word))) {
      out.push(`${parts[i]}${parts[i + 1]}`);
      i += 1;
    } else out.push(parts[i] ?? '');
  }
  return out.join(' ');
}

/** Whether a lane word is two neighbouring role words run together ("JFJP" for "JF/JP", "PetugasLoker"). */
function isJoinedPair(word: string, tokens: readonly string[]): boolean {
  return tokens.some((token, i) => i + 1 < tokens.length && sameWord(word, token + tokens[i + 1]!));
}

/**
 * Matches a lane name to the regency's roles: the share of the lane's words found in a role's name or id (one
 * typo allowed), at least half of them and at least one telling word (not only "Kepala"/"Staf"); a tie between
 * roles leaves the lane unmatched rather than guessing.
 */
export function matchLaneRole(lane: string, regency: RawRegency, unit?: string): LaneMatch {
  const repaired = joinSplitWords(lane, knownWords(regency));
  const words = nameTokens(repaired);
  const outside = words.some((w) => OUTSIDE_WORDS.has(w));
  let best: { role: string; score: number; extra: number } | undefined;
  let tie = false;
  for (const role of regency.roles) {
    const tokens = roleTokens(role);
    const found = words.filter((w) => tokens.some((t) => sameWord(w, t)) || isJoinedPair(w, tokens));
    const telling = found.some((w) => !GENERIC_WORDS.has(w));
    const score = words.length > 0 ? found.length / words.length : 0;
    // A lane named only by its kind of post ("Petugas", "Kabid") fits only an office-wide role or one of the SOP's unit.
    if (score < 0.5 || (!telling && (score < 1 || (role.unit !== undefined && role.unit !== unit)))) continue;
    const extra = tokens.length - found.length;
    if (!best || score > best.score || (score === best.score && extra < best.extra)) {
      tie = best !== undefined && score === best.score && extra === best.extra;
      best = { role: role.id, score, extra };
    } else if (score === best.score && extra === best.extra) tie = true;
  }
  const fixed = repaired === lane.trim().replace(/\s+/g, ' ') ? {} : { repaired };
  if (!best || tie || (outside && best.score < 1)) return { lane, outside: true, ...fixed };
  return { lane, role: best.role, outside: false, ...fixed };
}
