import { unplaced, type UnplacedError } from '../definitionError.ts';
import { flowTargets, isEnding } from '../flowGraph.ts';
import type { RawStep } from '../sopTypes.ts';
import { suggest } from '../suggest.ts';
import type { CheckContext } from './checkContext.ts';

/**
 * Every target a step declares, for the flow analysis: a step with both `end` and `next` (or `decision`
 * and `next`) is already reported by checkTargets, so both readings count here rather than leaving the
 * step the drafter pointed at "unreachable" as well.
 */
function declaredTargets(steps: readonly RawStep[], index: number): string[] {
  const step = steps[index]!;
  const declared = [
    ...(step.next !== undefined ? [step.next] : []),
    ...(step.decision?.branches.map((b) => b.goto) ?? []),
  ];
  if (step.parallel || step.forEach) return [...flowTargets(steps, index), ...declared];
  return step.end !== undefined || step.decision ? declared : flowTargets(steps, index);
}

/** Strongly connected components (Tarjan, iterative) of the step graph, to name loops without an exit. */
function components(count: number, edges: number[][]): number[][] {
  const index = new Array<number>(count).fill(-1);
  const low = new Array<number>(count).fill(0);
  const onStack = new Array<boolean>(count).fill(false);
  const stack: number[] = [];
  const result: number[][] = [];
  let counter = 0;
  for (let root = 0; root < count; root++) {
    if (index[root] !== -1) continue;
    const work: Array<{ node: number; edge: number }> = [{ node: root, edge: 0 }];
    index[root] = low[root] = counter++;
    stack.push(root);
    onStack[root] = true;
    while (work.length > 0) {
      const frame = work[work.length - 1]!;
      const out = edges[frame.node] ?? [];
      if (frame.edge < out.length) {
        const next = out[frame.edge++]!;
        if (index[next] === -1) {
          index[next] = low[next] = counter++;
          stack.push(next);
          onStack[next] = true;
          work.push({ node: next, edge: 0 });
        } else if (onStack[next]) low[frame.node] = Math.min(low[frame.node]!, index[next]!);
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low[parent.node] = Math.min(low[parent.node]!, low[frame.node]!);
      if (low[frame.node] === index[frame.node]) {
        const component: number[] = [];
        let member: number | undefined;
        do {
          member = stack.pop()!;
          onStack[member] = false;
          component.push(member);
        } while (member !== frame.node);
        result.push(component);
      }
    }
  }
  return result;
}

/** Every step is reachable from the first, can reach an ending, and no loop lacks an exit. */
export function checkFlow({ sop }: CheckContext): UnplacedError[] {
  const steps = sop.steps;
  const stepIds = steps.map((s) => s.id);
  const position = new Map(steps.map((s, i) => [s.id, i]));
  // An unknown target is reported by checkTargets. For the flow it leads to the step it is a typo of
  // (`persetujan` → `persetujuan`) and also counts as an exit, so one typo yields one error.
  let unguessedTarget = false;
  const resolve = (target: string): number | undefined => {
    if (isEnding(target)) return undefined;
    const known = position.get(target);
    if (known !== undefined) return known;
    const guess = suggest(target, stepIds);
    if (guess === undefined) unguessedTarget = true;
    return guess === undefined ? undefined : position.get(guess);
  };
  const targets = steps.map((_, i) => declaredTargets(steps, i));
  const edges: number[][] = targets.map((list) => list.map(resolve).filter((t): t is number => t !== undefined));
  const endsHere: boolean[] = steps.map(
    (step, i) => step.end !== undefined || targets[i]!.some((t) => isEnding(t) || !position.has(t)),
  );

  const reachable = new Array<boolean>(steps.length).fill(false);
  const queue = steps.length > 0 ? [0] : [];
  if (steps.length > 0) reachable[0] = true;
  while (queue.length > 0) {
    for (const n of edges[queue.shift()!] ?? [])
      if (!reachable[n]) {
        reachable[n] = true;
        queue.push(n);
      }
  }
  const reverse: number[][] = steps.map(() => []);
  edges.forEach((out, from) => out.forEach((to) => reverse[to]!.push(from)));
  const canEnd = [...endsHere];
  const backlog = canEnd.flatMap((v, i) => (v ? [i] : []));
  while (backlog.length > 0) {
    for (const n of reverse[backlog.shift()!] ?? [])
      if (!canEnd[n]) {
        canEnd[n] = true;
        backlog.push(n);
      }
  }

  const errors: UnplacedError[] = [];
  steps.forEach((step, i) => {
    // A step named like an ending (RESERVED_ID) can never be a target; a target nobody can guess may have meant any step.
    if (!reachable[i] && !isEnding(step.id) && !unguessedTarget)
      errors.push(unplaced('UNREACHABLE_STEP', `/steps/${i}`, { step: step.id }));
  });
  const inLoop = new Set<number>();
  for (const component of components(steps.length, edges)) {
    const looping = component.length > 1 || (edges[component[0]!] ?? []).includes(component[0]!);
    if (!looping || component.some((n) => canEnd[n])) continue;
    const sorted = [...component].sort((a, b) => a - b);
    sorted.forEach((n) => inLoop.add(n));
    errors.push(
      unplaced('LOOP_WITHOUT_EXIT', `/steps/${sorted[0]!}`, {
        steps: sorted.map((n) => `\`${steps[n]!.id}\``).join(', '),
      }),
    );
  }
  // Only the steps that lead straight into such a loop are named: the steps before them are stuck for the same reason.
  steps.forEach((step, i) => {
    const entersLoop = (edges[i] ?? []).some((n) => inLoop.has(n));
    if (reachable[i] && !canEnd[i] && !inLoop.has(i) && entersLoop)
      errors.push(unplaced('NO_PATH_TO_END', `/steps/${i}`, { step: step.id }));
  });
  return errors;
}
