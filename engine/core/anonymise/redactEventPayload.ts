/** Keys whose values are personal by nature: form answers, free notes, rule explanations quoting values. */
const REMOVED_KEYS = new Set([
  'formData',
  'data',
  'note',
  'explanation',
  'explanations',
  'actual',
  'comment',
  'values',
]);
/** Free-text keys kept for statistics (rejection and send-back reasons) with number runs masked. */
const MASKED_KEYS = new Set(['reason', 'recipient', 'decisionNote', 'returnNote']);

function maskDigits(text: string): string {
  return text.replace(/\d{6,}/g, (m) => '•'.repeat(m.length));
}

function redact(value: unknown, key: string | undefined): unknown {
  if (key !== undefined && MASKED_KEYS.has(key) && typeof value === 'string') return maskDigits(value);
  if (Array.isArray(value)) return value.map((v) => redact(v, undefined));
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    if (k === 'formData' && v !== null && typeof v === 'object')
      out.formFields = Object.keys(v as Record<string, unknown>);
    else if (!REMOVED_KEYS.has(k)) out[k] = redact(v, k);
  }
  return out;
}

/**
 * An event payload without personal data: form answers become the list of their field names, notes
 * and explanations go, reasons keep their words but lose number runs (NIK, KK, phone). Types, steps,
 * outcomes, choices, criteria results, missing documents and times stay, so statistics still add up.
 */
export function redactEventPayload(payload: Record<string, unknown>): Record<string, unknown> {
  return redact(payload, undefined) as Record<string, unknown>;
}
