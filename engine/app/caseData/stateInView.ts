import type { CaseState, TaskState } from '../../core/caseTypes.ts';
import { hidesPerson, type PersonView } from './personView.ts';

/** Another person's task as the view shows it: where the work stands, without their answers, ticks, return note or name. */
function withoutPerson(task: TaskState): TaskState {
  const shown: TaskState = { ...task };
  if (task.item) shown.item = { list: task.item.list, index: task.item.index, count: task.item.count };
  delete shown.formData;
  delete shown.choice;
  delete shown.checklist;
  delete shown.returned;
  return shown;
}

/**
 * The case state as the view lets it be read: the other persons' items of a limited list become null
 * (so `data[list][index]` still names the same person), their tasks lose what is personal, and a
 * send-back to another person's task is not shown. Shared case fields stay as they are.
 */
export function stateInView(state: CaseState, view: PersonView): CaseState {
  if (view.limits.size === 0) return state;
  const data = { ...state.data };
  for (const [list, allowed] of view.limits) {
    const items = data[list];
    if (Array.isArray(items)) data[list] = items.map((item: unknown, i) => (allowed.has(i) ? item : null));
  }
  const shown: CaseState = {
    ...state,
    data,
    tasks: state.tasks.map((t) => (hidesPerson(view, t.item) ? withoutPerson(t) : t)),
  };
  const sentBack = state.sentBack;
  // The case keeps the last send-back once; the task it re-opened tells whose it was.
  const returnedTo = sentBack && state.tasks.find((t) => t.returned?.at === sentBack.at);
  if (returnedTo && hidesPerson(view, returnedTo.item)) delete shown.sentBack;
  return shown;
}

/** The ids of the tasks whose person the view leaves out (their events lose what is personal). */
export function hiddenTaskIds(state: CaseState, view: PersonView): ReadonlySet<string> {
  return new Set(state.tasks.filter((t) => hidesPerson(view, t.item)).map((t) => t.id));
}
