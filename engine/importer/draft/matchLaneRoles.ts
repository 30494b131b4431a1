import type { RawRegency } from '../../definition/sopTypes.ts';
import { GENERIC_WORDS, nameTokens, sameWord } from './nameTokens.ts';

/** How a lane of the table was matched to the regency's roles. */
export interface LaneMatch {
  lane: string;
  /** The role whose name or id fits the lane; undefined when none fits (the lane becomes an outside party). */
  role?: string;
  /** True when the lane names someone outside the office (applicant, village, BPJS, a bank). */
  outside: boolean;
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

/**
 * Matches a lane name to the regency's roles: the share of the lane's words found in a role's name or id (one
 * typo allowed), at least half of them and at least one telling word (not only "Kepala"/"Staf"); a tie between
 * roles leaves the lane unmatched rather than guessing.
 */
export function matchLaneRole(lane: string, regency: RawRegency, unit?: string): LaneMatch {
  const words = nameTokens(lane);
  const outside = words.some((w) => OUTSIDE_WORDS.has(w));
  let best: { role: string; score: number; extra: number } | undefined;
  let tie = false;
  for (const role of regency.roles) {
    const tokens = roleTokens(role);
    const found = words.filter((w) => tokens.some((t) => sameWord(w, t)));
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
  if (!best || tie || (outside && best.score < 1)) return { lane, outside: true };
  return { lane, role: best.role, outside: false };
}
