import type { RuleCondition } from '../definition/sopTypes.ts';

/** Fact values that make a condition come out as wanted (best effort: later requirements win conflicts). */
export function satisfyCondition(
  condition: RuleCondition,
  want: boolean,
  out: Record<string, unknown> = {},
): Record<string, unknown> {
  if ('all' in condition) {
    if (want) condition.all.forEach((c) => satisfyCondition(c, true, out));
    else if (condition.all[0]) satisfyCondition(condition.all[0], false, out);
    return out;
  }
  if ('any' in condition) {
    if (want && condition.any[0]) satisfyCondition(condition.any[0], true, out);
    else if (!want) condition.any.forEach((c) => satisfyCondition(c, false, out));
    return out;
  }
  if ('not' in condition) return satisfyCondition(condition.not, !want, out);
  const v = condition.value;
  const other = (x: unknown): unknown =>
    typeof x === 'boolean' ? !x : typeof x === 'number' ? x + 1 : `${String(x)}-lain`;
  let value: unknown;
  switch (condition.operator) {
    case 'equal':
      value = want ? v : other(v);
      break;
    case 'notEqual':
      value = want ? other(v) : v;
      break;
    case 'greaterThan':
      value = want ? Number(v) + 1 : Number(v);
      break;
    case 'greaterThanInclusive':
      value = want ? Number(v) : Number(v) - 1;
      break;
    case 'lessThan':
      value = want ? Number(v) - 1 : Number(v);
      break;
    case 'lessThanInclusive':
      value = want ? Number(v) : Number(v) + 1;
      break;
    case 'in':
      value = want ? (v as unknown[])[0] : 'bukan-salah-satu';
      break;
    case 'notIn':
      value = want ? 'bukan-salah-satu' : (v as unknown[])[0];
      break;
    case 'contains':
      value = want ? [v] : [];
      break;
    case 'doesNotContain':
      value = want ? [] : [v];
      break;
    case 'between': {
      const [lo, hi] = v as [number, number];
      value = want ? lo : hi + 1;
      break;
    }
    default:
      value = want ? v : other(v);
  }
  if (condition.path !== undefined) {
    const segments = condition.path.slice(2).split('.');
    const root = (out[condition.fact] ?? {}) as Record<string, unknown>;
    let node = root;
    segments.slice(0, -1).forEach((s) => {
      node[s] = node[s] ?? {};
      node = node[s] as Record<string, unknown>;
    });
    node[segments[segments.length - 1]!] = value;
    out[condition.fact] = root;
  } else out[condition.fact] = value;
  return out;
}
