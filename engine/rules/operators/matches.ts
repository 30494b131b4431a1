import type { CustomOperator } from './customOperator.ts';

/** `matches`: the fact, as text, matches a regular expression (e.g. a 16-digit NIK starting with the regency code). */
export const matches: CustomOperator = {
  name: 'matches',
  label: { id: 'cocok dengan pola', en: 'matches pattern' },
  evaluate: (factValue, pattern) =>
    typeof pattern === 'string' &&
    (typeof factValue === 'string' || typeof factValue === 'number') &&
    new RegExp(pattern).test(String(factValue)),
};
