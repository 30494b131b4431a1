import type { WorkingCalendar } from '../calendar/workingCalendar.ts';
import type { CaseEnding } from '../definition/sopTypes.ts';
import type { CaseEvent } from './events.ts';
import type { RegencyRegions } from '../regions/regionData.ts';
import type { ConditionOutcome } from './rules/evaluateCondition.ts';

/** Where a case stands. */
export type CaseStatus = 'open' | 'waiting' | 'completed' | 'rejected' | 'referred' | 'cancelled';

/** An open or finished piece of work for one actor lane of one step. */
export interface TaskState {
  id: string;
  stepId: string;
  actorId: string;
  /** The staff role whose members may act on this task. */
  role: string;
  status: 'open' | 'completed' | 'cancelled';
  createdAt: string;
  dueAt?: string;
  /** A specific user the task was assigned to (reassignment). */
  assignee?: string;
  completedAt?: string;
  completedBy?: string;
  completedByName?: string;
  /** This participant's own answers (joint steps keep each participant's, not only the merged case data). */
  formData?: Record<string, unknown>;
  /** The decision this participant chose (joint steps: only the decider's counts). */
  choice?: string;
  /** Document ticks given when completing, kept so a send-back re-opens the step with them. */
  checklist?: Checklist;
  /** Outside parties recorded on this task by the same officer ("bersama Panti"), not given tasks of their own. */
  with?: string[];
  /** Set on a task re-opened by a send-back: why, which documents are missing, and the ticks already received. */
  returned?: ReturnedWork;
  /** The parallel branch this task belongs to: the id of the branch's first step. */
  branch?: string;
  /** The person of a per-person block this task is for. */
  item?: TaskItem;
}

/** Which person of a case-data list a per-person task is for ("Penerima 2 dari 5: Siti A."). */
export interface TaskItem {
  list: string;
  /** 0-based position in `data[list]`. */
  index: number;
  /** How many persons the list held when the block opened. */
  count: number;
  /** The person's `forEach.label` field when the block opened (removed on anonymisation). */
  label?: string;
}

/** The branch or person a piece of work belongs to; neither for the case's own (outer) flow. */
export type Thread = Pick<TaskState, 'branch' | 'item'>;

/** A parallel or per-person block that is running: the join opens when `waiting` is empty. */
export interface OpenBlock {
  /** The fork step (the one declaring `parallel` or `forEach`). */
  stepId: string;
  kind: 'parallel' | 'forEach';
  join: string;
  /** Branch ids, or person positions as text, that have not reached the join yet. */
  waiting: string[];
  list?: string;
}

/** What a send-back leaves on the task it re-opens. */
export interface ReturnedWork {
  at: string;
  fromStepId: string;
  byName: string;
  reason: string;
  missing: string[];
  kept: Checklist;
}

/** A disagreement between the participants of a joint step on a decision field, flagged on the case. */
export interface Disagreement {
  stepId: string;
  at: string;
  fields: string[];
}

/** Eligibility (Kriteria Sasaran) evaluation kept on the case. */
export interface EligibilityState {
  passed: boolean;
  evaluatedAt: string;
  criteria: Array<{ id: string; text: string; outcome: ConditionOutcome }>;
}

/** The complete state of one case; the engine derives it from commands and it always matches the events. */
export interface CaseState {
  id: string;
  regency: string;
  sopId: string;
  /** Monotonic counter: bumped by every command, used for optimistic concurrency. */
  revision: number;
  status: CaseStatus;
  outcome?: CaseEnding | 'cancelled';
  data: Record<string, unknown>;
  tasks: TaskState[];
  /** The step the case is at; while a parallel or per-person block runs, its fork step (the open work is in `tasks`). */
  currentStepId?: string;
  /** Blocks whose branches or persons are still working (at most one: blocks do not nest). */
  blocks?: OpenBlock[];
  openedAt: string;
  closedAt?: string;
  /** Service deadline (Jangka Waktu), moved later while the clock is paused. */
  dueAt?: string;
  /** When the service clock started, if it waited for the `serviceClock.startsAt` step. */
  clockStartedAt?: string;
  /** Set while waiting for the applicant to complete documents; the service clock is stopped. */
  paused?: { since: string; stepId: string; reason: string; remainingMinutes?: number; remainingMs?: number };
  eligibility?: EligibilityState;
  /** The last send-back while it is being answered (cleared when the returned step is done). */
  sentBack?: { at: string; fromStepId: string; toStepId: string; reason: string; missing: string[] };
  /** Joint steps where participants disagreed on a decision field. */
  disagreements?: Disagreement[];
  /** Counter for task ids, so ids are deterministic. */
  taskSeq: number;
  /** Number of events produced so far (the sequence number of the last event). */
  eventSeq: number;
  /** Persons served, for "5 menit / orang" times. */
  persons: number;
}

/** Who is acting, as resolved by the API (delegations included). */
export interface Actor {
  userId: string;
  name: string;
  roles: string[];
  /** The official this user acts for (Plt/Plh), recorded in events. */
  onBehalfOf?: { userId: string; name: string };
}

/** What the engine needs besides the definition and state: time and the regency calendar. */
export interface EngineContext {
  now: Date;
  calendar: WorkingCalendar;
  by: Actor;
  /** The regency's official areas, to check the region part of NIK and KK numbers (optional). */
  regions?: RegencyRegions;
}

/** Checklist of a step's requirements: document id → present. */
export type Checklist = Record<string, boolean>;

/** A command against a case. */
export type CaseCommand =
  | { type: 'start'; caseId: string; data: Record<string, unknown>; persons?: number }
  | {
      type: 'complete';
      taskId: string;
      formData?: Record<string, unknown>;
      checklist?: Checklist;
      attachments?: Array<{ doc: string; attachmentId: string }>;
      choice?: string;
      note?: string;
      /** Why the case goes on to a positive decision although the Kriteria Sasaran failed. */
      overrideReason?: string;
      /** Set only by the connector runner at the edge: the service step's connector answered. */
      via?: 'connector';
    }
  | { type: 'sendBack'; taskId: string; reason: string; missing?: string[] }
  | { type: 'reassign'; taskId: string; toUserId: string; toName: string; reason?: string }
  | { type: 'release'; taskId: string; reason?: string }
  | { type: 'cancel'; reason: string }
  | { type: 'reject'; reason: string }
  | { type: 'close'; reason: string }
  | { type: 'markOverdue'; taskIds: string[]; caseOverdue: boolean }
  | { type: 'recomputeDeadlines'; reason: string }
  | { type: 'recordOutput'; stepId: string; outputId: string; documentId: string; number: string; title: string }
  | { type: 'recordRevocation'; documentId: string; number: string; reason: string }
  | {
      type: 'recordArchive';
      step: 'requested';
      requestId: string;
      details: { kind: string; reason: string; recipient: string; dueBackAt: string | null };
    }
  | {
      type: 'recordArchive';
      step: 'approved' | 'refused' | 'handedOver' | 'returned';
      requestId: string;
      details: { kind: string; note?: string };
    }
  | { type: 'anonymise' }
  | { type: 'migrate'; fromVersion: number; toVersion: number; note?: string };

/** Error codes a command can fail with; the API maps each to an HTTP status. */
export type EngineErrorCode =
  | 'TASK_NOT_FOUND'
  | 'TASK_NOT_OPEN'
  | 'NOT_YOUR_TASK'
  | 'TASK_NOT_ASSIGNED'
  | 'CASE_NOT_OPEN'
  | 'CASE_ALREADY_STARTED'
  | 'FORM_INVALID'
  | 'REQUIREMENTS_INCOMPLETE'
  | 'CHOICE_REQUIRED'
  | 'UNKNOWN_CHOICE'
  | 'SEND_BACK_NOT_ALLOWED'
  | 'REASON_REQUIRED';

/** A rejected command, carried as data (never thrown through the interpreter). */
export interface EngineError {
  code: EngineErrorCode;
  message: string;
  path?: string;
  details?: Array<{ path: string; message: string }>;
}

/** Outcome of a command: the new state and its events, or an error and no change. */
export type CommandResult = { ok: true; state: CaseState; events: CaseEvent[] } | { ok: false; error: EngineError };
