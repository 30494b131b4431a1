import type { ExecutableSop } from '../compileSop.ts';
import { buildFacts } from '../rules/buildFacts.ts';
import { emit, type Transition } from '../transition.ts';

/**
 * Evaluates the Kriteria Sasaran once all the data they read is present, and again whenever
 * a command changes that data; each criterion keeps its Indonesian explanation.
 */
export async function evaluateEligibility(
  t: Transition,
  exe: ExecutableSop,
  changedFields: readonly string[],
): Promise<void> {
  if (exe.eligibility.length === 0) return;
  const facts = buildFacts(exe.definition, t.state.data, {}, t.context.now);
  const needed = new Set(exe.eligibility.flatMap((c) => c.facts));
  const derivedSources = new Map((exe.definition.derivedFacts ?? []).map((d) => [d.id, d.of]));
  const touched = changedFields.some(
    (f) => needed.has(f) || [...derivedSources.entries()].some(([id, of]) => of === f && needed.has(id)),
  );
  if (t.state.eligibility && !touched) return;
  // "Complete" means every fact read by some criterion has a value; "any" groups may leave some empty.
  const missing = exe.eligibility.filter((c) => c.facts.every((f) => facts[f] === undefined));
  if (missing.length > 0) return;
  const criteria = [];
  for (const c of exe.eligibility)
    criteria.push({ id: c.id, text: c.text, outcome: await c.condition.evaluate(facts) });
  const passed = criteria.every((c) => c.outcome.passed);
  t.state.eligibility = { passed, evaluatedAt: t.context.now.toISOString(), criteria };
  emit(t, {
    type: 'eligibility.evaluated',
    payload: {
      passed,
      criteria: criteria.map((c) => ({
        id: c.id,
        text: c.text,
        passed: c.outcome.passed,
        explanations: c.outcome.criteria.map((x) => x.explanation),
      })),
    },
  });
}
