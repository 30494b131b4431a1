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

/** OCRs one image file; `languages` like "ind" or "ind+eng". Throws the child's error when Tesseract fails. */
export async function tesseractWords(imagePath: string, languages: string, timeoutMs: number): Promise<PlacedText[]> {
  // --psm 4 on a page whose rules were erased: only word boxes are used, and it keeps the lone step numbers that
  // the automatic (3) and sparse (11) layouts drop as noise.
  const { stdout } = await run(
    'tesseract',
    [imagePath, 'stdout', '-l', languages, '--psm', '4', '--dpi', '300', 'tsv'],
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
