/**
 * Renders a seed document (text with tab-separated table rows and a little inline HTML) as an HTML page with real
 * tables, the first step of the importer corpus: pandoc turns this HTML into .docx, LibreOffice the .docx into PDF.
 *
 * Usage: tsx tools/importer/seedToHtml.ts <seed file> [--from <line>] [--to <line>] > out.html
 *
 * Why our own renderer: the seeds are not markdown tables (rows are tab-separated, cells hold HTML lists without
 * list items), so pandoc alone would print them as paragraphs. Every tab cell becomes its own <td> (no spans), so
 * the .docx keeps the same columns as the text, empty lane cells included.
 */
import { readFileSync } from 'node:fs';

/** Escapes text for HTML. */
function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Splits one cell's content into the paragraphs it prints as: HTML blocks and numbered list items each on their own. */
function cellParagraphs(raw: string): string[] {
  const hasList = /<(ol|ul)\b/i.test(raw);
  let text = raw.replace(/<br\s*\/?>/gi, '\n').replace(/<\/?(p|div|ol|ul|li)\b[^>]*>/gi, '\n');
  // Lists in the seeds lost their <li> tags: "…Nasional2. Undang-Undang…" is two items.
  if (hasList) text = text.replace(/([^\d\s(])(\d{1,2}\. (?=[A-Z]))/g, '$1\n$2');
  text = text.replace(/<[^>]+>/g, '').replace(/\*\*/g, '');
  return text
    .split('\n')
    .map((part) => part.replace(/\s+/g, ' ').trim())
    .filter((part) => part.length > 0);
}

/**
 * Relative column widths as a printed SOP has them: a step table (No, Uraian Kegiatan, lanes, Kelengkapan, Waktu,
 * Output, Keterangan) gives the activity and quality columns room and each lane a narrow column; a service-standard
 * table (No, Komponen, Uraian) gives the text most of the width.
 */
function columnWeights(rows: string[][], width: number): number[] {
  const first = rows[0]?.map((cell) => cell.trim().toLowerCase()) ?? [];
  if (first[0] === 'no' && first[1]?.startsWith('uraian') && width >= 7) {
    const lanes = width - 6;
    return [1, 7, ...Array<number>(lanes).fill(1.8), 5, 2.5, 4, 4];
  }
  if (first[0]?.startsWith('no') && first[1] === 'komponen' && width === 3) return [1, 4, 12];
  return Array<number>(width).fill(1);
}

/** Renders one table (rows of raw cells) with every row padded to the widest row. */
function renderTable(rows: string[][]): string {
  const width = Math.max(...rows.map((row) => row.length));
  const weights = columnWeights(rows, width);
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  const columns = weights.map((weight) => `<col style="width: ${((100 * weight) / total).toFixed(1)}%">`).join('');
  const body = rows
    .map((row) => {
      const cells = Array.from({ length: width }, (_, index) => {
        const paragraphs = cellParagraphs(row[index] ?? '');
        return `<td>${paragraphs.map((part) => `<p>${escapeHtml(part)}</p>`).join('')}</td>`;
      });
      return `<tr>${cells.join('')}</tr>`;
    })
    .join('\n');
  return `<table>\n<colgroup>${columns}</colgroup>\n${body}\n</table>`;
}

/** Renders a plain line: markdown headings and bold markers become HTML, the rest a paragraph. */
function renderLine(line: string): string {
  const heading = /^(#{1,6})\s+(.*)$/.exec(line);
  const text = escapeHtml(cellParagraphs(heading ? heading[2]! : line).join(' '));
  if (heading) return `<h${heading[1]!.length}>${text}</h${heading[1]!.length}>`;
  return line.includes('**') ? `<p><strong>${text}</strong></p>` : `<p>${text}</p>`;
}

/** Renders the seed text as one HTML document. */
function seedToHtml(source: string, title: string): string {
  const parts: string[] = [];
  let table: string[][] = [];
  const flush = (): void => {
    if (table.length > 0) parts.push(renderTable(table));
    table = [];
  };
  for (const line of source.split(/\r?\n/)) {
    if (line.includes('\t')) {
      table.push(line.split('\t'));
      continue;
    }
    flush();
    if (line.trim() !== '') parts.push(renderLine(line.trim()));
  }
  flush();
  return `<!DOCTYPE html>\n<html lang="id"><head><meta charset="utf-8"><meta name="source" content="${escapeHtml(title)}"></head><body>\n${parts.join('\n')}\n</body></html>\n`;
}

/** Reads a numeric option such as `--from 151`. */
function option(args: string[], name: string): number | undefined {
  const at = args.indexOf(name);
  return at >= 0 ? Number(args[at + 1]) : undefined;
}

const args = process.argv.slice(2);
const file = args[0];
if (file !== undefined && process.argv[1]?.endsWith('seedToHtml.ts')) {
  const lines = readFileSync(file, 'utf8').split(/\r?\n/);
  const from = option(args, '--from') ?? 1;
  const to = option(args, '--to') ?? lines.length;
  process.stdout.write(seedToHtml(lines.slice(from - 1, to).join('\n'), file.replace(/^.*\//, '')));
}
