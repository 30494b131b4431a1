import type { DocumentCell } from '../documentText.ts';
import { coverFieldOf } from './coverFields.ts';
import { spotOf, type FlatLine } from './flatLines.ts';
import type { Located, ParsedSop } from './parsedSop.ts';
import { readCover } from './readCover.ts';
import { isStepTableStart, readStepTable } from './readStepTable.ts';

const UNIT_WORD = /\b(?:BIDANG|BAGIAN|SEKRETARIAT|UPTD|SEKSI)\b/;

/** The unit heading printed above a cover ("BIDANG REHABILITASI SOSIAL DAN …"), from the lines before it. */
function unitHeadingBefore(lines: readonly FlatLine[], coverStart: number, floor: number): Located<string> | undefined {
  const texts: FlatLine[] = [];
  for (let i = coverStart - 1; i >= Math.max(floor, coverStart - 12); i -= 1) {
    const line = lines[i];
    if (!line) break;
    if (line.tableRow) break;
    if (line.text !== '') texts.unshift(line);
  }
  const from = texts.findIndex((l) => UNIT_WORD.test(l.text));
  if (from < 0) return undefined;
  const first = texts[from];
  if (!first) return undefined;
  const heading = texts
    .slice(from)
    .map((l) => l.text)
    .join(' ')
    .replace(/^.*?(?=\b(?:BIDANG|BAGIAN|SEKRETARIAT|UPTD|SEKSI)\b)/, '')
    .replace(/\s+/g, ' ')
    .trim();
  return { value: heading, at: spotOf(first) };
}

/** "Nomor SOP" in the first cell, or in the second when the first holds the office heading. */
function isCoverStart(line: FlatLine): boolean {
  return line.tableRow && line.cells.slice(0, 2).some((cell) => coverFieldOf(cell.text) === 'number');
}

/** The heading some covers print in the cell left of "Nomor SOP" ("DINAS SOSIAL … BIDANG PEMBERDAYAAN SOSIAL"). */
function headingInCoverCell(line: FlatLine): Located<string> | undefined {
  const first = line.cells[0]?.text ?? '';
  if (coverFieldOf(first) !== undefined || !UNIT_WORD.test(first)) return undefined;
  return {
    value: first
      .replace(/\s+/g, ' ')
      .replace(/^.*?(?=\b(?:BIDANG|BAGIAN|SEKRETARIAT|UPTD|SEKSI)\b)/, '')
      .trim(),
    at: spotOf(line, [line.cells[0] as DocumentCell]),
  };
}

const TABLE_TITLE = /^(?:STANDAR OPERASIONAL PROSEDUR|SOP [A-Z][A-Z ,/()-]+$)/;

/**
 * Finds every SOP in the PermenPANRB 35/2012 layout (a cover table starting at "Nomor SOP", then a step table)
 * and reads each; several SOPs in one file are the usual case.
 */
export function readSopTables(lines: readonly FlatLine[]): ParsedSop[] {
  const starts = lines.flatMap((line, index) => (isCoverStart(line) ? [index] : []));
  return starts.map((start, n) => {
    const stop = starts[n + 1] ?? lines.length;
    let tableStart = start;
    while (tableStart < stop && !isStepTableStart(lines[tableStart] as FlatLine)) tableStart += 1;
    // The cover ends at the chart's title ("STANDAR OPERASIONAL PROSEDUR …") or at the step table.
    let coverEnd = start + 1;
    while (coverEnd < tableStart && !TABLE_TITLE.test(lines[coverEnd]?.text ?? '')) coverEnd += 1;
    const cover = readCover(lines, start, coverEnd);
    const table = tableStart < stop ? readStepTable(lines, tableStart, stop) : { lanes: [], rows: [], end: stop };
    const startLine = lines[start] as FlatLine;
    const heading = headingInCoverCell(startLine) ?? unitHeadingBefore(lines, start, n > 0 ? (starts[n - 1] ?? 0) : 0);
    const parsed: ParsedSop = {
      detail: 'full-steps',
      at: spotOf(startLine),
      cover: heading ? { ...cover, unitHeading: heading } : cover,
      lanes: table.lanes,
      rows: table.rows,
    };
    return parsed;
  });
}
