import { Engine, type TopLevelCondition } from 'json-rules-engine';
import type { RuleCondition } from '../../definition/sopTypes.ts';
import { customOperators, operatorLabel } from '../../rules/ruleOperators.ts';

/** How one comparison of a rule came out, for the "why" shown to staff and drafters. */
export interface CriterionOutcome {
  fact: string;
  path?: string;
  operator: string;
  expected: unknown;
  actual: unknown;
  /** undefined when the engine did not need to evaluate it (short-circuit). */
  passed: boolean | undefined;
  /** Indonesian explanation, e.g. "Berusia sekurang-kurangnya 60 tahun: terpenuhi (nilai 67)". */
  explanation: string;
}

/** Result of evaluating one condition over case data. */
export interface ConditionOutcome {
  passed: boolean;
  criteria: CriterionOutcome[];
}

type EvaluatedNode = {
  all?: EvaluatedNode[];
  any?: EvaluatedNode[];
  not?: EvaluatedNode;
  result?: boolean;
  factResult?: unknown;
};

function display(value: unknown): string {
  if (value === undefined) return 'kosong';
  return typeof value === 'string' ? `"${value}"` : JSON.stringify(value);
}

function describe(
  condition: Extract<RuleCondition, { fact: string }>,
  actual: unknown,
  passed: boolean | undefined,
): string {
  const what =
    condition.label ??
    `${condition.fact}${condition.path ? condition.path.slice(1) : ''} ${operatorLabel(condition.operator, 'id')} ${display(condition.value)}`;
  const verdict = passed === undefined ? 'tidak diperiksa' : passed ? 'terpenuhi' : 'tidak terpenuhi';
  return `${what}: ${verdict} (nilai ${display(actual)})`;
}

function collect(condition: RuleCondition, evaluated: EvaluatedNode | undefined, out: CriterionOutcome[]): void {
  if ('all' in condition) condition.all.forEach((c, i) => collect(c, evaluated?.all?.[i], out));
  else if ('any' in condition) condition.any.forEach((c, i) => collect(c, evaluated?.any?.[i], out));
  else if ('not' in condition) collect(condition.not, evaluated?.not, out);
  else {
    const passed = evaluated?.result;
    const outcome: CriterionOutcome = {
      fact: condition.fact,
      operator: condition.operator,
      expected: condition.value,
      actual: evaluated?.factResult,
      passed,
      explanation: describe(condition, evaluated?.factResult, passed),
    };
    if (condition.path !== undefined) outcome.path = condition.path;
    out.push(outcome);
  }
}

function stripLabels(condition: RuleCondition): TopLevelCondition {
  const strip = (c: RuleCondition): unknown => {
    if ('all' in c) return { all: c.all.map(strip) };
    if ('any' in c) return { any: c.any.map(strip) };
    if ('not' in c) return { not: strip(c.not) };
    const leaf: Record<string, unknown> = { fact: c.fact, operator: c.operator, value: c.value };
    if (c.path !== undefined) leaf.path = c.path;
    return leaf;
  };
  const top = strip(condition) as Record<string, unknown>;
  // json-rules-engine needs all/any/not at the top.
  return ('fact' in top ? { all: [top] } : top) as unknown as TopLevelCondition;
}

/** A condition compiled once into a json-rules-engine engine and evaluated many times. */
export interface CompiledCondition {
  evaluate: (facts: Record<string, unknown>) => Promise<ConditionOutcome>;
}

/** Compiles a definition's condition; evaluation explains every comparison in Indonesian. */
export function compileCondition(condition: RuleCondition): CompiledCondition {
  const engine = new Engine([], { allowUndefinedFacts: true });
  for (const op of customOperators) engine.addOperator(op.name, op.evaluate);
  const top = stripLabels(condition);
  engine.addRule({ conditions: top, event: { type: 'match' } });
  return {
    async evaluate(facts) {
      const { results, failureResults } = await engine.run(facts);
      const result = results[0] ?? failureResults[0];
      const raw: unknown = result?.conditions;
      const tree = (typeof raw === 'string' ? JSON.parse(raw) : raw) as EvaluatedNode | undefined;
      const criteria: CriterionOutcome[] = [];
      const wrapped = 'fact' in condition ? tree?.all?.[0] : tree;
      collect(condition, wrapped, criteria);
      return { passed: results.length > 0, criteria };
    },
  };
}
