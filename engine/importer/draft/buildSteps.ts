import type { DocumentType, RawActor, RawActorRef, RawRegency, RawStep } from '../../definition/sopTypes.ts';
import { parseDuration } from '../../time/parseDuration.ts';
import type { StepRowReading } from '../parse/parsedSop.ts';
import type { ImportWarning } from './importWarning.ts';
import { inferActorLane } from './inferActor.ts';
import { provenanceOf } from './provenanceOf.ts';
import { readMarks, type RowMarks } from './readMarks.ts';
import { requirementOf } from './buildRequirement.ts';
import { timeBySense } from './timeBySense.ts';
import { uniqueSlug } from './slug.ts';

/** The steps of a draft and the SOP-specific documents they need. */
export interface StepsDraft {
  steps: RawStep[];
  documents: DocumentType[];
  warnings: ImportWarning[];
}

interface RowPlan {
  row: StepRowReading;
  id: string;
  marks: RowMarks;
  lane?: number;
  inferred: string[];
  notes: string[];
  /** Lanes any of which may do the step ("Staf Dayasos …" when the table has a lane per staff post). */
  group?: number[];
}

function actorRef(lanes: readonly number[], actors: readonly RawActor[]): RawActorRef {
  const ids = [...new Set(lanes.map((l) => actors[l]?.id).filter((id): id is string => id !== undefined))];
  if (ids.length === 1) return ids[0] as string;
  return { together: ids };
}

/** The step a branch towards `lane` goes to: the lane's next step after `from`, or (backwards) its last one before. */
function stepOfLane(plans: readonly RowPlan[], from: number, lane: number, backwards: boolean): string | undefined {
  if (backwards) {
    for (let i = from - 1; i >= 0; i -= 1) if (plans[i]?.lane === lane) return plans[i]?.id;
    return undefined;
  }
  for (let i = from + 1; i < plans.length; i += 1) if (plans[i]?.lane === lane) return plans[i]?.id;
  return undefined;
}

/**
 * "Staf Dayasos menindaklanjuti …" when no lane is called "Staf": the lanes of that unit's staff posts, any of
 * whom may do it (empty when the activity does not start so, or a lane is named for the staff).
 */
function unitStaffLanes(
  activity: string,
  lanes: readonly string[],
  actors: readonly RawActor[],
  regency: RawRegency,
): number[] {
  if (lanes.some((l) => /\bstaf/i.test(l))) return [];
  const match = /^staf+\s+(?:bidang\s+)?([a-z]+)/i.exec(activity.trim());
  const word = match?.[1]?.toLowerCase();
  if (word === undefined) return [];
  const unit = regency.units.find((u) => u.id === word || u.short?.toLowerCase() === word);
  if (!unit) return [];
  return actors.flatMap((actor, index) => {
    const role = regency.roles.find((r) => r.id === actor.role);
    return role?.unit === unit.id && role.kind === 'staff' ? [index] : [];
  });
}

const DECREES = /^(?:penetapan|menetapkan|pengesahan|mengesahkan)\b/i;

/**
 * The lane of an activity that names no one: a decree ("Penetapan …") is the head of office's; other work
 * ("Melakukan pengkajian …", "Penyaluran …") is the staff's, the first lane whose role is a staff post.
 */
function unnamedActorLane(activity: string, actors: readonly RawActor[], regency?: RawRegency): number | undefined {
  const kindOf = (actor: RawActor): string | undefined => regency?.roles.find((r) => r.id === actor.role)?.kind;
  if (DECREES.test(activity.trim())) {
    const head = actors.findIndex((a) => kindOf(a) === 'kadis');
    if (head >= 0) return head;
  }
  // Prefer the unit's own staff post ("Staf Bidang …") over field workers such as TKSK.
  const rank = (actor: RawActor): number =>
    kindOf(actor) !== 'staff' ? 0 : actor.role?.startsWith('staf') === true ? 2 : 1;
  let best: number | undefined;
  actors.forEach((actor, index) => {
    if (rank(actor) > 0 && (best === undefined || rank(actor) > rank(actors[best] as RawActor))) best = index;
  });
  return best;
}

function camelFact(id: string): string {
  return `${id.replace(/-([a-z0-9])/g, (_m, c: string) => c.toUpperCase()).slice(0, 40)}Ya`;
}

/**
 * The steps of a printed step table. The actor comes from the lane marks; when the marks are lost (text pasted
 * from the document) it is read from the activity's words and marked inferred. A row with "Tidak" becomes a
 * decision: "Ya" goes on (to the lane printed "Ya" when there is one), "Tidak" goes back to the step of the lane
 * printed "Tidak" (or on to it, or ends the case as rejected) — targets the document does not print, so marked.
 */
export function buildSteps(
  rows: readonly StepRowReading[],
  lanes: readonly string[],
  actors: readonly RawActor[],
  regency: RawRegency,
): StepsDraft {
  const taken = new Set<string>();
  const docIds = new Set<string>(regency.documentTypes?.map((d) => d.id) ?? []);
  const documents: DocumentType[] = [];
  const warnings: ImportWarning[] = [];
  let previousLane: number | undefined;
  const plans: RowPlan[] = rows.map((row) => {
    const marks = readMarks(row.laneMarks);
    const plan: RowPlan = {
      row,
      id: uniqueSlug(row.activity || `langkah ${row.no}`, taken, 40),
      marks,
      inferred: [...(row.inferred ?? [])],
      notes: [],
    };
    const staffGroup = marks.actors.length > 0 ? [] : unitStaffLanes(row.activity, lanes, actors, regency);
    if (marks.actors.length > 0) plan.lane = marks.actors[0];
    else if (staffGroup.length > 0) {
      plan.lane = staffGroup[0];
      plan.group = staffGroup;
      plan.inferred.push('actor');
    } else {
      plan.lane = inferActorLane(row.activity, lanes);
      plan.inferred.push('actor');
      if (plan.lane === undefined) {
        plan.lane = unnamedActorLane(row.activity, actors, regency) ?? previousLane ?? 0;
        plan.notes.push('Uraian tidak menyebut pelaksana; ditafsirkan dari jenis kegiatannya.');
        warnings.push({
          code: 'ACTOR_NOT_FOUND',
          message: `Langkah ${row.no} (halaman ${row.at.page}, baris ${row.at.line}) tidak menyebut pelaksananya; pelaksana ditafsirkan dari jenis kegiatannya. Periksa.`,
          messageEn: `Step ${row.no} (page ${row.at.page}, line ${row.at.line}) does not name who does it; the actor was inferred from the kind of work. Check it.`,
          page: row.at.page,
          line: row.at.line,
        });
      }
    }
    previousLane = plan.lane;
    return plan;
  });
  const steps = plans.map((plan, index): RawStep => {
    const { row, marks } = plan;
    const actor =
      plan.group && plan.group.length > 1
        ? { anyOf: plan.group.map((l) => actors[l]?.id ?? '') }
        : actorRef(marks.actors.length > 0 ? marks.actors : [plan.lane ?? 0], actors);
    const step: RawStep = { id: plan.id, activity: row.activity, actor };
    if (row.requirements.trim() !== '')
      step.requirements = [requirementOf(row.requirements, regency, documents, docIds)];
    const printed = row.time.replace(/\s+/g, ' ').trim();
    const mended = timeBySense(printed);
    if (mended !== undefined) {
      plan.inferred.push('time');
      plan.notes.push(`Waktu terbaca "${printed}"; dibaca sebagai "${mended}".`);
    }
    const time = mended ?? printed;
    const parsed = parseDuration(time);
    if (parsed.kind === 'duration' || (parsed.kind === 'none' && time !== '')) step.time = time;
    else if (parsed.kind !== 'none') {
      plan.inferred.push('time');
      plan.notes.push(`Waktu tercetak "${time}" belum dapat dihitung; disimpan di keterangan.`);
      warnings.push({
        code: 'TIME_KEPT_IN_NOTES',
        message: `Waktu "${time}" pada langkah ${row.no} (halaman ${row.at.page}, baris ${row.at.line}) tidak dapat dibaca sebagai lama waktu; disimpan di keterangan. Tulis ulang, misalnya "2 hari kerja".`,
        messageEn: `Time "${time}" of step ${row.no} (page ${row.at.page}, line ${row.at.line}) is not a duration; it was kept in the notes. Rewrite it, e.g. "2 hari kerja".`,
        page: row.at.page,
        line: row.at.line,
      });
    }
    if (row.output.trim() !== '') step.output = row.output.trim();
    const notes = [row.notes.trim(), parsed.kind === 'invalid' || parsed.kind === 'partial' ? `Waktu: ${time}` : '']
      .filter((n) => n !== '')
      .join(' ');
    if (notes !== '') step.notes = notes;
    if (marks.no !== undefined) {
      const next = plans[index + 1]?.id ?? 'selesai';
      const yes = marks.yes !== undefined ? (stepOfLane(plans, index, marks.yes, false) ?? next) : next;
      const no = stepOfLane(plans, index, marks.no, true) ?? stepOfLane(plans, index, marks.no, false) ?? 'ditolak';
      const fact = camelFact(plan.id);
      step.form = {
        title: `Keputusan langkah ${row.no}`,
        schema: { type: 'object', required: [fact], properties: { [fact]: { type: 'boolean', title: 'Ya' } } },
      };
      step.decision = {
        question: `${row.activity.replace(/[.\s]+$/, '')}?`,
        branches: [
          { label: 'Ya', when: { fact, operator: 'equal', value: true, label: 'Ya' }, goto: yes },
          { label: 'Tidak', otherwise: true, goto: no },
        ],
      };
      plan.inferred.push('decision');
      plan.notes.push('Tujuan cabang Ya/Tidak tidak tercetak; ditafsirkan dari lajur tanda Ya/Tidak.');
    } else if (marks.yes !== undefined) {
      plan.notes.push(`Tanda "Ya" tercetak di lajur ${lanes[marks.yes] ?? ''} tanpa "Tidak".`);
    }
    step.provenance = provenanceOf(row.at, plan.inferred, plan.notes.length > 0 ? plan.notes.join(' ') : undefined);
    return step;
  });
  return { steps, documents, warnings };
}
