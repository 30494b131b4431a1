/** An id from a name: lower-case letters, digits and hyphens, at most `max` characters, cut at a word. */
export function slugify(name: string, max = 60): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length <= max) return slug || 'tanpa-nama';
  const cut = slug.slice(0, max + 1);
  const at = cut.lastIndexOf('-');
  return (at > 10 ? cut.slice(0, at) : slug.slice(0, max)).replace(/-+$/, '');
}

/** A slug not yet in `taken` (adds "-2", "-3" …), recorded in `taken`. */
export function uniqueSlug(name: string, taken: Set<string>, max = 60): string {
  const base = slugify(name, max);
  let id = base;
  for (let n = 2; taken.has(id); n += 1) id = `${base}-${n}`;
  taken.add(id);
  return id;
}
