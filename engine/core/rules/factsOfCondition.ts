/** Collects the fact names a json-rules-engine condition reads (all, any, not, and plain facts). */
export function factsOfCondition(condition: unknown, out: Set<string>): Set<string> {
  if (condition && typeof condition === 'object') {
    const c = condition as Record<string, unknown>;
    if (typeof c.fact === 'string') out.add(c.fact);
    for (const key of ['all', 'any'])
      if (Array.isArray(c[key])) for (const child of c[key] as unknown[]) factsOfCondition(child, out);
    if (c.not) factsOfCondition(c.not, out);
  }
  return out;
}
