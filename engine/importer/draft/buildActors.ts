import type { RawActor, RawRegency } from '../../definition/sopTypes.ts';
import type { Located } from '../parse/parsedSop.ts';
import type { ImportWarning } from './importWarning.ts';
import { matchLaneRole } from './matchLaneRoles.ts';
import { uniqueSlug } from './slug.ts';

/** The actors of a draft, one per lane, in lane order. */
export interface ActorsDraft {
  actors: RawActor[];
  warnings: ImportWarning[];
}

/**
 * One actor per lane: a lane whose name fits a regency role gets that role; any other lane is an outside party
 * recorded by the first staff lane (or the regency's first staff role), and the drafter is told so.
 */
export function buildActors(lanes: ReadonlyArray<Located<string>>, regency: RawRegency, unit?: string): ActorsDraft {
  const taken = new Set<string>();
  const matches = lanes.map((lane) => matchLaneRole(lane.value, regency, unit));
  const recorder =
    matches.find((m) => m.role !== undefined)?.role ??
    regency.roles.find((r) => r.kind === 'staff')?.id ??
    regency.roles[0]?.id ??
    'admin';
  const warnings: ImportWarning[] = [];
  const actors = matches.map((match, index): RawActor => {
    const lane = lanes[index] as Located<string>;
    const name = (match.repaired ?? lane.value).replace(/\s+/g, ' ').trim();
    if (match.role !== undefined) return { id: uniqueSlug(match.role, taken, 40), name, role: match.role };
    if (!match.outside)
      warnings.push({
        code: 'LANE_NOT_MATCHED',
        message: `Lajur "${name}" (halaman ${lane.at.page}, baris ${lane.at.line}) tidak cocok dengan peran mana pun di pengaturan kabupaten; dijadikan pihak luar yang dicatat oleh ${recorder}. Pilih perannya.`,
        messageEn: `Lane "${name}" (page ${lane.at.page}, line ${lane.at.line}) fits no role of the regency; it was made an outside party recorded by ${recorder}. Choose its role.`,
        page: lane.at.page,
        line: lane.at.line,
      });
    return { id: uniqueSlug(name, taken, 40), name, external: true, recordedBy: recorder };
  });
  return { actors, warnings };
}
