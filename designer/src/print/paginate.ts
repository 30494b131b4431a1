/** Heights (CSS px) the chart pages are cut from, measured in the browser. */
export interface PageMetrics {
  /** Usable height of one printed page. */
  page: number;
  /** The repeated table header. */
  header: number;
  /** The chart title, on the first chart page only. */
  title: number;
  /** The footer line of every page (name, page number, source notice, legend). */
  footer: number;
  /** The strip above and below the rows where off-page connectors sit. */
  strip: number;
  /** Each table row, steps then the endings row. */
  rows: number[];
}

/**
 * Cuts the chart's rows into pages so that no row is split: each page takes whole rows while they fit
 * below its header (and the title on the first page) and above its connector strip and footer. A row
 * taller than a page gets a page of its own.
 */
export function paginateRows(m: PageMetrics): number[][] {
  const pages: number[][] = [];
  let current: number[] = [];
  let used = 0;
  const room = () => m.page - m.header - m.footer - m.strip - (pages.length === 0 ? m.title : m.strip);
  m.rows.forEach((height, row) => {
    if (current.length > 0 && used + height > room()) {
      pages.push(current);
      current = [];
      used = 0;
    }
    current.push(row);
    used += height;
  });
  if (current.length > 0) pages.push(current);
  return pages;
}

/** The letter on an off-page connector pair: A…Z, then AA, AB… */
export function connectorLetter(index: number): string {
  const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
  return index < 26 ? letters[index]! : letters[Math.floor(index / 26) - 1]! + letters[index % 26]!;
}
