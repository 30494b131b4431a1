/** The text range a positioned error underlines: from its line:column to the end of the word there. */
export function diagnosticRange(text: string, line: number, column: number): { from: number; to: number } {
  if (line < 1) return { from: 0, to: Math.min(text.length, Math.max(1, text.indexOf('\n'))) };
  let offset = 0;
  for (let l = 1; l < line; l++) {
    const next = text.indexOf('\n', offset);
    if (next === -1) return { from: text.length, to: text.length };
    offset = next + 1;
  }
  const lineEnd = text.indexOf('\n', offset) === -1 ? text.length : text.indexOf('\n', offset);
  const from = Math.min(offset + Math.max(0, column - 1), lineEnd);
  let to = from;
  while (to < lineEnd && !/[\s,\]}]/.test(text[to]!)) to += 1;
  if (to === from) to = Math.min(lineEnd, from + 1);
  if (to === from && from > offset) return { from: from - 1, to: from };
  return { from, to };
}
