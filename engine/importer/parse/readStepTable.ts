import type { FlatLine } from './flatLines.ts';
import { labelKey, spotOf } from './flatLines.ts';
import type { Located, StepRowReading } from './parsedSop.ts';
import { columnOf, isHeaderRow, tableColumns, type TableColumn } from './tableColumns.ts';

/** The step table of one SOP: its lanes and printed rows, and the index of the line after it. */
export interface StepTableReading {
  lanes: Array<Located<string>>;
  rows: StepRowReading[];
  end: number;
}

/** A step number as printed ("3", "3.") or as OCR reads the dot of a scanned one ("3,", "3)"). */
const ROW_NUMBER = /^(\d{1,3})\s?[.,)]?$/;

/** Whether the line starts a step table ("No | Uraian Kegiatan | …"). */
export function isStepTableStart(line: FlatLine): boolean {
  const first = labelKey(line.cells[0]?.text ?? '');
  return (first === 'no' || first === 'nomor') && isHeaderRow(line.cells);
}

type Texts = Record<'no' | 'activity' | 'requirements' | 'time' | 'output' | 'notes', string> & { lanes: string[] };

function mapCells(columns: readonly TableColumn[], line: FlatLine, laneCount: number): Texts {
  const texts: Texts = { no: '', activity: '', requirements: '', time: '', output: '', notes: '', lanes: [] };
  texts.lanes = Array.from({ length: laneCount }, () => '');
  const lanes = columns.filter((c) => c.kind === 'lane');
  line.cells.forEach((cell, index) => {
    const text = cell.text.trim();
    if (text === '') return;
    const column = columnOf(columns, cell, index);
    if (!column) return;
    if (column.kind === 'lane') {
      const laneIndex = lanes.indexOf(column);
      texts.lanes[laneIndex] = join(texts.lanes[laneIndex] ?? '', text);
    } else texts[column.kind] = join(texts[column.kind], text);
  });
  return texts;
}

function join(before: string, more: string): string {
  return before === '' ? more : `${before} ${more}`;
}

/**
 * Reads the step table starting at `start` (its first header row). A row starts where the No column holds a
 * number; a following line with no number (a PDF row wrapped over several lines) adds its cells to that row by
 * column. A repeated header (a table continued on the next page) is skipped; the table ends at a line of plain
 * text or at the next SOP.
 */
export function readStepTable(lines: readonly FlatLine[], start: number, stopAt: number): StepTableReading {
  let index = start;
  const headers: FlatLine[] = [];
  while (index < stopAt) {
    const line = lines[index];
    if (!line) break;
    if (line.text === '') {
      index += 1;
      continue;
    }
    if (headers.length > 0 && ROW_NUMBER.test(line.cells[0]?.text.trim() ?? '')) break;
    if (headers.length > 0 && !line.tableRow) break;
    headers.push(line);
    index += 1;
    if (headers.length === 2) break;
  }
  const columns = tableColumns(headers.map((h) => h.cells));
  const laneColumns = columns.filter((c) => c.kind === 'lane');
  const laneLine = headers[headers.length - 1] ?? headers[0];
  const lanes = laneColumns.map((c) => ({
    value: c.name,
    at: laneLine ? spotOf(laneLine) : { page: 1, line: 1 },
  }));
  const rows: StepRowReading[] = [];
  for (; index < stopAt; index += 1) {
    const line = lines[index];
    if (!line) break;
    if (line.text === '') continue;
    if (!line.tableRow) break;
    if (isHeaderRow(line.cells)) continue;
    const texts = mapCells(columns, line, laneColumns.length);
    const number = ROW_NUMBER.exec(texts.no);
    if (number?.[1] !== undefined) {
      rows.push({
        no: Number(number[1]),
        activity: texts.activity,
        laneMarks: texts.lanes,
        requirements: texts.requirements,
        time: texts.time,
        output: texts.output,
        notes: texts.notes,
        at: spotOf(line),
      });
      continue;
    }
    const previous = rows[rows.length - 1];
    if (!previous) continue;
    // A continuation line: the rest of the previous row, column by column.
    previous.activity = join(previous.activity, texts.activity);
    previous.requirements = join(previous.requirements, texts.requirements);
    previous.time = join(previous.time, texts.time);
    previous.output = join(previous.output, texts.output);
    previous.notes = join(previous.notes, texts.notes);
    previous.laneMarks = previous.laneMarks.map((mark, i) => join(mark, texts.lanes[i] ?? ''));
    const confidence = spotOf(line).confidence;
    if (confidence !== undefined) previous.at.confidence = Math.min(previous.at.confidence ?? 1, confidence);
  }
  return { lanes, rows, end: index };
}
