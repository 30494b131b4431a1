/**
 * Masks a person's name for a public page: the first word keeps its first and last letter, every other
 * word its first letter ("Siti Rahayu" → "S***i R*****"), enough to recognise a letter, not to learn a name.
 */
export function maskName(name: string): string {
  return name
    .trim()
    .split(/\s+/)
    .filter(Boolean)
    .map((word, i) => {
      const letters = [...word];
      if (i === 0) return letters.length <= 2 ? `${letters[0]}*` : `${letters[0]}***${letters[letters.length - 1]}`;
      return letters[0] + '*'.repeat(Math.max(1, letters.length - 1));
    })
    .join(' ');
}
