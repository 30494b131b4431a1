import { unplaced, type UnplacedError } from '../definitionError.ts';
import type { ResolvedForms } from '../resolveForms.ts';
import { withSuggestion } from '../suggest.ts';
import { collectFactConditions } from '../walkConditions.ts';
import { builtinFacts } from '../../rules/builtinFacts.ts';
import { knownOperators } from '../../rules/ruleOperators.ts';
import { listItemSchema } from './blockRegions.ts';
import type { CheckContext } from './checkContext.ts';

type PropertySchema = { properties?: Record<string, PropertySchema> };

/** All data a rule may read: case data, every step form, derived facts and engine built-ins. */
export function declaredFacts(context: CheckContext, forms: ResolvedForms): Map<string, PropertySchema> {
  const facts = new Map<string, PropertySchema>();
  for (const [name, schema] of Object.entries(forms.caseData.schema.properties)) facts.set(name, schema);
  for (const form of forms.steps.values())
    for (const [name, schema] of Object.entries(form.schema.properties)) facts.set(name, schema);
  // Per-person rules read the person's own fields (the engine merges them over the case data).
  context.sop.steps.forEach((step, i) => {
    const found = step.forEach ? listItemSchema(context.sop.steps, i, forms) : undefined;
    if (found?.kind === 'ok')
      for (const [name, schema] of Object.entries(found.properties))
        if (!facts.has(name) && typeof schema === 'object' && schema !== null) facts.set(name, schema);
  });
  for (const derived of context.sop.derivedFacts ?? []) facts.set(derived.id, {});
  for (const name of Object.keys(builtinFacts)) facts.set(name, {});
  return facts;
}

/** Rules only read declared data, through paths that exist, with known operators. */
export function checkFacts(context: CheckContext, forms: ResolvedForms): UnplacedError[] {
  const facts = declaredFacts(context, forms);
  const names = [...facts.keys()];
  const errors: UnplacedError[] = [];
  (context.sop.derivedFacts ?? []).forEach((derived, i) => {
    if (!facts.has(derived.of) || derived.of === derived.id)
      errors.push(
        unplaced('UNKNOWN_FACT', `/derivedFacts/${i}/of`, withSuggestion({ fact: derived.of }, derived.of, names)),
      );
  });
  for (const { condition, path } of collectFactConditions(context.sop)) {
    if (!knownOperators.includes(condition.operator)) {
      errors.push(
        unplaced(
          'UNKNOWN_OPERATOR',
          `${path}/operator`,
          withSuggestion(
            { operator: condition.operator, known: knownOperators.join(', ') },
            condition.operator,
            knownOperators,
          ),
        ),
      );
    }
    const schema = facts.get(condition.fact);
    if (!schema) {
      errors.push(
        unplaced('UNKNOWN_FACT', `${path}/fact`, withSuggestion({ fact: condition.fact }, condition.fact, names)),
      );
      continue;
    }
    if (condition.path === undefined) continue;
    let current: PropertySchema | undefined = schema;
    for (const segment of condition.path.slice(2).split('.')) {
      // Free-form objects (no declared properties) accept any path.
      if (!current?.properties) break;
      const next: PropertySchema | undefined = current.properties[segment];
      if (!next) {
        errors.push(
          unplaced(
            'UNKNOWN_FACT_PATH',
            `${path}/path`,
            withSuggestion({ fact: condition.fact, path: condition.path }, segment, Object.keys(current.properties)),
          ),
        );
        break;
      }
      current = next;
    }
  }
  return errors;
}
