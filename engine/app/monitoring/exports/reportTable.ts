/** One cell of an exported table. */
export type CellValue = string | number | null;

/** A column: its key in the rows and its Indonesian header. */
export interface ReportColumn {
  key: string;
  header: string;
}

/** A report as a plain table, the one shape both CSV and XLSX are written from. */
export interface ReportTable {
  /** File name stem and XLSX sheet name (ASCII, short). */
  name: string;
  columns: ReportColumn[];
  rows: Array<Record<string, CellValue>>;
}
