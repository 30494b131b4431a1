import { CASE_ENDINGS, type RawStep } from './sopTypes.ts';

/** Whether a target names a case ending rather than a step. */
export function isEnding(target: string): boolean {
  return (CASE_ENDINGS as readonly string[]).includes(target);
}

/** The step a step flows to when it declares neither next, decision nor end: the row below, or "selesai" after the last row. */
export function defaultNext(steps: readonly RawStep[], index: number): string {
  return steps[index + 1]?.id ?? 'selesai';
}

/**
 * Outgoing flow targets of each step (step ids or endings); send-backs are not flow edges. A fork leads to
 * each branch's first step and a per-person block to its first step; those paths then lead on to the join.
 */
export function flowTargets(steps: readonly RawStep[], index: number): string[] {
  const step = steps[index];
  if (!step || step.end !== undefined) return [];
  if (step.parallel) return [...step.parallel.branches];
  if (step.forEach) return [step.forEach.start];
  if (step.decision) return step.decision.branches.map((b) => b.goto);
  return [step.next ?? defaultNext(steps, index)];
}
