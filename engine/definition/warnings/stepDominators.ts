import { isEnding } from '../flowGraph.ts';
import type { Step } from '../sopTypes.ts';

function successors(step: Step): string[] {
  const out =
    step.end !== undefined
      ? []
      : step.decision
        ? step.decision.branches.map((b) => b.goto)
        : step.next
          ? [step.next]
          : [];
  return [...out, ...(step.sendBack ? [step.sendBack.to] : [])].filter((t) => !isEnding(t));
}

/**
 * For each step, the steps every case passes before reaching it (its dominators, itself included),
 * from the first step along next, decision branches and send-backs.
 */
export function stepDominators(steps: readonly Step[]): Map<string, Set<string>> {
  const ids = steps.map((s) => s.id);
  const preds = new Map<string, string[]>(ids.map((id) => [id, []]));
  steps.forEach((s) => successors(s).forEach((t) => preds.get(t)?.push(s.id)));
  const dom = new Map<string, Set<string>>(ids.map((id, i) => [id, new Set(i === 0 ? [id] : ids)]));
  for (let changed = true; changed;) {
    changed = false;
    for (const id of ids.slice(1)) {
      const from = preds.get(id)!.map((p) => dom.get(p)!);
      const meet =
        from.length === 0 ? new Set<string>() : new Set([...from[0]!].filter((d) => from.every((f) => f.has(d))));
      meet.add(id);
      if (meet.size !== dom.get(id)!.size) {
        dom.set(id, meet);
        changed = true;
      }
    }
  }
  return dom;
}
