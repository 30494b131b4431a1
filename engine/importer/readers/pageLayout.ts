/**
 * Turns positioned text on one page (PDF text items or OCR words) plus the page's drawn ruling lines into the
 * lines and table rows of a DocumentPage. Shared by the PDF and the OCR reader so both group a table the same way:
 * a row is the band between two horizontal rules that vertical rules cross, its cells are the spaces between those
 * vertical rules, so text wrapped over several lines inside one cell stays one cell of one row.
 * Pure: coordinates in, lines out. All coordinates are top-down (y grows downwards), in any unit.
 */
import type { DocumentCell, DocumentLine } from '../documentText.ts';

/** A piece of text with its box; OCR words carry a 0..1 confidence. */
export interface PlacedText {
  text: string;
  x: number;
  right: number;
  top: number;
  bottom: number;
  confidence?: number;
}

/** A horizontal rule (y, from x1 to x2) or a vertical one (x, from y1 to y2). */
export interface Rules {
  horizontal: Array<{ y: number; x1: number; x2: number }>;
  vertical: Array<{ x: number; y1: number; y2: number }>;
}

/** Page size and the tolerance (in the page's unit) within which two rules or edges count as the same. */
export interface PageGeometry {
  width: number;
  height: number;
  tolerance: number;
}

/** Groups sorted numbers that lie within `tolerance` of the previous one; returns each group's mean. */
function cluster(values: number[], tolerance: number): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const groups: number[][] = [];
  for (const value of sorted) {
    const last = groups[groups.length - 1];
    if (last && value - last[last.length - 1]! <= tolerance) last.push(value);
    else groups.push([value]);
  }
  return groups.map((group) => group.reduce((sum, value) => sum + value, 0) / group.length);
}

/** A table row found between two horizontal rules: its band and its column edges. */
export interface Band {
  top: number;
  bottom: number;
  edges: number[];
}

/** Finds the table rows of a page: bands between consecutive horizontal rules crossed by at least two vertical rules. */
export function findBands(rules: Rules, geometry: PageGeometry): Band[] {
  const tol = geometry.tolerance;
  // A row boundary runs from column edge to column edge; a short stroke inside one cell (a scanned underline, a
  // speck joined into a dash) is not one, and taken as one it would cut a row in two.
  const boundaries = rules.horizontal.filter(
    (rule) =>
      rules.vertical.filter(
        (edge) =>
          edge.x >= rule.x1 - tol && edge.x <= rule.x2 + tol && edge.y1 <= rule.y + tol && edge.y2 >= rule.y - tol,
      ).length >= 2,
  );
  const ys = cluster(
    boundaries.map((rule) => rule.y),
    tol,
  );
  const bands: Band[] = [];
  for (let index = 0; index + 1 < ys.length; index += 1) {
    const top = ys[index]!;
    const bottom = ys[index + 1]!;
    if (bottom - top < tol * 2) continue;
    // Most of the band, not all of it: a scanned border often loses its last few pixels to noise or erasing.
    const crossing = rules.vertical
      .filter((rule) => Math.min(rule.y2, bottom) - Math.max(rule.y1, top) >= (bottom - top) * 0.6)
      .map((rule) => rule.x);
    const edges = cluster(crossing, tol);
    if (edges.length < 2) continue;
    // The rules at the band's top must reach across the band's columns, or this is the gap between two tables.
    const spanned = boundaries.some(
      (rule) => Math.abs(rule.y - top) <= tol && rule.x1 <= edges[0]! + tol && rule.x2 >= edges[1]! - tol,
    );
    if (spanned) bands.push({ top, bottom, edges });
  }
  return bands;
}

/** Groups text into visual lines (by vertical overlap), each sorted left to right. */
function groupLines(items: PlacedText[]): PlacedText[][] {
  const sorted = [...items].sort((a, b) => a.top + a.bottom - (b.top + b.bottom));
  const lines: Array<{ top: number; bottom: number; items: PlacedText[] }> = [];
  for (const item of sorted) {
    const middle = (item.top + item.bottom) / 2;
    const line = lines.find((candidate) => middle > candidate.top && middle < candidate.bottom);
    if (line) {
      line.items.push(item);
      line.top = Math.min(line.top, item.top);
      line.bottom = Math.max(line.bottom, item.bottom);
    } else lines.push({ top: item.top, bottom: item.bottom, items: [item] });
  }
  return lines.sort((a, b) => a.top - b.top).map((line) => line.items.sort((a, b) => a.x - b.x));
}

/** Joins the pieces of one visual line; a space goes where the pieces do not touch. */
function joinLine(items: PlacedText[]): string {
  let text = '';
  let previous: PlacedText | undefined;
  for (const item of items) {
    const gap = previous ? item.x - previous.right : 0;
    const height = item.bottom - item.top;
    const needsSpace = previous !== undefined && gap > height * 0.15 && !/\s$/.test(text) && !/^\s/.test(item.text);
    text += (needsSpace ? ' ' : '') + item.text;
    previous = item;
  }
  return text.replace(/\s+/g, ' ').trim();
}

const LIST_ITEM = /^(\d{1,2}[.)]|[a-z][.)]|[-•*])\s/;

/** The width a line's last (or first) word takes, estimated from the line's width per character. */
function tokenWidth(line: PlacedText[], text: string, which: 'first' | 'last'): number {
  const width = line[line.length - 1]!.right - line[0]!.x;
  const tokens = text.split(' ');
  const token = which === 'first' ? tokens[0]! : tokens[tokens.length - 1]!;
  return (width * token.length) / Math.max(1, text.length);
}

/**
 * Joins the visual lines of one cell: wrapped lines with a space, a new list item on its own line, and a word the
 * cell was too narrow for without a space ("Pelaks|ana": the first piece is alone on its line and reaches the cell's
 * right edge, and the two pieces together are wider than the cell, so no ordinary wrap put them on two lines).
 */
function joinCellLines(lines: PlacedText[][], cellLeft: number, cellRight: number): string {
  const innerLeft = Math.min(...lines.map((line) => line[0]!.x));
  const padding = Math.max(0, innerLeft - cellLeft);
  const innerRight = cellRight - padding;
  let text = '';
  let previous: { items: PlacedText[]; text: string } | undefined;
  for (const line of lines) {
    const lineText = joinLine(line);
    if (previous) {
      const previousRight = previous.items[previous.items.length - 1]!.right;
      const charWidth = (previousRight - previous.items[0]!.x) / Math.max(1, previous.text.length);
      const brokenWord =
        /^\p{L}+$/u.test(previous.text) &&
        /^\p{Ll}/u.test(lineText) &&
        innerRight - previousRight < charWidth * 2 &&
        // Two whole words that merely did not fit together make a longer run than one Indonesian word does.
        previous.text.length + (/^\p{L}+/u.exec(lineText)?.[0].length ?? 0) <= 16 &&
        tokenWidth(previous.items, previous.text, 'last') + tokenWidth(line, lineText, 'first') >
          innerRight - innerLeft - charWidth;
      text += (brokenWord ? '' : LIST_ITEM.test(lineText) ? '\n' : ' ') + lineText;
    } else text = lineText;
    previous = { items: line, text: lineText };
  }
  return text;
}

/** The character-weighted mean confidence of some OCR words, or undefined for exact text. */
function meanConfidence(items: PlacedText[]): number | undefined {
  let weight = 0;
  let sum = 0;
  for (const item of items) {
    if (item.confidence === undefined) continue;
    weight += item.text.length;
    sum += item.confidence * item.text.length;
  }
  return weight === 0 ? undefined : Math.round((sum / weight) * 1000) / 1000;
}

/** Builds one cell with its edges as fractions of the page width. */
function makeCell(text: string, x: number, right: number, items: PlacedText[], width: number): DocumentCell {
  const cell: DocumentCell = {
    text,
    x: Math.round((x / width) * 10000) / 10000,
    right: Math.round((right / width) * 10000) / 10000,
  };
  const confidence = meanConfidence(items);
  if (confidence !== undefined) cell.confidence = confidence;
  return cell;
}

/** Splits a free (unruled) line into cells where a gap wider than 1.5 line heights separates its pieces. */
function splitFreeLine(items: PlacedText[], width: number): DocumentCell[] {
  const cells: DocumentCell[] = [];
  let group: PlacedText[] = [];
  const flush = (): void => {
    if (group.length === 0) return;
    cells.push(makeCell(joinLine(group), group[0]!.x, group[group.length - 1]!.right, group, width));
    group = [];
  };
  for (const item of items) {
    const previous = group[group.length - 1];
    const height = item.bottom - item.top;
    if (previous && item.x - previous.right > height * 1.5) flush();
    group.push(item);
  }
  flush();
  return cells;
}

/** Lays out one page: table rows from ruled bands (empty cells kept), free text as lines, top to bottom. */
export function layoutPage(items: PlacedText[], rules: Rules, geometry: PageGeometry): DocumentLine[] {
  const bands = findBands(rules, geometry);
  const inBand = new Map<Band, PlacedText[][]>();
  const free: PlacedText[] = [];
  for (const item of items) {
    if (item.text.trim() === '') continue;
    const cx = (item.x + item.right) / 2;
    const cy = (item.top + item.bottom) / 2;
    const band = bands.find(
      (candidate) =>
        cy > candidate.top &&
        cy < candidate.bottom &&
        cx > candidate.edges[0]! &&
        cx < candidate.edges[candidate.edges.length - 1]!,
    );
    if (!band) {
      free.push(item);
      continue;
    }
    const cells = inBand.get(band) ?? band.edges.slice(1).map(() => []);
    const column = band.edges.findIndex((edge, index) => index > 0 && cx < edge) - 1;
    cells[column]!.push(item);
    inBand.set(band, cells);
  }
  const placed: Array<{ top: number; line: Omit<DocumentLine, 'line'> }> = [];
  for (const band of bands) {
    const cells = inBand.get(band);
    if (!cells) continue; // a ruled band with no text at all (an empty spacer row) is not a line
    placed.push({
      top: band.top,
      line: {
        tableRow: true,
        cells: cells.map((cellItems, index) =>
          makeCell(
            joinCellLines(groupLines(cellItems), band.edges[index]!, band.edges[index + 1]!),
            band.edges[index]!,
            band.edges[index + 1]!,
            cellItems,
            geometry.width,
          ),
        ),
      },
    });
  }
  for (const line of groupLines(free)) {
    placed.push({
      top: Math.min(...line.map((item) => item.top)),
      line: { cells: splitFreeLine(line, geometry.width) },
    });
  }
  return placed.sort((a, b) => a.top - b.top).map((entry, index) => ({ line: index + 1, ...entry.line }));
}
