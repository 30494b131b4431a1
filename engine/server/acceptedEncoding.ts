/** Precompressed variants Alur ships, in order of preference. */
export type Encoding = 'br' | 'gzip';

/**
 * Picks the best precompressed encoding the client accepts from an `Accept-Encoding` header
 * (`br` before `gzip`; `;q=0` refuses one; `*` accepts both), or undefined for the plain file.
 */
export function acceptedEncoding(header: string | undefined, available: ReadonlySet<Encoding>): Encoding | undefined {
  if (!header) return undefined;
  const weights = new Map<string, number>();
  for (const part of header.split(',')) {
    const [name = '', ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const weight = q === undefined ? 1 : Number(q.slice(2));
    weights.set(name.trim(), Number.isFinite(weight) ? weight : 0);
  }
  for (const encoding of ['br', 'gzip'] as const) {
    const weight = weights.get(encoding) ?? weights.get('*') ?? 0;
    if (weight > 0 && available.has(encoding)) return encoding;
  }
  return undefined;
}
