import { AppError } from '../app/appErrors.ts';

/**
 * Refuses text containing U+0000 anywhere in a body, query or path (400). PostgreSQL cannot store it
 * in text or jsonb and would fail the request with a 500; no legitimate form field contains it.
 */
export function assertNoNulCharacters(value: unknown, where: string): void {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const current = stack.pop();
    if (typeof current === 'string') {
      if (current.includes('\u0000'))
        throw new AppError('BAD_REQUEST', 'Data berisi karakter NUL yang tidak diperbolehkan.', where);
    } else if (current !== null && typeof current === 'object') {
      for (const [key, child] of Object.entries(current as Record<string, unknown>)) {
        if (key.includes('\u0000'))
          throw new AppError('BAD_REQUEST', 'Data berisi karakter NUL yang tidak diperbolehkan.', where);
        stack.push(child);
      }
    }
  }
}
