/**
 * Turns the HTML mammoth makes of a .docx into document lines: each table row one line of cells (empty cells kept,
 * merged cells widened back to their columns so a cell's index is its column), each paragraph, heading or list item
 * outside a table one line. Paragraphs and list items inside a cell stay separate lines of the cell's text.
 * Mammoth's HTML is small and regular (p, h1–h6, table/tr/td/th, ul/ol/li, strong, em, a, br, img), so a tag
 * scanner is enough; no DOM is needed on the server.
 */
import type { DocumentCell, DocumentLine } from '../documentText.ts';

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** Decodes the entities mammoth writes (named ones and numeric ones). */
function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name.startsWith('#x') || name.startsWith('#X')) return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(Number(name.slice(1)));
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/** Reads an integer attribute such as colspan="3". */
function spanOf(attributes: string, name: string): number {
  const match = new RegExp(`${name}="(\\d+)"`, 'i').exec(attributes);
  return match ? Math.max(1, Math.min(64, Number(match[1]))) : 1;
}

interface CellBuilder {
  paragraphs: string[];
  current: string;
  rowspan: number;
  colspan: number;
}
interface TableBuilder {
  rows: CellBuilder[][];
  row: CellBuilder[] | undefined;
  cell: CellBuilder | undefined;
}

const BLOCK = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'div', 'blockquote']);

/** Normalises whitespace of one paragraph. */
function clean(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Expands a finished table into lines: colspans widened with empty cells, rowspans continued as empty cells below. */
function tableLines(rows: CellBuilder[][]): Array<Omit<DocumentLine, 'line'>> {
  const pendingRowspans = new Map<number, number>();
  return rows.map((row) => {
    const cells: DocumentCell[] = [];
    const takeSpans = (): void => {
      let left = pendingRowspans.get(cells.length) ?? 0;
      while (left > 0) {
        pendingRowspans.set(cells.length, left - 1);
        cells.push({ text: '' });
        left = pendingRowspans.get(cells.length) ?? 0;
      }
    };
    for (const cell of row) {
      takeSpans();
      const text = cell.paragraphs.join('\n');
      for (let column = 0; column < cell.colspan; column += 1) {
        if (cell.rowspan > 1) pendingRowspans.set(cells.length, cell.rowspan - 1);
        cells.push({ text: column === 0 ? text : '' });
      }
    }
    takeSpans();
    return { cells, tableRow: true };
  });
}

/** Converts mammoth's HTML into the lines of one page. */
export function docxHtmlLines(html: string): DocumentLine[] {
  const lines: Array<Omit<DocumentLine, 'line'>> = [];
  const tables: TableBuilder[] = [];
  let outside = '';
  const listNumbers: Array<number | undefined> = [];
  const append = (text: string): void => {
    const table = tables[tables.length - 1];
    if (table?.cell) table.cell.current += text;
    else outside += text;
  };
  const endBlock = (): void => {
    const table = tables[tables.length - 1];
    if (table?.cell) {
      const text = clean(table.cell.current);
      if (text !== '') table.cell.paragraphs.push(text);
      table.cell.current = '';
    } else {
      const text = clean(outside);
      if (text !== '') lines.push({ cells: [{ text }] });
      outside = '';
    }
  };
  for (const match of html.matchAll(/<(\/?)([a-zA-Z0-9]+)([^>]*)>|([^<]+)/g)) {
    const [, closing, rawName, attributes = '', text] = match;
    if (text !== undefined) {
      append(decodeEntities(text));
      continue;
    }
    const name = rawName!.toLowerCase();
    const table = tables[tables.length - 1];
    if (name === 'table') {
      if (closing) {
        tables.pop();
        const finished = table?.rows ?? [];
        const parent = tables[tables.length - 1];
        // A table inside a cell is flattened into that cell's lines.
        if (parent?.cell)
          for (const row of finished)
            parent.cell.paragraphs.push(row.map((cell) => cell.paragraphs.join(' ')).join(' | '));
        else lines.push(...tableLines(finished));
      } else {
        endBlock();
        tables.push({ rows: [], row: undefined, cell: undefined });
      }
    } else if (name === 'tr' && table) {
      if (closing) {
        if (table.row) table.rows.push(table.row);
        table.row = undefined;
      } else table.row = [];
    } else if ((name === 'td' || name === 'th') && table) {
      if (closing) {
        if (table.cell) {
          endBlock();
          table.row?.push(table.cell);
        }
        table.cell = undefined;
      } else
        table.cell = {
          paragraphs: [],
          current: '',
          rowspan: spanOf(attributes, 'rowspan'),
          colspan: spanOf(attributes, 'colspan'),
        };
    } else if (name === 'ol' || name === 'ul') {
      if (closing) listNumbers.pop();
      else listNumbers.push(name === 'ol' ? 0 : undefined);
    } else if (name === 'li' && !closing) {
      endBlock();
      const depth = listNumbers.length - 1;
      const number = listNumbers[depth];
      // An item keeps its number or bullet, as the printed document shows it.
      if (number !== undefined) {
        listNumbers[depth] = number + 1;
        append(`${number + 1}. `);
      } else if (depth >= 0) append('- ');
    } else if (name === 'br') append(' ');
    else if (BLOCK.has(name)) endBlock();
  }
  endBlock();
  return lines.map((line, index) => ({ line: index + 1, ...line }));
}
