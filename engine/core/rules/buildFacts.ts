import type { SopDefinition } from '../../definition/sopTypes.ts';

function yearsSince(value: unknown, now: Date): number | undefined {
  if (typeof value !== 'string') return undefined;
  const date = new Date(`${value.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return undefined;
  let years = now.getUTCFullYear() - date.getUTCFullYear();
  const beforeBirthday =
    now.getUTCMonth() < date.getUTCMonth() ||
    (now.getUTCMonth() === date.getUTCMonth() && now.getUTCDate() < date.getUTCDate());
  if (beforeBirthday) years -= 1;
  return years;
}

/** The facts a rule sees: case data, derived facts (age from a birth date…) and engine built-ins. */
export function buildFacts(
  definition: SopDefinition,
  data: Record<string, unknown>,
  extra: Record<string, unknown>,
  now: Date,
): Record<string, unknown> {
  const facts: Record<string, unknown> = { ...data, regency: definition.regency, ...extra };
  for (const derived of definition.derivedFacts ?? []) {
    const source = data[derived.of];
    facts[derived.id] =
      derived.function === 'yearsSince' ? yearsSince(source, now) : Array.isArray(source) ? source.length : undefined;
  }
  return facts;
}
