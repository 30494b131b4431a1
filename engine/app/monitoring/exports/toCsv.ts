import type { CellValue, ReportTable } from './reportTable.ts';

// Spreadsheets run a cell that starts with one of these as a formula (CSV injection).
const FORMULA_START = /^[=+\-@\t\r]/;

function cell(value: CellValue): string {
  if (value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Writes a table as RFC 4180 CSV in UTF-8 with a BOM (so spreadsheets read Indonesian text right), CRLF lines. */
export function toCsv(table: ReportTable): Buffer {
  const lines = [
    table.columns.map((c) => cell(c.header)).join(','),
    ...table.rows.map((r) => table.columns.map((c) => cell(r[c.key] ?? null)).join(',')),
  ];
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}
