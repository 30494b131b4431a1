import type { Knex } from 'knex';
import type { Static } from '@sinclair/typebox';
import type { CaseRegisterRowSchema } from '../contracts/caseContracts.ts';
import { buildWorkingCalendar } from '../calendar/workingCalendar.ts';
import { workingMinutesBetween } from '../calendar/workingTime.ts';
import { getRegency } from '../storage/definitionRepository.ts';
import type { SopDefinition } from '../definition/sopTypes.ts';
import { threadOfRow } from './inboxThread.ts';
import { AppError } from './appErrors.ts';
import { outsidePartyOf } from './caseData/outsideParty.ts';
import { executableOfVersionId } from './executableCache.ts';
import type { AccessProfile } from './permissions/accessProfile.ts';
import { caseScopeOf } from './permissions/caseScope.ts';
import { registerCases } from '../storage/cases/caseRegisterRows.ts';
import { inboxTasks } from '../storage/cases/inboxRows.ts';
import { sqlOf } from '../storage/sql.ts';

/** Shows only the last four digits of a NIK in lists (data minimisation). */
export function maskNik(nik: string | null | undefined): string | null {
  if (!nik) return null;
  return `${'•'.repeat(Math.max(0, nik.length - 4))}${nik.slice(-4)}`;
}

/** One row of the inbox. */
export interface InboxItem {
  taskId: string;
  caseId: string;
  trackingCode: string;
  sopId: string;
  sopName: string;
  stepId: string;
  /** The step's activity text, from the case's own version of the SOP. */
  activity: string;
  role: string;
  assignee: string | null;
  createdAt: string;
  dueAt: string | null;
  overdue: boolean;
  /** An escalation (task.overdue event) has been written by the sweep. */
  escalated: boolean;
  /** Office minutes until the due time (negative when late), on the regency's working calendar. */
  workingMinutesLeft: number | null;
  /** The case's overall deadline (Jangka Waktu), shown beside the step's own; null while its clock waits. */
  caseDueAt: string | null;
  caseWorkingMinutesLeft: number | null;
  /** A due time falls in a year whose national calendar is not decreed yet. */
  provisional: boolean;
  applicantName: string | null;
  /** The file was sent back to this step: the reason, so the row can say "dikembalikan". */
  returnedReason: string | null;
  /** The task belongs to an outside party the officer records (a Panti): it waits for them, it is not desk work. */
  waitingFor: string | null;
  /** A parallel branch's task: the activity of the branch's first step ("Cabang: …"). */
  branch: string | null;
  /** A per-person task: which person of how many, and their name ("Penerima 2 dari 5: Siti A."). */
  person: { index: number; count: number; label: string | null } | null;
}

/** The last instant of a local calendar day (YYYY-MM-DD) in a time zone given as a UTC offset. */
function endOfLocalDay(date: string, offsetMinutes: number): Date {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(`${date}T00:00:00Z`)))
    throw new AppError('VALIDATION_FAILED', 'Tanggal batas waktu tidak sah; gunakan format TTTT-BB-HH.', '/dueBy');
  return new Date(Date.parse(`${date}T23:59:59.999Z`) - offsetMinutes * 60_000);
}

/** Filters and keyset cursor of the inbox. */
export interface InboxQuery {
  sopId?: string;
  overdueOnly?: boolean;
  /** Only tasks assigned to me (or to whom I act for), not those waiting in my roles' queues. */
  assignedOnly?: boolean;
  /** Only tasks due on or before this local date (YYYY-MM-DD, the regency's time zone). */
  dueBy?: string;
  /** Search: a tracking code (ALR-…), the last 4–16 digits of the applicant's NIK, or part of their name. */
  q?: string;
  /** Cursor from the previous page: `${dueAtIso|~}|${taskId}`. */
  after?: string;
  limit?: number;
}

/**
 * Open tasks for the user's roles (and delegated ones) or assigned to them, soonest due first.
 * Keyset paging on (due_at, id) keeps each page an index range scan, however many cases exist.
 */
export async function inbox(
  db: Knex,
  access: AccessProfile,
  query: InboxQuery,
  now = new Date(),
): Promise<{ items: InboxItem[]; next: string | null }> {
  const { roles, regencyId } = access;
  const assignees = [...new Set(access.assignees)];
  const limit = Math.min(Math.max(query.limit ?? 50, 1), 200);
  const scope = caseScopeOf(access);
  const regency = await getRegency(db, regencyId);
  const calendar = regency ? buildWorkingCalendar(regency.calendar, regency.id) : undefined;
  const dueBy = query.dueBy !== undefined ? endOfLocalDay(query.dueBy, calendar?.offsetMinutes ?? 0) : undefined;
  const after = query.after?.split('|');
  // One more than the page tells whether a next page exists.
  const rows = await inboxTasks(db, {
    regencyId,
    scope,
    roles: query.assignedOnly ? [] : roles,
    assignees,
    limit: limit + 1,
    ...(query.sopId ? { sopId: query.sopId } : {}),
    ...(query.overdueOnly ? { dueBefore: now } : {}),
    ...(dueBy ? { dueBy } : {}),
    ...(query.q?.trim() ? { term: query.q.trim() } : {}),
    ...(after ? { after: { due: after[0] ?? '', id: after[1] ?? '' } } : {}),
  });
  const page = rows.slice(0, limit);
  // Compiled versions are cached per process, so the activity texts cost no query after the first page.
  const activities = new Map<number, Map<string, string>>();
  const definitions = new Map<number, SopDefinition>();
  for (const versionId of new Set(page.map((r) => r.versionId))) {
    const compiled = await executableOfVersionId(sqlOf(db), regencyId, versionId);
    activities.set(versionId, new Map((compiled?.exe.definition.steps ?? []).map((step) => [step.id, step.activity])));
    if (compiled) definitions.set(versionId, compiled.exe.definition);
  }
  const minutesLeft = (due: Date): number | null => {
    if (!calendar) return null;
    return due >= now ? workingMinutesBetween(calendar, now, due) : -workingMinutesBetween(calendar, due, now);
  };
  const provisional = (iso: string | null): boolean =>
    iso !== null &&
    calendar !== undefined &&
    calendar.isProvisionalYear(new Date(Date.parse(iso) + calendar.offsetMinutes * 60_000).getUTCFullYear());
  const items = page.map((r) => {
    const { dueAt, caseDueAt } = r;
    const definition = definitions.get(r.versionId);
    return {
      taskId: r.id,
      caseId: r.caseId,
      trackingCode: r.trackingCode,
      sopId: r.sopId,
      sopName: r.sopName ?? r.sopId,
      stepId: r.stepId,
      activity: activities.get(r.versionId)?.get(r.stepId) ?? r.stepId,
      role: r.role,
      assignee: r.assignee,
      createdAt: r.createdAt,
      dueAt,
      overdue: dueAt !== null && new Date(dueAt) < now,
      escalated: r.escalated,
      workingMinutesLeft: dueAt ? minutesLeft(new Date(dueAt)) : null,
      caseDueAt,
      caseWorkingMinutesLeft: caseDueAt ? minutesLeft(new Date(caseDueAt)) : null,
      provisional: provisional(dueAt) || provisional(caseDueAt),
      applicantName: r.applicantName,
      returnedReason: r.returnedReason,
      waitingFor: definition
        ? outsidePartyOf(definition, { actorId: r.actorId, stepId: r.stepId }, r.returnedReason !== null)
        : null,
      ...threadOfRow(r.thread, definition),
    };
  });
  const last = items[items.length - 1];
  return { items, next: rows.length > limit && last ? `${last.dueAt ?? '~'}|${last.taskId}` : null };
}

/** Filters of the case register. */
export interface CaseSearch {
  q?: string;
  sopId?: string;
  status?: string;
  from?: string;
  to?: string;
  page?: number;
  pageSize?: number;
}

/** Searches the register of the user's regency by tracking code, NIK, name, SOP, status and date range, within the cases the user may see. */
export async function searchCases(
  db: Knex,
  access: AccessProfile,
  search: CaseSearch,
): Promise<{ items: Array<Static<typeof CaseRegisterRowSchema>>; page: number; pageSize: number }> {
  const pageSize = Math.min(Math.max(search.pageSize ?? 50, 1), 200);
  const page = Math.max(search.page ?? 1, 1);
  const term = search.q?.trim();
  const rows = await registerCases(db, access.regencyId, caseScopeOf(access), {
    offset: (page - 1) * pageSize,
    limit: pageSize,
    ...(search.sopId ? { sopId: search.sopId } : {}),
    ...(search.status ? { status: search.status } : {}),
    ...(search.from ? { from: new Date(search.from) } : {}),
    ...(search.to ? { to: new Date(search.to) } : {}),
    ...(term ? { term } : {}),
  });
  return {
    items: rows.map((r) => ({ ...r, sopName: r.sopName ?? r.sopId, applicantNik: maskNik(r.applicantNik) })),
    page,
    pageSize,
  };
}
