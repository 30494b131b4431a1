import type { DocumentCell } from '../documentText.ts';
import { labelKey } from './flatLines.ts';

/** What a column of the step table holds. */
export type ColumnKind = 'no' | 'activity' | 'lane' | 'requirements' | 'time' | 'output' | 'notes';

/** One column of the step table: by index (text, .docx) or by horizontal position (PDF, OCR). */
export interface TableColumn {
  kind: ColumnKind;
  name: string;
  index: number;
  x?: number;
  right?: number;
}

const GROUP_LABELS = new Set(['pelaksana', 'bakumutu', 'mutubaku', 'mutu']);

/** The kind of column a header cell names; undefined for group labels (Pelaksana, Baku Mutu) and empty cells. */
export function headerKind(text: string): ColumnKind | undefined {
  const key = labelKey(text);
  if (key === '' || GROUP_LABELS.has(key)) return undefined;
  if (key === 'no' || key === 'nomor') return 'no';
  if (key.startsWith('uraian') || key === 'kegiatan') return 'activity';
  if (key.startsWith('kelengkapan') || key.startsWith('persyaratan')) return 'requirements';
  if (key === 'waktu') return 'time';
  if (key === 'output' || key === 'ouput' || key === 'keluaran') return 'output';
  if (key === 'keterangan' || key === 'ket') return 'notes';
  return 'lane';
}

/** Whether a line's cells are a step-table header row (it names the activity, a lane group or the standards). */
export function isHeaderRow(cells: readonly DocumentCell[]): boolean {
  const keys = cells.map((c) => labelKey(c.text)).filter((k) => k !== '');
  const named = keys.filter((k) =>
    [
      'uraiankegiatan',
      'kegiatan',
      'pelaksana',
      'bakumutu',
      'mutubaku',
      'mutu',
      'kelengkapan',
      'waktu',
      'output',
      'ouput',
    ].includes(k),
  );
  return named.length >= 2;
}

/**
 * The columns of a step table from its header rows. With cell positions, the top row's No/Uraian/Keterangan and
 * the second row's lanes and standards are merged by position; without, the second row's index is the column.
 */
export function tableColumns(headerRows: ReadonlyArray<readonly DocumentCell[]>): TableColumn[] {
  const positioned = headerRows.some((row) => row.some((c) => c.x !== undefined));
  const columns: TableColumn[] = [];
  const seen = new Map<number, TableColumn>();
  headerRows.forEach((row) => {
    row.forEach((cell, index) => {
      const kind = headerKind(cell.text);
      if (kind === undefined) return;
      if (!positioned) {
        const existing = seen.get(index);
        // The second header row names lanes and standards under the group labels of the first.
        if (existing && existing.kind !== 'lane') return;
        const column: TableColumn = { kind, name: cell.text.replace(/\s+/g, ' ').trim(), index };
        if (existing) columns.splice(columns.indexOf(existing), 1, column);
        else columns.push(column);
        seen.set(index, column);
        return;
      }
      columns.push({ kind, name: cell.text.replace(/\s+/g, ' ').trim(), index, x: cell.x, right: cell.right });
    });
  });
  if (positioned) columns.sort((a, b) => (a.x ?? 0) - (b.x ?? 0));
  else {
    columns.sort((a, b) => a.index - b.index);
    closeStandardGaps(columns);
  }
  return columns;
}

const STANDARD_ORDER: readonly ColumnKind[] = ['requirements', 'time', 'output', 'notes'];

/**
 * Kelengkapan, Waktu, Output and Keterangan sit side by side in the PermenPANRB layout; a converter that leaves
 * an empty cell between two of them in the header row (while the data rows have none) would shift them, so by
 * index they are renumbered consecutively from Kelengkapan.
 */
function closeStandardGaps(columns: TableColumn[]): void {
  const standards = STANDARD_ORDER.flatMap((kind) => columns.filter((c) => c.kind === kind).slice(0, 1));
  const first = standards[0];
  if (!first) return;
  standards.forEach((column, offset) => {
    column.index = first.index + offset;
  });
  columns.sort((a, b) => a.index - b.index);
}

function centre(cell: { x?: number; right?: number }): number {
  const x = cell.x ?? 0;
  return cell.right !== undefined ? (x + cell.right) / 2 : x;
}

/** The column a data cell falls in: by index, or by its centre between the neighbouring headers' centres. */
export function columnOf(columns: readonly TableColumn[], cell: DocumentCell, index: number): TableColumn | undefined {
  if (cell.x === undefined) return columns.find((c) => c.index === index);
  const at = centre(cell);
  let best: TableColumn | undefined;
  columns.forEach((column, i) => {
    const previous = columns[i - 1];
    const next = columns[i + 1];
    const from = previous ? (centre(previous) + centre(column)) / 2 : -Infinity;
    const to = next ? (centre(column) + centre(next)) / 2 : Infinity;
    if (at >= from && at < to) best = column;
  });
  return best;
}
