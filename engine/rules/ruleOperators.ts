import { between } from './operators/between.ts';
import type { CustomOperator } from './operators/customOperator.ts';
import { matches } from './operators/matches.ts';

/** Operators json-rules-engine provides, with Indonesian labels for explanations. */
export const builtinOperatorLabels: Record<string, { id: string; en: string }> = {
  equal: { id: 'sama dengan', en: 'equals' },
  notEqual: { id: 'tidak sama dengan', en: 'does not equal' },
  lessThan: { id: 'kurang dari', en: 'less than' },
  lessThanInclusive: { id: 'paling banyak', en: 'at most' },
  greaterThan: { id: 'lebih dari', en: 'greater than' },
  greaterThanInclusive: { id: 'sedikitnya', en: 'at least' },
  in: { id: 'salah satu dari', en: 'one of' },
  notIn: { id: 'bukan salah satu dari', en: 'none of' },
  contains: { id: 'memuat', en: 'contains' },
  doesNotContain: { id: 'tidak memuat', en: 'does not contain' },
};

/** Operators Alur registers on top of the built-ins; one file each under operators/. */
export const customOperators: readonly CustomOperator[] = [matches, between];

/** Every operator name a definition may use. */
export const knownOperators: readonly string[] = [
  ...Object.keys(builtinOperatorLabels),
  ...customOperators.map((o) => o.name),
];

/** Label of an operator in the given language. */
export function operatorLabel(name: string, language: 'id' | 'en'): string {
  const custom = customOperators.find((o) => o.name === name);
  return (custom?.label ?? builtinOperatorLabels[name])?.[language] ?? name;
}
