import type { RuleCondition } from '../../../engine/definition/sopTypes.ts';

/** A case field a rule can read, as the drafter knows it (its label and kind). */
export interface RuleField {
  name: string;
  label: string;
  kind: 'teks' | 'angka' | 'yaTidak' | 'pilihan' | 'tanggal';
  options?: string[];
}

/** Operators offered in the builder, in Indonesian as drafters say them. */
export const RULE_OPERATORS = [
  { id: 'equal', label: 'sama dengan', kinds: ['teks', 'angka', 'yaTidak', 'pilihan', 'tanggal'] },
  { id: 'notEqual', label: 'tidak sama dengan', kinds: ['teks', 'angka', 'yaTidak', 'pilihan', 'tanggal'] },
  { id: 'greaterThanInclusive', label: 'paling sedikit', kinds: ['angka'] },
  { id: 'lessThanInclusive', label: 'paling banyak', kinds: ['angka'] },
  { id: 'greaterThan', label: 'lebih dari', kinds: ['angka'] },
  { id: 'lessThan', label: 'kurang dari', kinds: ['angka'] },
  { id: 'in', label: 'salah satu dari', kinds: ['teks', 'pilihan'] },
  { id: 'notIn', label: 'bukan salah satu dari', kinds: ['teks', 'pilihan'] },
] as const;

/** One comparison: "Usia paling sedikit 60". */
export interface Clause {
  fact: string;
  operator: string;
  value: string | number | boolean | string[];
}

/** A rule as the builder edits it: comparisons joined by "semua" (all) or "salah satu" (any). */
export interface SimpleRule {
  join: 'all' | 'any';
  clauses: Clause[];
}

function valueText(value: Clause['value']): string {
  if (typeof value === 'boolean') return value ? 'Ya' : 'Tidak';
  if (Array.isArray(value)) return value.join(', ');
  return String(value);
}

/** The Indonesian sentence of a comparison, from the field's label: "Usia paling sedikit 60". */
export function describeClause(clause: Clause, fields: readonly RuleField[]): string {
  const field = fields.find((f) => f.name === clause.fact);
  const operator = RULE_OPERATORS.find((o) => o.id === clause.operator)?.label ?? clause.operator;
  return `${field?.label ?? clause.fact} ${operator} ${valueText(clause.value)}`;
}

/** Reads a condition the builder can show (one level of all/any over comparisons); undefined otherwise. */
export function readRule(condition: RuleCondition | undefined): SimpleRule | undefined {
  if (!condition) return { join: 'all', clauses: [] };
  const leaf = (c: RuleCondition): Clause | undefined =>
    'fact' in c && c.path === undefined
      ? { fact: c.fact, operator: c.operator, value: c.value as Clause['value'] }
      : undefined;
  if ('fact' in condition) {
    const clause = leaf(condition);
    return clause ? { join: 'all', clauses: [clause] } : undefined;
  }
  const list = 'all' in condition ? condition.all : 'any' in condition ? condition.any : undefined;
  if (!list) return undefined;
  const clauses = list.map(leaf);
  if (clauses.some((c) => c === undefined)) return undefined;
  return { join: 'all' in condition ? 'all' : 'any', clauses: clauses as Clause[] };
}

/**
 * Writes the rule as a json-rules-engine condition, each comparison labelled with its Indonesian sentence
 * so the case timeline and the simulation explain it in the drafter's words. No comparisons → undefined.
 */
export function writeRule(rule: SimpleRule, fields: readonly RuleField[]): RuleCondition | undefined {
  const leaves = rule.clauses.map((c) => ({
    fact: c.fact,
    operator: c.operator,
    value: c.value,
    label: describeClause(c, fields),
  }));
  if (leaves.length === 0) return undefined;
  if (leaves.length === 1) return leaves[0]!;
  return rule.join === 'all' ? { all: leaves } : { any: leaves };
}

/** A typed value from what the drafter typed, by the field's kind ("60" → 60, "a, b" → [a, b] for lists). */
export function typedValue(text: string, field: RuleField | undefined, operator: string): Clause['value'] {
  if (operator === 'in' || operator === 'notIn')
    return text
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s.length > 0);
  if (field?.kind === 'angka') return text.trim() === '' ? 0 : Number(text.replace(',', '.'));
  if (field?.kind === 'yaTidak') return text === 'true' || /^ya$/i.test(text);
  return text;
}

/** A sample value typed into the try-out box, read by the field's kind. */
export function sampleValue(text: string, field: RuleField | undefined): unknown {
  if (text === '') return undefined;
  if (field?.kind === 'angka') return Number(text.replace(',', '.'));
  if (field?.kind === 'yaTidak') return text === 'true';
  return text;
}

/** The case fields a rule may read, from a resolved form schema's properties. */
export function ruleFields(properties: Record<string, unknown>): RuleField[] {
  return Object.entries(properties).flatMap(([name, p]) => {
    if (p === null || typeof p !== 'object') return [];
    const prop = p as { type?: unknown; title?: unknown; enum?: unknown; format?: unknown };
    const label = typeof prop.title === 'string' ? prop.title : name;
    const kind: RuleField['kind'] =
      prop.type === 'boolean'
        ? 'yaTidak'
        : prop.type === 'number' || prop.type === 'integer'
          ? 'angka'
          : Array.isArray(prop.enum)
            ? 'pilihan'
            : prop.format === 'date'
              ? 'tanggal'
              : 'teks';
    const field: RuleField = { name, label, kind };
    if (Array.isArray(prop.enum)) field.options = prop.enum.map(String);
    return [field];
  });
}
