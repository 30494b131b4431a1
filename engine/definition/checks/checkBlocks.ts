import { unplaced, type UnplacedError } from '../definitionError.ts';
import { defaultNext, isEnding } from '../flowGraph.ts';
import type { ResolvedForms } from '../resolveForms.ts';
import type { RawStep } from '../sopTypes.ts';
import { withSuggestion } from '../suggest.ts';
import type { CheckContext } from './checkContext.ts';
import { blockRegions, listItemSchema, type BlockRegion } from './blockRegions.ts';

/** The flow targets a step declares, each with the path a drafter would fix. */
function targetsWithPaths(steps: readonly RawStep[], index: number): Array<{ target: string; path: string }> {
  const step = steps[index]!;
  const base = `/steps/${index}`;
  if (step.end !== undefined) return [];
  if (step.decision)
    return step.decision.branches.map((b, i) => ({ target: b.goto, path: `${base}/decision/branches/${i}/goto` }));
  if (step.next !== undefined) return [{ target: step.next, path: `${base}/next` }];
  return [{ target: defaultNext(steps, index), path: base }];
}

/** A block step names its own way on (branches or start, and the join) and takes no `next`, `decision` or `end`. */
function flowKeyErrors(step: RawStep, base: string): UnplacedError[] {
  const key = step.parallel ? 'parallel' : 'forEach';
  const extra = (['next', 'decision', 'end'] as const).filter((k) => step[k] !== undefined);
  return extra.map((k) => unplaced('BLOCK_WITH_FLOW', `${base}/${k}`, { key, extra: k }, true));
}

/** The steps a block names (branches, start, join) exist. */
function unknownStepErrors(step: RawStep, base: string, stepIds: string[]): UnplacedError[] {
  const named: Array<{ id: string; path: string }> = step.parallel
    ? [
        ...step.parallel.branches.map((id, i) => ({ id, path: `${base}/parallel/branches/${i}` })),
        { id: step.parallel.join, path: `${base}/parallel/join` },
      ]
    : step.forEach
      ? [
          { id: step.forEach.start, path: `${base}/forEach/start` },
          { id: step.forEach.join, path: `${base}/forEach/join` },
        ]
      : [];
  return named
    .filter((n) => !stepIds.includes(n.id))
    .map((n) => unplaced('BLOCK_UNKNOWN_STEP', n.path, withSuggestion({ step: n.id }, n.id, stepIds)));
}

/** `forEach.list` is a list of persons (array of objects) of the case data or of a form before the block; `label` one of their fields. */
function listErrors(steps: readonly RawStep[], index: number, forms: ResolvedForms): UnplacedError[] {
  const forEach = steps[index]!.forEach;
  if (!forEach) return [];
  const base = `/steps/${index}/forEach`;
  const found = listItemSchema(steps, index, forms);
  if (found.kind === 'unknown')
    return [
      unplaced(
        'FOREACH_UNKNOWN_LIST',
        `${base}/list`,
        withSuggestion({ list: forEach.list, known: found.known.join(', ') || '-' }, forEach.list, found.known),
      ),
    ];
  if (found.kind === 'notObjects')
    return [unplaced('FOREACH_LIST_NOT_OBJECTS', `${base}/list`, { list: forEach.list })];
  const fields = Object.keys(found.properties);
  if (forEach.label !== undefined && !fields.includes(forEach.label))
    return [
      unplaced(
        'FOREACH_UNKNOWN_LABEL',
        `${base}/label`,
        withSuggestion(
          { label: forEach.label, list: forEach.list, known: fields.join(', ') || '-' },
          forEach.label,
          fields,
        ),
      ),
    ];
  return [];
}

/** The paths of one block's threads: they meet at the join, stay inside, end the case only where allowed. */
function regionErrors(steps: readonly RawStep[], region: BlockRegion, outside: ReadonlySet<number>): UnplacedError[] {
  const errors: UnplacedError[] = [];
  const join = steps[region.fork]!.parallel?.join ?? steps[region.fork]!.forEach?.join;
  const perPerson = region.kind === 'forEach';
  for (const thread of region.threads) {
    const before = errors.length;
    for (const member of thread.steps) {
      const step = steps[member]!;
      if (step.parallel || step.forEach)
        errors.push(
          unplaced(
            'BLOCK_NESTED',
            `/steps/${member}/${step.parallel ? 'parallel' : 'forEach'}`,
            { step: step.id },
            true,
          ),
        );
      if (perPerson && step.end !== undefined)
        errors.push(unplaced('FOREACH_ENDS_CASE', `/steps/${member}/end`, { step: step.id, join: join ?? '' }));
      for (const { target, path } of targetsWithPaths(steps, member)) {
        if (target === join) continue;
        if (isEnding(target)) {
          if (perPerson) errors.push(unplaced('FOREACH_ENDS_CASE', path, { step: step.id, join: join ?? '' }));
          continue;
        }
        const to = steps.findIndex((s) => s.id === target);
        if (to >= 0 && (outside.has(to) || to === region.fork))
          errors.push(unplaced('BLOCK_PATH_LEAVES', path, { step: step.id, target, join: join ?? '' }));
      }
    }
    // A thread that leaves the block is told so once; that it then misses the join follows from it.
    if (!thread.reachesJoin && !errors.slice(before).some((e) => e.code === 'BLOCK_PATH_LEAVES'))
      errors.push(unplaced('BLOCK_BRANCH_NO_JOIN', thread.path, { start: thread.start, join: join ?? '' }));
  }
  return errors;
}

/**
 * Parallel blocks (fork/join) and per-person blocks (forEach) are well formed. Semantics decided here and
 * in the engine: an ending reached inside a parallel branch ends the whole case and cancels the sibling
 * branches' tasks; a per-person path cannot end the case (an ineligible person goes on to the join with
 * that recorded in their own data); blocks do not nest; send-backs stay within their branch or person.
 */
export function checkBlocks({ sop }: CheckContext, forms: ResolvedForms): UnplacedError[] {
  const steps = sop.steps;
  const stepIds = steps.map((s) => s.id);
  const errors: UnplacedError[] = [];
  const blocks = steps.flatMap((s, i) => (s.parallel || s.forEach ? [i] : []));
  if (blocks.length === 0) return [];
  for (const i of blocks) {
    const base = `/steps/${i}`;
    errors.push(
      ...flowKeyErrors(steps[i]!, base),
      ...unknownStepErrors(steps[i]!, base, stepIds),
      ...listErrors(steps, i, forms),
    );
  }
  if (errors.some((e) => e.code === 'BLOCK_UNKNOWN_STEP')) return errors;
  const { regions, owner, shared, outsideOf } = blockRegions(steps);
  for (const region of regions) errors.push(...regionErrors(steps, region, outsideOf(region)));
  // Nested blocks are refused as such; the steps they then seem to share are not reported again.
  if (!errors.some((e) => e.code === 'BLOCK_NESTED'))
    for (const member of shared)
      errors.push(unplaced('BLOCK_STEP_SHARED', `/steps/${member}`, { step: steps[member]!.id }));
  steps.forEach((step, i) => {
    if (!step.sendBack) return;
    const to = stepIds.indexOf(step.sendBack.to);
    if (to < 0) return;
    if (owner.get(i) !== owner.get(to))
      errors.push(
        unplaced('BLOCK_SEND_BACK_CROSSES', `/steps/${i}/sendBack/to`, { step: step.id, target: step.sendBack.to }),
      );
  });
  return errors;
}
