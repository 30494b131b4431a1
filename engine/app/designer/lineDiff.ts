import { diffLines } from 'diff';

/** One line of a readable diff: unchanged, added or removed, with its numbers on each side. */
export interface DiffLine {
  kind: 'same' | 'added' | 'removed';
  text: string;
  oldLine: number | null;
  newLine: number | null;
}

/** A run of unchanged lines left out of a diff (shown as "… N baris sama …"). */
export interface DiffGap {
  kind: 'gap';
  count: number;
}

/** A readable diff: changed lines with a few lines of context, and gaps for the long unchanged stretches. */
export interface LineDiff {
  added: number;
  removed: number;
  lines: Array<DiffLine | DiffGap>;
}

function splitLines(value: string): string[] {
  const lines = value.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** Line diff of two YAML texts (the `diff` package's Myers diff), keeping `context` lines around changes. */
export function lineDiff(before: string, after: string, context = 3): LineDiff {
  const all: DiffLine[] = [];
  let oldLine = 1;
  let newLine = 1;
  for (const change of diffLines(before, after)) {
    for (const text of splitLines(change.value)) {
      if (change.added) all.push({ kind: 'added', text, oldLine: null, newLine: newLine++ });
      else if (change.removed) all.push({ kind: 'removed', text, oldLine: oldLine++, newLine: null });
      else all.push({ kind: 'same', text, oldLine: oldLine++, newLine: newLine++ });
    }
  }
  const near = all.map(() => false);
  all.forEach((line, i) => {
    if (line.kind === 'same') return;
    for (let k = Math.max(0, i - context); k <= Math.min(all.length - 1, i + context); k++) near[k] = true;
  });
  const lines: LineDiff['lines'] = [];
  let gap = 0;
  all.forEach((line, i) => {
    if (near[i]) {
      if (gap > 0) lines.push({ kind: 'gap', count: gap });
      gap = 0;
      lines.push(line);
    } else gap += 1;
  });
  if (gap > 0) lines.push({ kind: 'gap', count: gap });
  return {
    added: all.filter((l) => l.kind === 'added').length,
    removed: all.filter((l) => l.kind === 'removed').length,
    lines,
  };
}
