import { isEnding } from '../definition/flowGraph.ts';
import type { SopDefinition, Step } from '../definition/sopTypes.ts';

/** One visit of a step in a planned walk, with the decision branch to take there. */
export interface PlannedVisit {
  stepId: string;
  branch?: string;
}

/** A walk through an SOP from its first step to an ending. */
export interface Scenario {
  name: string;
  visits: PlannedVisit[];
  ending: string;
}

type Edge = { to: string; branch?: string };

function edgesOf(step: Step): Edge[] {
  if (step.end !== undefined) return [{ to: step.end }];
  // A block is walked as one stretch of the outer flow: its branches or persons are worked through until the join.
  const block = step.parallel ?? step.forEach;
  if (block) return [{ to: block.join }];
  if (step.decision) return step.decision.branches.map((b) => ({ to: b.goto, branch: b.label }));
  return [{ to: step.next! }];
}

/** Shortest walk from a step to the goal (a step id, or any ending when goal is undefined). */
function shortestWalk(
  definition: SopDefinition,
  from: string,
  goal: string | undefined,
): { visits: PlannedVisit[]; ending: string } | undefined {
  const steps = new Map(definition.steps.map((s) => [s.id, s]));
  const parent = new Map<string, { prev: string; branch?: string } | null>([[from, null]]);
  const queue = [from];
  while (queue.length > 0) {
    const id = queue.shift()!;
    if (id === goal || (goal === undefined && isEnding(id))) {
      const visits: PlannedVisit[] = [];
      let cursor: string | undefined = id;
      let branchInto: string | undefined;
      while (cursor !== undefined) {
        const link = parent.get(cursor);
        if (!isEnding(cursor))
          visits.unshift(branchInto !== undefined ? { stepId: cursor, branch: branchInto } : { stepId: cursor });
        branchInto = link?.branch;
        cursor = link?.prev;
      }
      return { visits, ending: id };
    }
    const step = steps.get(id);
    if (!step) continue;
    for (const edge of edgesOf(step)) {
      if (parent.has(edge.to)) continue;
      parent.set(edge.to, edge.branch !== undefined ? { prev: id, branch: edge.branch } : { prev: id });
      queue.push(edge.to);
    }
  }
  return undefined;
}

/** The happy path plus one walk per decision branch, each from the first step to an ending. */
export function planScenarios(definition: SopDefinition): Scenario[] {
  const first = definition.steps[0]!.id;
  const scenarios: Scenario[] = [];
  const happy = shortestWalk(definition, first, 'selesai') ?? shortestWalk(definition, first, undefined);
  if (happy) scenarios.push({ name: 'jalur utama', ...happy });
  for (const step of definition.steps) {
    if (!step.decision) continue;
    const prefix = shortestWalk(definition, first, step.id);
    if (!prefix) continue;
    for (const branch of step.decision.branches) {
      const visits = [...prefix.visits.slice(0, -1), { stepId: step.id, branch: branch.label }];
      if (isEnding(branch.goto)) {
        scenarios.push({ name: `${step.id} → ${branch.label}`, visits, ending: branch.goto });
        continue;
      }
      const suffix = shortestWalk(definition, branch.goto, undefined);
      if (!suffix) continue;
      scenarios.push({
        name: `${step.id} → ${branch.label}`,
        visits: [...visits, ...suffix.visits],
        ending: suffix.ending,
      });
    }
  }
  return scenarios;
}
