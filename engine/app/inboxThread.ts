import type { SopDefinition } from '../definition/sopTypes.ts';

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The branch and person of an inbox row, from the task's `branch`/`item` in the case state (read as JSON):
 * the branch shown by its first step's activity, the person by position, count and name.
 */
export function threadOfRow(
  thread: unknown,
  definition: SopDefinition | undefined,
): { branch: string | null; person: { index: number; count: number; label: string | null } | null } {
  if (!isRecord(thread)) return { branch: null, person: null };
  const branchId = typeof thread.branch === 'string' ? thread.branch : undefined;
  const branch =
    branchId === undefined ? null : (definition?.steps.find((s) => s.id === branchId)?.activity ?? branchId);
  const item = thread.item;
  const person =
    isRecord(item) && typeof item.index === 'number' && typeof item.count === 'number'
      ? { index: item.index, count: item.count, label: typeof item.label === 'string' ? item.label : null }
      : null;
  return { branch, person };
}
