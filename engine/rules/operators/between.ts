import type { CustomOperator } from './customOperator.ts';

/** `between`: a number lies in [min, max], inclusive, e.g. age between 30 and 50 for prospective adoptive parents. */
export const between: CustomOperator = {
  name: 'between',
  label: { id: 'di antara', en: 'between' },
  evaluate: (factValue, bounds) =>
    Array.isArray(bounds) &&
    bounds.length === 2 &&
    typeof factValue === 'number' &&
    factValue >= Number(bounds[0]) &&
    factValue <= Number(bounds[1]),
};
