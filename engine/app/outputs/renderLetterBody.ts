/** Formats a date the Indonesian way, e.g. "6 Januari 2025". */
export function indonesianDate(date: Date, timeZone = 'Asia/Jakarta'): string {
  return new Intl.DateTimeFormat('id-ID', { day: 'numeric', month: 'long', year: 'numeric', timeZone }).format(date);
}

/**
 * Fills `{{field}}` placeholders of a letter template with case values as plain text. The result is
 * only ever rendered as text (React text nodes, PDF text), never as HTML, so values cannot inject markup;
 * unknown placeholders stay visible as "…" for the drafter to notice.
 */
export function renderLetterBody(body: string, values: Record<string, unknown>): string {
  return body.replace(/\{\{\s*([A-Za-z_][A-Za-z0-9_.]*)\s*\}\}/g, (_m, name: string) => {
    const value = name
      .split('.')
      .reduce<unknown>(
        (v, key) => (v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[key] : undefined),
        values,
      );
    if (value === undefined || value === null || value === '') return '…';
    if (typeof value === 'boolean') return value ? 'Ya' : 'Tidak';
    return typeof value === 'object' ? JSON.stringify(value) : String(value as string | number);
  });
}
