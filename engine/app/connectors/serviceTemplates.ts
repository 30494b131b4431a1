const WHOLE = /^\{\{\s*([A-Za-z][A-Za-z0-9_]*)\s*\}\}$/;
const PART = /\{\{\s*([A-Za-z][A-Za-z0-9_]*)\s*\}\}/g;

/** Builds a connector request from case data: "{{field}}" keeps the value's type, text around placeholders makes a string. */
export function buildServiceRequest(
  template: Record<string, string | number | boolean> | undefined,
  data: Record<string, unknown>,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(template ?? {})) {
    if (typeof value !== 'string') out[key] = value;
    else {
      const whole = WHOLE.exec(value);
      out[key] = whole
        ? (data[whole[1]!] ?? null)
        : value.replace(PART, (_, name: string) => {
            const v = data[name];
            return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? String(v) : '';
          });
    }
  }
  return out;
}

/** Maps a reply into case data: { caseField: "path.in.reply" }; missing paths are left out. */
export function mapServiceReply(mapping: Record<string, string> | undefined, reply: unknown): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [field, path] of Object.entries(mapping ?? {})) {
    let value: unknown = reply;
    for (const part of path.split('.'))
      value = value && typeof value === 'object' ? (value as Record<string, unknown>)[part] : undefined;
    if (value !== undefined) out[field] = value;
  }
  return out;
}
