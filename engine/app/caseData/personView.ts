import type { CaseState, TaskState } from '../../core/caseTypes.ts';
import type { Step } from '../../definition/sopTypes.ts';
import { AppError } from '../appErrors.ts';
import type { AccessProfile } from '../permissions/accessProfile.ts';
import { caseScopeOf } from '../permissions/caseScope.ts';

/**
 * Which persons of a case's per-person lists (`forEach.list`) a reader gets. A list named in `limits`
 * is sent with only the positions given; a list not named is sent whole.
 */
export interface PersonView {
  /** Every per-person list of the case, for the access log. */
  lists: string[];
  limits: ReadonlyMap<string, ReadonlySet<number>>;
}

/** What of a definition decides its per-person lists: each step's `forEach`. */
export interface PerPersonSteps {
  steps: ReadonlyArray<Pick<Step, 'forEach'>>;
}

/** The case-data lists the SOP's per-person blocks run over, and those its tasks already work on. */
function perPersonLists(definition: PerPersonSteps, state: CaseState): string[] {
  const lists = definition.steps.flatMap((s) => (s.forEach ? [s.forEach.list] : []));
  return [...new Set([...lists, ...state.tasks.flatMap((t) => (t.item ? [t.item.list] : []))])];
}

/** A task the user sees the case through (the visibility rule): their role's, or assigned to them or to whom they act for. */
function isGround(task: TaskState, access: AccessProfile): boolean {
  return access.roles.includes(task.role) || (task.assignee !== undefined && access.assignees.includes(task.assignee));
}

/** A per-person task that is the user's own work: assigned to them, or unassigned and in their role (as acting on it). */
function isOwnWork(task: TaskState, access: AccessProfile): boolean {
  return task.assignee !== undefined ? access.assignees.includes(task.assignee) : access.roles.includes(task.role);
}

/**
 * Whether the user holds the whole case: they read it by office (kadis and auditor every SOP; sekretaris
 * and admin every non-confidential one) or by unit (the kabid, kasi or staff of the SOP's unit), or they
 * have work on it outside the per-person lists (the desk that entered the list, the kabid approving it).
 * Someone who reaches the case only through per-person tasks (a TKSK given one beneficiary) does not.
 */
function holdsWholeCase(state: CaseState, lists: readonly string[], access: AccessProfile): boolean {
  const scope = caseScopeOf(access);
  if (scope.all && !scope.exceptSops.includes(state.sopId)) return true;
  if (scope.sops.includes(state.sopId)) return true;
  return state.tasks.some((t) => !(t.item && lists.includes(t.item.list)) && isGround(t, access));
}

/**
 * The persons a reader gets of a case: all, or (without the whole case) the persons of their own
 * per-person tasks. `taskId` (the task page) narrows a per-person task's list to that task's person,
 * for everyone: the page is about that one person.
 */
export function personViewOf(input: {
  state: CaseState;
  definition: PerPersonSteps;
  access: AccessProfile;
  taskId?: string | undefined;
}): PersonView {
  const { state, access, taskId } = input;
  const lists = perPersonLists(input.definition, state);
  const limits = new Map<string, ReadonlySet<number>>();
  if (lists.length > 0 && !holdsWholeCase(state, lists, access))
    for (const list of lists)
      limits.set(
        list,
        new Set(state.tasks.flatMap((t) => (t.item?.list === list && isOwnWork(t, access) ? [t.item.index] : []))),
      );
  if (taskId !== undefined) {
    const task = state.tasks.find((t) => t.id === taskId);
    if (!task)
      throw new AppError(
        'NOT_FOUND',
        'Tugas ini tidak ada pada kasus ini. Buka tugas dari Kotak Masuk, lalu muat ulang halaman.',
        '/query/taskId',
      );
    if (task.item) {
      const allowed = limits.get(task.item.list);
      limits.set(
        task.item.list,
        new Set(allowed === undefined || allowed.has(task.item.index) ? [task.item.index] : []),
      );
    }
  }
  return { lists, limits };
}

/** Whether the view leaves out the person a task or a list position belongs to. */
export function hidesPerson(view: PersonView, item: { list: string; index: number } | undefined): boolean {
  return item !== undefined && view.limits.get(item.list)?.has(item.index) === false;
}

/** What the access log keeps of a read: per list, `"all"` or the positions (0-based, as in `penerima/1/nik`) read. */
export function personsRead(view: PersonView): { persons: Record<string, number[] | 'all'> } | undefined {
  if (view.lists.length === 0) return undefined;
  return {
    persons: Object.fromEntries(
      view.lists.map((list) => {
        const allowed = view.limits.get(list);
        return [list, allowed === undefined ? 'all' : [...allowed].sort((a, b) => a - b)];
      }),
    ),
  };
}
