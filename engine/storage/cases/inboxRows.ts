import { Type, type Static } from '@sinclair/typebox';
import type { Knex } from 'knex';
import { BigNumber, Nullable, Timestamp } from '../rowColumns.ts';
import { rowDecoder } from '../rowDecoder.ts';
import { whereCaseVisible, type CaseScope } from './caseVisibility.ts';

/** The inbox's sort key, written exactly as in the partial indexes of migration 006 so they match. */
const INBOX_DUE = "COALESCE(t.due_at, 'infinity'::timestamptz)";

/** What narrows the open tasks of an inbox page. */
export interface InboxFilter {
  regencyId: string;
  scope: CaseScope;
  /** Roles whose unclaimed tasks count (none when only assigned tasks are wanted). */
  roles: string[];
  /** Officials whose assigned tasks count (the user and those they act for). */
  assignees: string[];
  sopId?: string;
  /** Only tasks due before this instant. */
  dueBefore?: Date;
  /** Only tasks due on or before this instant. */
  dueBy?: Date;
  /** Search: a tracking code (ALR-…), the last digits of a NIK, or part of the applicant's name. */
  term?: string;
  /** Keyset cursor: the due time (ISO, or '~' for none) and id of the last task of the previous page. */
  after?: { due: string; id: string };
  limit: number;
}

/** One open task of an inbox page, with its case and SOP. */
export interface InboxTask {
  id: string;
  caseId: string;
  trackingCode: string;
  sopId: string;
  sopName: string | null;
  stepId: string;
  role: string;
  assignee: string | null;
  createdAt: string;
  dueAt: string | null;
  caseDueAt: string | null;
  escalated: boolean;
  applicantName: string | null;
  versionId: number;
  actorId: string;
  /** Why the case was sent back to this step, when it was. */
  returnedReason: string | null;
  /** The branch and person of a task inside a parallel or per-person block, as the case state holds them (else null). */
  thread: unknown;
}

const InboxRowSchema = Type.Object({
  overdue_at: Nullable(Timestamp),
  id: Type.String(),
  case_id: Type.String(),
  tracking_code: Type.String(),
  sop_id: Type.String(),
  sop_name: Nullable(Type.String()),
  step_id: Type.String(),
  role: Type.String(),
  assignee: Nullable(Type.String()),
  created_at: Timestamp,
  due_at: Nullable(Timestamp),
  case_due_at: Nullable(Timestamp),
  applicant_name: Nullable(Type.String()),
  version_id: BigNumber,
  actor_id: Type.String(),
  returned_reason: Nullable(Type.String()),
  thread: Type.Unknown(),
});
type InboxRow = Static<typeof InboxRowSchema>;

// Compiled once, at module load: the inbox is read on every visit.
const inboxRows = rowDecoder('tasks (inbox page)', InboxRowSchema);

const iso = (value: Date | string | null): string | null => (value === null ? null : new Date(value).toISOString());

/** For a task inside a block: the reason it was sent back to, from the task itself (null when it was not); undefined outside blocks. */
function blockTaskReturn(thread: unknown): string | null | undefined {
  if (typeof thread !== 'object' || thread === null || !('returned' in thread)) return undefined;
  return typeof thread.returned === 'string' ? thread.returned : null;
}

function decodeInboxRow(r: InboxRow): InboxTask {
  const ownReturn = blockTaskReturn(r.thread);
  return {
    id: r.id,
    caseId: r.case_id,
    trackingCode: r.tracking_code,
    sopId: r.sop_id,
    sopName: r.sop_name,
    stepId: r.step_id,
    role: r.role,
    assignee: r.assignee,
    createdAt: new Date(r.created_at).toISOString(),
    dueAt: iso(r.due_at),
    caseDueAt: iso(r.case_due_at),
    escalated: r.overdue_at !== null,
    applicantName: r.applicant_name,
    versionId: Number(r.version_id),
    actorId: r.actor_id,
    returnedReason: ownReturn === undefined ? r.returned_reason : ownReturn,
    thread: r.thread,
  };
}

/**
 * Up to `limit` open tasks, soonest due first: one ordered, limited part per role (tasks nobody took)
 * and per assignee, each an index range scan on tasks_inbox_role_idx / tasks_inbox_assignee_idx; their
 * union holds the page. Keyset paging on (due_at, id) keeps each page a range scan however many cases exist.
 */
export async function inboxTasks(db: Knex, filter: InboxFilter): Promise<InboxTask[]> {
  const { regencyId, limit } = filter;
  const part = (narrow: (q: Knex.QueryBuilder) => Knex.QueryBuilder): Knex.QueryBuilder => {
    let q = narrow(
      db('tasks as t')
        .join('cases as c', 'c.id', 't.case_id')
        .where('t.regency_id', regencyId)
        .andWhere('t.status', 'open'),
    );
    // The same case scope as every other read (a task of one's role is always within it).
    q = whereCaseVisible(q, filter.scope);
    if (filter.sopId) q = q.andWhere('t.sop_id', filter.sopId);
    if (filter.dueBefore) q = q.andWhere('t.due_at', '<', filter.dueBefore);
    if (filter.dueBy) q = q.andWhere('t.due_at', '<=', filter.dueBy);
    const term = filter.term;
    if (term) {
      if (/^ALR-/i.test(term)) q = q.andWhereLike('c.tracking_code', `${term.toUpperCase().replace(/[%_\\]/g, '')}%`);
      // A NIK suffix: the officer asks the applicant for the last digits (the full NIK is not read aloud).
      else if (/^\d{4,16}$/.test(term)) q = q.andWhereLike('c.applicant_nik', `%${term}`);
      else q = q.andWhereILike('c.applicant_name', `%${term.replace(/[%_\\]/g, (m) => `\\${m}`)}%`);
    }
    if (filter.after) {
      const { due, id } = filter.after;
      q = q.andWhereRaw(`(${INBOX_DUE}, t.id) > (?::timestamptz, ?)`, [due === '~' || !due ? 'infinity' : due, id]);
    }
    return q
      .orderByRaw(`${INBOX_DUE}, t.id`)
      .limit(limit)
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
        // Branch and person live on the task in the case state (only per-block tasks carry them), and so does
        // a block task's own send-back: the case-level send-back would mark every person's task at that step.
        db.raw(
          `(SELECT jsonb_build_object('branch', x->'branch', 'item', x->'item', 'returned', x->'returned'->'reason') FROM jsonb_array_elements(c.state->'tasks') x WHERE x->>'id' = t.id AND (x->'branch' IS NOT NULL OR x->'item' IS NOT NULL)) AS thread`,
        ),
      );
  };
  const parts = [
    ...filter.roles.map((role) => part((q) => q.andWhere('t.role', role).whereNull('t.assignee'))),
    ...filter.assignees.map((assignee) => part((q) => q.andWhere('t.assignee', assignee))),
  ];
  const rows = inboxRows.rows(
    await db
      .select('u.*', 'd.name as sop_name')
      .from(db.raw(`(${parts.map(() => '(?)').join(' UNION ALL ')}) AS u`, parts))
      .leftJoin(
        'definitions as d',
        (j) => void j.on('d.regency_id', db.raw('?', [regencyId])).andOn('d.sop_id', 'u.sop_id'),
      )
      .orderBy([{ column: 'u.inbox_due' }, { column: 'u.id' }])
      .limit(limit),
  );
  return rows.map(decodeInboxRow);
}
