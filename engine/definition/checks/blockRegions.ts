import { flowTargets } from '../flowGraph.ts';
import type { ResolvedForms } from '../resolveForms.ts';
import type { RawStep } from '../sopTypes.ts';

/** One branch of a fork, or the per-person path of a forEach: the steps met from its start before the join. */
export interface BlockThread {
  start: string;
  /** Where the thread is declared (the branch entry or `forEach/start`), for errors about the whole thread. */
  path: string;
  steps: number[];
  reachesJoin: boolean;
}

/** A parallel or per-person block: its fork step and its threads. */
export interface BlockRegion {
  fork: number;
  kind: 'parallel' | 'forEach';
  threads: BlockThread[];
}

/** Every step reachable from `from` by flow edges without passing through `avoid`. */
function reach(steps: readonly RawStep[], from: number, avoid: number): Set<number> {
  const seen = new Set<number>();
  const queue = from === avoid ? [] : [from];
  const index = new Map(steps.map((s, i) => [s.id, i]));
  while (queue.length > 0) {
    const n = queue.shift()!;
    if (seen.has(n)) continue;
    seen.add(n);
    for (const target of flowTargets(steps, n)) {
      const to = index.get(target);
      if (to !== undefined && to !== avoid && !seen.has(to)) queue.push(to);
    }
  }
  return seen;
}

/** The steps outside a block: before its fork (reachable without it) and after its join. */
function outsideSteps(steps: readonly RawStep[], fork: number, join: number): Set<number> {
  return new Set([...reach(steps, 0, fork), ...(join >= 0 ? reach(steps, join, fork) : [])]);
}

/** The steps of one thread: from its start until the join, stopping at endings, the fork and outside steps. */
function walkThread(
  steps: readonly RawStep[],
  start: number,
  join: number,
  stop: ReadonlySet<number>,
): Omit<BlockThread, 'start' | 'path'> {
  const members: number[] = [];
  const seen = new Set<number>();
  const index = new Map(steps.map((s, i) => [s.id, i]));
  let reachesJoin = start === join;
  const queue = start === join || stop.has(start) ? [] : [start];
  while (queue.length > 0) {
    const n = queue.shift()!;
    if (seen.has(n)) continue;
    seen.add(n);
    members.push(n);
    for (const target of flowTargets(steps, n)) {
      const to = index.get(target);
      if (to === undefined) continue;
      if (to === join) reachesJoin = true;
      else if (!stop.has(to) && !seen.has(to)) queue.push(to);
    }
  }
  return { steps: members.sort((a, b) => a - b), reachesJoin };
}

/**
 * The blocks of an SOP with their threads, which thread owns each step (a step of two threads is listed in
 * `shared`), and the steps outside each block. Used by the validator; the engine follows tasks instead.
 */
export function blockRegions(steps: readonly RawStep[]): {
  regions: BlockRegion[];
  owner: Map<number, string>;
  shared: number[];
  outsideOf: (region: BlockRegion) => Set<number>;
} {
  const index = new Map(steps.map((s, i) => [s.id, i]));
  const outside = new Map<number, Set<number>>();
  const regions: BlockRegion[] = [];
  steps.forEach((step, fork) => {
    const block = step.parallel ?? step.forEach;
    if (!block) return;
    const join = index.get(block.join) ?? -1;
    const stop = outsideSteps(steps, fork, join);
    stop.add(fork);
    outside.set(fork, stop);
    const starts = step.parallel
      ? step.parallel.branches.map((id, i) => ({ id, path: `/steps/${fork}/parallel/branches/${i}` }))
      : [{ id: step.forEach!.start, path: `/steps/${fork}/forEach/start` }];
    regions.push({
      fork,
      kind: step.parallel ? 'parallel' : 'forEach',
      threads: starts.map(({ id, path }) => ({
        start: id,
        path,
        ...walkThread(steps, index.get(id) ?? -1, join, stop),
      })),
    });
  });
  const owner = new Map<number, string>();
  const shared = new Set<number>();
  for (const region of regions)
    for (const thread of region.threads)
      for (const member of thread.steps) {
        const key = `${steps[region.fork]!.id}:${thread.start}`;
        if (owner.has(member) && owner.get(member) !== key) shared.add(member);
        else owner.set(member, key);
      }
  return {
    regions,
    owner,
    shared: [...shared].sort((a, b) => a - b),
    outsideOf: (r) => outside.get(r.fork) ?? new Set(),
  };
}

/** Where the list of a forEach at `index` is declared: case data or a form of an earlier step. */
export function listItemSchema(
  steps: readonly RawStep[],
  index: number,
  forms: ResolvedForms,
): { kind: 'unknown'; known: string[] } | { kind: 'notObjects' } | { kind: 'ok'; properties: Record<string, unknown> } {
  const list = steps[index]!.forEach!.list;
  const sources = [forms.caseData, ...steps.slice(0, index).flatMap((s) => forms.steps.get(s.id) ?? [])];
  const fields = sources.flatMap((f) => Object.entries(f.schema.properties));
  const property = fields.find(([name]) => name === list)?.[1];
  if (!property) return { kind: 'unknown', known: fields.filter(([, p]) => p.type === 'array').map(([n]) => n) };
  const items = property.items;
  if (property.type !== 'array' || typeof items !== 'object' || items === null || !('properties' in items))
    return { kind: 'notObjects' };
  const properties = items.properties;
  return typeof properties === 'object' && properties !== null
    ? { kind: 'ok', properties: { ...properties } }
    : { kind: 'notObjects' };
}
