import { AppError } from '../app/appErrors.ts';

/** Deepest JSON nesting a request may carry; real forms stay far below it. */
export const MAX_JSON_DEPTH = 32;

/**
 * Refuses bodies nested deeper than `max` (400) before anything recursive (validation, JSON.stringify,
 * jsonb) touches them: a 256 kB body of brackets would otherwise overflow the stack into a 500.
 */
export function assertJsonDepth(value: unknown, max = MAX_JSON_DEPTH): void {
  const stack: Array<{ value: unknown; depth: number }> = [{ value, depth: 0 }];
  while (stack.length > 0) {
    const { value: current, depth } = stack.pop()!;
    if (current === null || typeof current !== 'object') continue;
    if (depth >= max)
      throw new AppError('BAD_REQUEST', `Data yang dikirim bersarang terlalu dalam (lebih dari ${max} tingkat).`);
    for (const child of Array.isArray(current) ? current : Object.values(current as Record<string, unknown>))
      stack.push({ value: child, depth: depth + 1 });
  }
}
