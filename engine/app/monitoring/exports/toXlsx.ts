import writeXlsxFile, { type Cell, type Row } from 'write-excel-file/node';
import type { CellValue, ReportTable } from './reportTable.ts';

function cell(value: CellValue): Cell {
  if (value === null) return null;
  // Text stays text: a spreadsheet never evaluates a string cell written as a string.
  return typeof value === 'number' ? { value, type: Number } : { value, type: String };
}

/** Writes a table as an XLSX workbook with one sheet, a bold frozen header row and fitted column widths. */
export async function toXlsx(table: ReportTable): Promise<Buffer> {
  const header: Row = table.columns.map((c) => ({ value: c.header, type: String, fontWeight: 'bold' }));
  const rows: Row[] = table.rows.map((r) => table.columns.map((c) => cell(r[c.key] ?? null)));
  const columns = table.columns.map((c) => ({
    width: Math.min(
      60,
      Math.max(10, c.header.length + 2, ...table.rows.slice(0, 200).map((r) => String(r[c.key] ?? '').length + 2)),
    ),
  }));
  return writeXlsxFile([header, ...rows], { sheet: table.name.slice(0, 31), columns, stickyRowsCount: 1 }).toBuffer();
}
