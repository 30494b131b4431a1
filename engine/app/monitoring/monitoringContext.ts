import type { Knex } from 'knex';
import { durationBudget } from '../../calendar/computeDeadline.ts';
import type { ClockKind } from '../../definition/sopTypes.ts';
import { buildWorkingCalendar, type WorkingCalendar } from '../../calendar/workingCalendar.ts';
import type { RawRegency, SopDefinition, Step } from '../../definition/sopTypes.ts';
import type { Duration } from '../../time/parseDuration.ts';
import { getRegency } from '../../storage/definitionRepository.ts';
import { AppError } from '../appErrors.ts';
import { latestSopDefinitionRows } from '../../storage/monitoring/latestSopDefinitionRows.ts';

/** The latest published version of one SOP, for labels and standards. */
export interface SopInfo {
  id: string;
  name: string;
  version: number;
  definition: SopDefinition;
}

/** What the figures need besides the events: the regency (units, roles, calendar) and its SOPs. */
export interface MonitoringContext {
  regency: RawRegency;
  calendar: WorkingCalendar;
  sops: Map<string, SopInfo>;
}

/** A Baku Mutu Waktu in one unit: office minutes (working time) or calendar minutes; months stay months. */
export interface StandardTime {
  text: string;
  clock: 'office' | 'calendar' | 'months';
  minutes: number | null;
  months: number | null;
}

/** Loads the regency and the latest published version of each of its SOPs (older versions' steps fall back to ids). */
export async function loadMonitoringContext(db: Knex, regencyId: string): Promise<MonitoringContext> {
  const regency = await getRegency(db, regencyId);
  if (!regency) throw new AppError('NOT_FOUND', 'Kabupaten tidak ditemukan.');
  const rows = await latestSopDefinitionRows(db, regencyId);
  const sops = new Map(
    rows.map((r) => [
      r.sop_id,
      { id: r.sop_id, name: r.definition.name, version: r.version, definition: r.definition },
    ]),
  );
  return { regency, calendar: buildWorkingCalendar(regency.calendar, regency.id), sops };
}

/** Throws 404 unless the SOP is published in the regency (so a typo never yields an empty dashboard). */
export function requireSop(context: MonitoringContext, sopId: string): SopInfo {
  const sop = context.sops.get(sopId);
  if (!sop) throw new AppError('NOT_FOUND', `Layanan "${sopId}" tidak ditemukan di kabupaten ini.`, '/sopId');
  return sop;
}

/** A step of the latest version, if it still exists. */
export function findStep(context: MonitoringContext, sopId: string, stepId: string): Step | undefined {
  return context.sops.get(sopId)?.definition.steps.find((s) => s.id === stepId);
}

/** Display name of an SOP (its id when unknown). */
export function sopName(context: MonitoringContext, sopId: string): string {
  return context.sops.get(sopId)?.name ?? sopId;
}

/** The activity text of a step (its id when the step no longer exists). */
export function stepActivity(context: MonitoringContext, sopId: string, stepId: string | null): string {
  if (stepId === null) return '';
  return findStep(context, sopId, stepId)?.activity ?? stepId;
}

/** Position of a step in its SOP's table (for ordering charts as the flow goes); unknown steps last. */
export function stepIndex(context: MonitoringContext, sopId: string, stepId: string | null): number {
  const step = stepId === null ? undefined : findStep(context, sopId, stepId);
  return step ? step.index : Number.MAX_SAFE_INTEGER;
}

/** A staff role's name and unit (from regency.yaml). */
export function roleInfo(
  context: MonitoringContext,
  roleId: string,
): { roleName: string; unitId: string | null; unitName: string | null } {
  const role = context.regency.roles.find((r) => r.id === roleId);
  const unit = role?.unit !== undefined ? context.regency.units.find((u) => u.id === role.unit) : undefined;
  return { roleName: role?.name ?? roleId, unitId: unit?.id ?? null, unitName: unit?.name ?? null };
}

/** Label of a document type as the SOP or the regency names it. */
export function documentLabel(context: MonitoringContext, sopId: string, docId: string): string {
  const definition = context.sops.get(sopId)?.definition;
  for (const step of definition?.steps ?? []) {
    const found = step.requirements.find((r) => r.doc === docId);
    if (found) return found.label;
  }
  return (
    definition?.documents?.find((d) => d.id === docId)?.label ??
    context.regency.documentTypes?.find((d) => d.id === docId)?.label ??
    docId
  );
}

/** Converts a definition's Duration into one unit with the calendar's working-day length (one person served). */
export function standardTime(
  calendar: WorkingCalendar,
  duration: Duration | undefined,
  clock: ClockKind = 'office',
): StandardTime | null {
  if (!duration) return null;
  const budget = durationBudget(calendar, duration, 1, clock);
  if (budget.kind === 'office') return { text: duration.text, clock: 'office', minutes: budget.minutes, months: null };
  if (budget.kind === 'calendar')
    return { text: duration.text, clock: 'calendar', minutes: budget.ms / 60_000, months: null };
  return { text: duration.text, clock: 'months', minutes: null, months: budget.months };
}
