/**
 * Runs Debian's `tesseract` CLI with the Indonesian model on one page image (a child process, so the server's event
 * loop stays free) and reads its TSV output into words with boxes and confidence.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { PlacedText } from './pageLayout.ts';

const run = promisify(execFile);

/** Parses Tesseract's TSV: one row per word (level 5) with left, top, width, height, confidence 0..100 and text. */
function parseTesseractTsv(tsv: string): PlacedText[] {
  const words: PlacedText[] = [];
  for (const row of tsv.split('\n').slice(1)) {
    const columns = row.split('\t');
    if (columns.length < 12 || columns[0] !== '5') continue;
    const [left, top, width, height, confidence] = columns.slice(6, 11).map(Number) as [
      number,
      number,
      number,
      number,
      number,
    ];
    const text = columns.slice(11).join('\t').trim();
    // Dashes and bars alone are remnants of erased table rules, not text.
    if (text === '' || confidence < 0 || /^[—–_|]+$/.test(text)) continue;
    words.push({
      text,
      x: left,
      right: left + width,
      top,
      bottom: top + height,
      confidence: Math.round(confidence) / 100,
    });
  }
  return words;
}

/** How Tesseract reads an image: its page segmentation mode and, for cells of a known kind, the characters allowed. */
export interface TesseractMode {
  psm: number;
  whitelist?: string;
}

/** OCRs one image file; `languages` like "ind" or "ind+eng". Throws the child's error when Tesseract fails. */
export async function tesseractWords(
  imagePath: string,
  languages: string,
  timeoutMs: number,
  // --psm 4 on a page whose rules were erased: only word boxes are used. Lone numbers in a narrow column it may
  // still drop; cellReocr.ts reads those cells again.
  mode: TesseractMode = { psm: 4 },
): Promise<PlacedText[]> {
  const whitelist = mode.whitelist === undefined ? [] : ['-c', `tessedit_char_whitelist=${mode.whitelist}`];
  const { stdout } = await run(
    'tesseract',
    [imagePath, 'stdout', '-l', languages, '--psm', String(mode.psm), '--dpi', '300', ...whitelist, 'tsv'],
    {
      timeout: timeoutMs,
      maxBuffer: 32 * 1024 * 1024,
      env: { ...process.env, OMP_THREAD_LIMIT: '1' },
    },
  );
  return parseTesseractTsv(stdout);
}

/** The languages Tesseract has installed, or undefined when the program is missing. */
export async function tesseractLanguages(): Promise<string[] | undefined> {
  try {
    const { stdout } = await run('tesseract', ['--list-langs'], { timeout: 15_000 });
    return stdout
      .split('\n')
      .slice(1)
      .map((line) => line.trim())
      .filter((line) => line !== '');
  } catch {
    return undefined;
  }
}
