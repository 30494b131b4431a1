/**
 * Line and column (1-based) of a top-level key's value in YAML text, found without parsing, for errors
 * about a whole file (e.g. a duplicate SOP id across files); the start of the file when absent.
 */
export function topLevelKeyPosition(text: string, key: string): { line: number; column: number } {
  const lines = text.split(/\r?\n/);
  const pattern = new RegExp(`^(["']?)${key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\1\\s*:\\s*`);
  for (let i = 0; i < lines.length; i++) {
    const match = pattern.exec(lines[i]!);
    if (match) return { line: i + 1, column: match[0].length + 1 };
  }
  return { line: 1, column: 1 };
}
