import type { Step } from '../../definition/sopTypes.ts';
import type { CaseState, OpenBlock, TaskItem, TaskState, Thread } from '../caseTypes.ts';
import type { ExecutableSop } from '../compileSop.ts';
import { emit, type Transition } from '../transition.ts';
import { enterStep } from './enterStep.ts';

/** The branch or person of a task (empty for the case's own flow). */
export function threadOf(task: Pick<TaskState, 'branch' | 'item'>): Thread {
  const thread: Thread = {};
  if (task.branch !== undefined) thread.branch = task.branch;
  if (task.item !== undefined) thread.item = task.item;
  return thread;
}

/** Whether two tasks belong to the same branch or person (or both to the outer flow). */
export function sameThread(a: Thread, b: Thread): boolean {
  return a.branch === b.branch && a.item?.list === b.item?.list && a.item?.index === b.item?.index;
}

/** How a thread is named in `OpenBlock.waiting`. */
function threadKey(thread: Thread): string | undefined {
  return thread.branch ?? (thread.item ? String(thread.item.index) : undefined);
}

/** The open block a thread works in. */
function blockOf(state: CaseState, thread: Thread): OpenBlock | undefined {
  const key = threadKey(thread);
  if (key === undefined) return undefined;
  return (state.blocks ?? []).find((b) =>
    thread.item
      ? b.kind === 'forEach' && b.list === thread.item.list
      : b.kind === 'parallel' && b.waiting.includes(key),
  );
}

/** The person's own record of a per-person task (`data[list][index]`), or undefined outside a per-person block. */
function personOf(data: Record<string, unknown>, item: TaskItem | undefined): Record<string, unknown> | undefined {
  if (!item) return undefined;
  const list = data[item.list];
  const person: unknown = Array.isArray(list) ? list[item.index] : undefined;
  return typeof person === 'object' && person !== null && !Array.isArray(person)
    ? Object.fromEntries(Object.entries(person))
    : undefined;
}

/** The data rules and requirements see for a thread: the person's fields over the case data. */
export function dataOfThread(data: Record<string, unknown>, thread: Thread): Record<string, unknown> {
  const person = personOf(data, thread.item);
  return person ? { ...data, ...person } : data;
}

/** Writes a per-person form into that person's item of the list, leaving the others and the input state untouched. */
export function writePersonData(t: Transition, item: TaskItem, formData: Record<string, unknown>): void {
  const list = t.state.data[item.list];
  if (!Array.isArray(list)) return;
  const person = personOf(t.state.data, item) ?? {};
  t.state.data[item.list] = list.map((x: unknown, i) =>
    i === item.index ? { ...person, ...structuredClone(formData) } : x,
  );
}

/** The text shown for a person: their `label` field, when it is a short text or number. */
function labelOf(person: unknown, field: string | undefined): string | undefined {
  if (field === undefined || typeof person !== 'object' || person === null) return undefined;
  const value: unknown = Object.entries(person).find(([k]) => k === field)?.[1];
  return typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
}

function replaceBlocks(t: Transition, blocks: OpenBlock[]): void {
  if (blocks.length > 0) t.state.blocks = blocks;
  else delete t.state.blocks;
}

/** Opens the join step once every branch or person has arrived. */
function joinIfDone(t: Transition, exe: ExecutableSop, block: OpenBlock): void {
  if (block.waiting.length > 0) return;
  replaceBlocks(
    t,
    (t.state.blocks ?? []).filter((b) => b.stepId !== block.stepId),
  );
  emit(t, { type: 'block.joined', payload: { kind: block.kind, join: block.join } }, { stepId: block.join });
  enterStep(t, exe, block.join);
}

/**
 * After a fork step: opens every branch (parallel) or the first per-person step once per person of the
 * list (forEach). The case stays "at" the fork step until the join opens; an empty list goes straight on.
 */
export function forkBlock(t: Transition, exe: ExecutableSop, step: Step): void {
  if (step.parallel) {
    const { branches, join } = step.parallel;
    const block: OpenBlock = { stepId: step.id, kind: 'parallel', join, waiting: [...branches] };
    replaceBlocks(t, [...(t.state.blocks ?? []).filter((b) => b.stepId !== step.id), block]);
    emit(
      t,
      { type: 'block.forked', payload: { kind: 'parallel', join, branches: [...branches], count: branches.length } },
      { stepId: step.id },
    );
    for (const branch of branches) enterStep(t, exe, branch, { branch });
    return;
  }
  if (!step.forEach) return;
  const { list, label, start, join } = step.forEach;
  const raw = t.state.data[list];
  const people: unknown[] = Array.isArray(raw) ? raw : [];
  const block: OpenBlock = { stepId: step.id, kind: 'forEach', join, list, waiting: people.map((_, i) => String(i)) };
  replaceBlocks(t, [...(t.state.blocks ?? []).filter((b) => b.stepId !== step.id), block]);
  emit(
    t,
    { type: 'block.forked', payload: { kind: 'forEach', join, list, count: people.length } },
    { stepId: step.id },
  );
  people.forEach((person, index) => {
    const item: TaskItem = { list, index, count: people.length };
    const shown = labelOf(person, label);
    if (shown !== undefined) item.label = shown;
    enterStep(t, exe, start, { item });
  });
  joinIfDone(t, exe, block);
}

/**
 * Moves a thread on to `target`: reaching its block's join marks it arrived (the join opens with the last
 * one); any other step is entered in the same branch or for the same person; an ending ends the whole case.
 */
export function moveOn(t: Transition, exe: ExecutableSop, target: string, thread: Thread): void {
  const block = blockOf(t.state, thread);
  const key = threadKey(thread);
  if (!block || key === undefined || target !== block.join) {
    enterStep(t, exe, target, thread);
    return;
  }
  const arrived: OpenBlock = { ...block, waiting: block.waiting.filter((k) => k !== key) };
  replaceBlocks(
    t,
    (t.state.blocks ?? []).map((b) => (b.stepId === block.stepId ? arrived : b)),
  );
  emit(
    t,
    {
      type: 'block.arrived',
      payload: {
        kind: block.kind,
        ...(thread.branch !== undefined ? { branch: thread.branch } : {}),
        ...(thread.item ? { index: thread.item.index } : {}),
        waiting: arrived.waiting.length,
      },
    },
    { stepId: block.stepId },
  );
  joinIfDone(t, exe, arrived);
}
