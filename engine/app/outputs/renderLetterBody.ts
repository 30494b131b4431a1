import { tanggalIndonesia } from '../../time/indonesianMonths.ts';

const PLACEHOLDER = /\{\{\s*([A-Za-z_][A-Za-z0-9_.-]*)\s*\}\}/g;

/** The placeholder names a template text uses, e.g. `fullName` and `steps.asesmen.notes`. */
export function placeholdersOf(text: string): string[] {
  return [...text.matchAll(PLACEHOLDER)].map((m) => m[1]!);
}

/** The value a dotted placeholder names, or undefined. */
export function lookupValue(values: Record<string, unknown>, name: string): unknown {
  return name
    .split('.')
    .reduce<unknown>(
      (v, key) => (v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[key] : undefined),
      values,
    );
}

/** Whether a value counts as empty on a letter. */
export function isEmptyValue(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

/**
 * Fills `{{field}}` placeholders of a letter template with case values as plain text. The result is
 * only ever rendered as text (React text nodes, PDF text), never as HTML, so values cannot inject markup;
 * calendar dates print the Indonesian way ("7 Desember 2026"); unknown placeholders stay visible as "…"
 * (preparing a letter refuses a template's required ones before that).
 */
export function renderLetterBody(body: string, values: Record<string, unknown>): string {
  return body.replace(PLACEHOLDER, (_m, name: string) => {
    const value = lookupValue(values, name);
    if (isEmptyValue(value)) return '…';
    if (typeof value === 'boolean') return value ? 'Ya' : 'Tidak';
    if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return tanggalIndonesia(value);
    return typeof value === 'object' ? JSON.stringify(value) : String(value as string | number);
  });
}
