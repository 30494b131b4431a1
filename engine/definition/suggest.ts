import { closest, distance } from 'fastest-levenshtein';

/**
 * Returns the closest known name to a misspelt one, if it is close enough to be a likely typo: about one
 * edit per three characters, or a longer name that contains the input (`tolak` → `ditolak`).
 * Short names need a close match: `sktm` is two edits from `ktp`, but not a typo of it.
 */
export function suggest(input: string, known: readonly string[]): string | undefined {
  if (known.length === 0 || input.length === 0) return undefined;
  const candidate = closest(input, [...known]);
  const limit = Math.max(1, Math.floor(input.length / 3));
  // Only a name that contains the input: `greaterThanOrEqual` contains `greaterThan` but does not mean it.
  const nested = input.length >= 3 && candidate.includes(input);
  return distance(input, candidate) <= limit || nested ? candidate : undefined;
}

/** Adds `candidate` to error params when a close match exists. */
export function withSuggestion<T extends Record<string, string | number>>(
  params: T,
  input: string,
  known: readonly string[],
): T & { candidate?: string } {
  const candidate = suggest(input, known);
  return candidate === undefined ? params : { ...params, candidate };
}
