import { CASE_ENDINGS, type SopDefinition, type Step } from '../../engine/definition/sopTypes.ts';

/** A fork (`parallel`): the row that forks, the first row of each branch, the rows of the branches and the join row. */
export interface ParallelRows {
  row: number;
  branches: number[];
  rows: number[];
  join: number;
}

/** Work per beneficiary (`forEach`): the row that starts it, the rows done once per person and the join row. */
export interface ForEachRows {
  row: number;
  /** The case-data list, and its title as the drafter named it (the field id when it has none). */
  list: string;
  listTitle: string;
  start: number;
  rows: number[];
  join: number;
}

const isEnding = (target: string): boolean => (CASE_ENDINGS as readonly string[]).includes(target);

/**
 * Where a step's flow goes, in drawing order: its ending, its decision's branches, the first steps of its
 * parallel branches, the first step done per person, or its next step. A fork or per-person step ignores
 * `next` (the normaliser may still fill in the row below).
 */
export function stepTargets(
  step: Step,
): Array<{ to: string; label?: string; kind: 'next' | 'branch' | 'fork' | 'forEach' }> {
  if (step.end !== undefined) return [{ to: step.end, kind: 'next' }];
  if (step.parallel) return step.parallel.branches.map((to) => ({ to, kind: 'fork' }));
  if (step.forEach) return [{ to: step.forEach.start, kind: 'forEach' }];
  if (step.decision) return step.decision.branches.map((b) => ({ to: b.goto, label: b.label, kind: 'branch' }));
  return step.next !== undefined ? [{ to: step.next, kind: 'next' }] : [];
}

/** The rows reached from `from` before the flow arrives at `join` (neither endings nor the join itself). */
function rowsUntil(definition: SopDefinition, from: string[], join: string): number[] {
  const rowOf = new Map(definition.steps.map((s, i) => [s.id, i]));
  const seen = new Set<number>();
  const queue = [...from];
  while (queue.length > 0) {
    const id = queue.shift()!;
    const row = rowOf.get(id);
    if (id === join || isEnding(id) || row === undefined || seen.has(row)) continue;
    seen.add(row);
    queue.push(...stepTargets(definition.steps[row]!).map((t) => t.to));
  }
  return [...seen].sort((a, b) => a - b);
}

/** Every fork of the SOP with the rows of its branches (steps whose ids do not exist are left out). */
export function parallelRows(definition: SopDefinition): ParallelRows[] {
  const rowOf = new Map(definition.steps.map((s, i) => [s.id, i]));
  return definition.steps.flatMap((step, row) => {
    const block = step.parallel;
    const join = block ? rowOf.get(block.join) : undefined;
    if (!block || join === undefined) return [];
    const branches = block.branches.flatMap((b) => (rowOf.has(b) ? [rowOf.get(b)!] : []));
    return [{ row, branches, rows: rowsUntil(definition, block.branches, block.join), join }];
  });
}

/** The title of a case-data list field, read from the SOP's case-data schema. */
function listTitle(definition: SopDefinition, list: string): string {
  const properties: unknown = definition.caseData.schema.properties;
  if (properties === null || typeof properties !== 'object' || !(list in properties)) return list;
  const field: unknown = (properties as Record<string, unknown>)[list];
  if (field === null || typeof field !== 'object' || !('title' in field)) return list;
  return typeof field.title === 'string' && field.title.trim() !== '' ? field.title : list;
}

/** Every per-person block of the SOP with the rows done once per person. */
export function forEachRows(definition: SopDefinition): ForEachRows[] {
  const rowOf = new Map(definition.steps.map((s, i) => [s.id, i]));
  return definition.steps.flatMap((step, row) => {
    const block = step.forEach;
    const start = block ? rowOf.get(block.start) : undefined;
    const join = block ? rowOf.get(block.join) : undefined;
    if (!block || start === undefined || join === undefined) return [];
    return [
      {
        row,
        list: block.list,
        listTitle: listTitle(definition, block.list),
        start,
        rows: rowsUntil(definition, [block.start], block.join),
        join,
      },
    ];
  });
}

/** Row numbers as printed (1-based), in Indonesian: "3", "3 dan 4", "3, 4 dan 5". */
export function rowNumbers(rows: number[]): string {
  const n = rows.map((r) => String(r + 1));
  return n.length <= 1 ? (n[0] ?? '') : `${n.slice(0, -1).join(', ')} dan ${n[n.length - 1]!}`;
}

/** The mark of a row done once per person, as printed: "Dikerjakan untuk setiap penerima: <list>". */
export function perPersonText(block: ForEachRows): string {
  return `Dikerjakan untuk setiap penerima: ${block.listTitle}`;
}
