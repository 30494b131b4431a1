/** A lowercase identifier from Indonesian text: "Surat Pengantar RT" → "surat-pengantar-rt". */
export function slugId(text: string): string {
  const slug = text
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return slug === '' ? 'isian' : /^[0-9]/.test(slug) ? `n-${slug}` : slug;
}

/**
 * An identifier not yet taken: `base` itself when free (unless `numbered`), else `base-2`, `base-3`…
 * Drafters never type these; they keep the YAML readable and stable.
 */
export function freeId(base: string, taken: readonly string[], numbered = true): string {
  if (!numbered && !taken.includes(base)) return base;
  for (let n = numbered ? taken.length + 1 : 2; ; n++) if (!taken.includes(`${base}-${n}`)) return `${base}-${n}`;
}
