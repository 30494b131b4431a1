import type { Knex } from 'knex';
import type { Static } from '@sinclair/typebox';
import type { CaseRegisterRowSchema } from '../contracts/caseContracts.ts';
import type { CaseStatus } from '../core/caseTypes.ts';
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
import { whereCaseVisible } from '../storage/cases/caseVisibility.ts';

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

/** The inbox's sort key, written exactly as in the partial indexes of migration 006 so they match. */
const INBOX_DUE = "COALESCE(t.due_at, 'infinity'::timestamptz)";

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
  // One ordered, limited part per role (tasks nobody took) and per assignee, each an index range scan
  // on tasks_inbox_role_idx / tasks_inbox_assignee_idx; their union holds the page.
  const part = (narrow: (q: Knex.QueryBuilder) => Knex.QueryBuilder): Knex.QueryBuilder => {
    let q = narrow(
      db('tasks as t')
        .join('cases as c', 'c.id', 't.case_id')
        .where('t.regency_id', regencyId)
        .andWhere('t.status', 'open'),
    );
    // The same case scope as every other read (a task of one's role is always within it).
    q = whereCaseVisible(q, scope);
    if (query.sopId) q = q.andWhere('t.sop_id', query.sopId);
    if (query.overdueOnly) q = q.andWhere('t.due_at', '<', now);
    if (dueBy) q = q.andWhere('t.due_at', '<=', dueBy);
    const term = query.q?.trim();
    if (term) {
      if (/^ALR-/i.test(term)) q = q.andWhereLike('c.tracking_code', `${term.toUpperCase().replace(/[%_\\]/g, '')}%`);
      // A NIK suffix: the officer asks the applicant for the last digits (the full NIK is not read aloud).
      else if (/^\d{4,16}$/.test(term)) q = q.andWhereLike('c.applicant_nik', `%${term}`);
      else q = q.andWhereILike('c.applicant_name', `%${term.replace(/[%_\\]/g, (m) => `\\${m}`)}%`);
    }
    if (query.after) {
      const [due, id] = query.after.split('|');
      q = q.andWhereRaw(`(${INBOX_DUE}, t.id) > (?::timestamptz, ?)`, [
        due === '~' || !due ? 'infinity' : due,
        id ?? '',
      ]);
    }
    return q
      .orderByRaw(`${INBOX_DUE}, t.id`)
      .limit(limit + 1)
      .select(
        't.id',
        't.case_id',
        'c.tracking_code',
        't.sop_id',
        't.step_id',
        't.role',
        't.assignee',
        't.created_at',
        't.due_at',
        't.overdue_at',
        'c.applicant_name',
        'c.version_id',
        'c.due_at as case_due_at',
        't.actor_id',
        db.raw(
          `CASE WHEN c.state->'sentBack'->>'toStepId' = t.step_id THEN c.state->'sentBack'->>'reason' END AS returned_reason`,
        ),
        db.raw(`${INBOX_DUE} AS inbox_due`),
        // Branch and person live on the task in the case state (only per-block tasks carry them).
        db.raw(
          `(SELECT jsonb_build_object('branch', x->'branch', 'item', x->'item') FROM jsonb_array_elements(c.state->'tasks') x WHERE x->>'id' = t.id AND (x->'branch' IS NOT NULL OR x->'item' IS NOT NULL)) AS thread`,
        ),
      );
  };
  const parts = [
    ...(query.assignedOnly ? [] : roles.map((role) => part((q) => q.andWhere('t.role', role).whereNull('t.assignee')))),
    ...assignees.map((assignee) => part((q) => q.andWhere('t.assignee', assignee))),
  ];
  const rows = (await db
    .select('u.*', 'd.name as sop_name')
    .from(db.raw(`(${parts.map(() => '(?)').join(' UNION ALL ')}) AS u`, parts))
    .leftJoin(
      'definitions as d',
      (j) => void j.on('d.regency_id', db.raw('?', [regencyId])).andOn('d.sop_id', 'u.sop_id'),
    )
    .orderBy([{ column: 'u.inbox_due' }, { column: 'u.id' }])
    .limit(limit + 1)) as Array<{
    overdue_at: Date | string | null;
    id: string;
    case_id: string;
    tracking_code: string;
    sop_id: string;
    sop_name: string | null;
    step_id: string;
    role: string;
    assignee: string | null;
    created_at: Date | string;
    due_at: Date | string | null;
    case_due_at: Date | string | null;
    applicant_name: string | null;
    version_id: number | string;
    actor_id: string;
    returned_reason: string | null;
    thread: unknown;
  }>;
  const page = rows.slice(0, limit);
  // Compiled versions are cached per process, so the activity texts cost no query after the first page.
  const activities = new Map<number, Map<string, string>>();
  const definitions = new Map<number, SopDefinition>();
  for (const versionId of new Set(page.map((r) => Number(r.version_id)))) {
    const compiled = await executableOfVersionId(db, regencyId, versionId);
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
    const dueAt = r.due_at ? new Date(r.due_at).toISOString() : null;
    const caseDueAt = r.case_due_at ? new Date(r.case_due_at).toISOString() : null;
    return {
      taskId: r.id,
      caseId: r.case_id,
      trackingCode: r.tracking_code,
      sopId: r.sop_id,
      sopName: r.sop_name ?? r.sop_id,
      stepId: r.step_id,
      activity: activities.get(Number(r.version_id))?.get(r.step_id) ?? r.step_id,
      role: r.role,
      assignee: r.assignee,
      createdAt: new Date(r.created_at).toISOString(),
      dueAt,
      overdue: dueAt !== null && new Date(dueAt) < now,
      escalated: r.overdue_at !== null,
      workingMinutesLeft: dueAt ? minutesLeft(new Date(dueAt)) : null,
      caseDueAt,
      caseWorkingMinutesLeft: caseDueAt ? minutesLeft(new Date(caseDueAt)) : null,
      provisional: provisional(dueAt) || provisional(caseDueAt),
      applicantName: r.applicant_name,
      returnedReason: r.returned_reason,
      waitingFor: definitions.has(Number(r.version_id))
        ? outsidePartyOf(
            definitions.get(Number(r.version_id))!,
            { actorId: r.actor_id, stepId: r.step_id },
            r.returned_reason !== null,
          )
        : null,
      ...threadOfRow(r.thread, definitions.get(Number(r.version_id))),
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

/** A register row as the database returns it. */
type RegisterRow = {
  id: string;
  tracking_code: string;
  sop_id: string;
  sop_name: string | null;
  status: CaseStatus;
  current_step: string | null;
  applicant_name: string | null;
  applicant_nik: string | null;
  opened_at: Date | string;
  due_at: Date | string | null;
  closed_at: Date | string | null;
};

/** Searches the register of the user's regency by tracking code, NIK, name, SOP, status and date range, within the cases the user may see. */
export async function searchCases(
  db: Knex,
  access: AccessProfile,
  search: CaseSearch,
): Promise<{ items: Array<Static<typeof CaseRegisterRowSchema>>; page: number; pageSize: number }> {
  const pageSize = Math.min(Math.max(search.pageSize ?? 50, 1), 200);
  const page = Math.max(search.page ?? 1, 1);
  let q = db('cases as c')
    .leftJoin('definitions as d', (j) => void j.on('d.regency_id', 'c.regency_id').andOn('d.sop_id', 'c.sop_id'))
    .where('c.regency_id', access.regencyId);
  q = whereCaseVisible(q, caseScopeOf(access));
  if (search.sopId) q = q.andWhere('c.sop_id', search.sopId);
  if (search.status) q = q.andWhere('c.status', search.status);
  if (search.from) q = q.andWhere('c.opened_at', '>=', new Date(search.from));
  if (search.to) q = q.andWhere('c.opened_at', '<', new Date(search.to));
  const term = search.q?.trim();
  if (term) {
    if (/^ALR-/i.test(term)) q = q.andWhere('c.tracking_code', term.toUpperCase());
    else if (/^\d{16}$/.test(term)) q = q.andWhere('c.applicant_nik', term);
    else q = q.andWhereILike('c.applicant_name', `%${term.replace(/[%_\\]/g, (m) => `\\${m}`)}%`);
  }
  const rows = (await q
    .orderBy('c.opened_at', 'desc')
    .orderBy('c.id')
    .offset((page - 1) * pageSize)
    .limit(pageSize)
    .select(
      'c.id',
      'c.tracking_code',
      'c.sop_id',
      'd.name as sop_name',
      'c.status',
      'c.current_step',
      'c.applicant_name',
      'c.applicant_nik',
      'c.opened_at',
      'c.due_at',
      'c.closed_at',
    )) as RegisterRow[];
  // Timestamps leave as ISO text, the same text the JSON reply of a Date has always been.
  const iso = (value: Date | string | null) => (value === null ? null : new Date(value).toISOString());
  return {
    items: rows.map((r) => ({
      id: r.id,
      trackingCode: r.tracking_code,
      sopId: r.sop_id,
      sopName: r.sop_name ?? r.sop_id,
      status: r.status,
      currentStep: r.current_step,
      applicantName: r.applicant_name,
      applicantNik: maskNik(r.applicant_nik),
      openedAt: new Date(r.opened_at).toISOString(),
      dueAt: iso(r.due_at),
      closedAt: iso(r.closed_at),
    })),
    page,
    pageSize,
  };
}
