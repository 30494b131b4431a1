import { AppError } from '../app/appErrors.ts';

/** A high surrogate not followed by a low one, or a low one not preceded by a high one (half an emoji). */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function problemOf(text: string): string | undefined {
  if (text.includes('\u0000')) return 'Data berisi karakter NUL yang tidak diperbolehkan.';
  if (LONE_SURROGATE.test(text))
    return 'Data berisi karakter yang rusak (separuh emoji atau karakter UTF-16 tunggal). Ketik ulang teks itu lalu kirim lagi.';
  return undefined;
}

function escapePointer(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}

/**
 * Refuses text PostgreSQL cannot store or that would be stored broken (400 naming the field): U+0000
 * anywhere, lone UTF-16 surrogates (JSON escapes like "\ud83d" can carry them; jsonb refuses them) and
 * empty object keys (a field without a name cannot be shown, checked or used as a rule fact).
 */
export function assertCleanText(value: unknown, where: string): void {
  const stack: Array<{ value: unknown; path: string }> = [{ value, path: where }];
  while (stack.length > 0) {
    const { value: current, path } = stack.pop()!;
    if (typeof current === 'string') {
      const problem = problemOf(current);
      if (problem) throw new AppError('BAD_REQUEST', problem, path);
    } else if (current !== null && typeof current === 'object') {
      const isArray = Array.isArray(current);
      for (const [key, child] of Object.entries(current as Record<string, unknown>)) {
        const childPath = `${path}/${escapePointer(problemOf(key) ? '?' : key)}`;
        if (!isArray) {
          const problem = problemOf(key);
          if (problem) throw new AppError('BAD_REQUEST', problem, childPath);
          if (key.trim() === '')
            throw new AppError('BAD_REQUEST', 'Nama isian tidak boleh kosong. Periksa data yang dikirim.', childPath);
        }
        stack.push({ value: child, path: childPath });
      }
    }
  }
}
