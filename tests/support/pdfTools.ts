import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

function withFile<T>(pdf: Buffer, work: (path: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'alur-pdf-'));
  try {
    const path = join(dir, 'letter.pdf');
    writeFileSync(path, pdf);
    return work(path);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The text of a PDF as poppler's pdftotext reads it (in content order, so rotated stamps stay whole). */
export function pdfText(pdf: Buffer): string {
  return withFile(pdf, (path) => execFileSync('pdftotext', ['-raw', path, '-'], { encoding: 'utf8' }));
}

/** poppler's pdfsig report of a PDF's signatures (its exit code is not an answer: read the text). */
export function pdfSignatures(pdf: Buffer): string {
  return withFile(pdf, (path) => {
    try {
      return execFileSync('pdfsig', [path], { encoding: 'utf8' });
    } catch (error) {
      const e = error as { stdout?: string; stderr?: string };
      return `${e.stdout ?? ''}${e.stderr ?? ''}`;
    }
  });
}

/** The fonts a PDF uses, from poppler's pdffonts (to check they are embedded). */
export function pdfFonts(pdf: Buffer): string {
  return withFile(pdf, (path) => execFileSync('pdffonts', [path], { encoding: 'utf8' }));
}

/** Keeps a PDF and its pages as PNG (pdftoppm) under tests/artifacts/<topic>/, to look at. */
export function savePdfArtifact(pdf: Buffer, topic: string, name: string): void {
  const dir = join(import.meta.dirname, '../artifacts', topic);
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${name}.pdf`);
  writeFileSync(path, pdf);
  execFileSync('pdftoppm', ['-png', '-r', '60', path, join(dir, name)]);
}

/** The images a PDF holds, from poppler's `pdfimages -list`: size in pixels per image. */
export function pdfImages(pdf: Buffer): Array<{ page: number; width: number; height: number }> {
  return withFile(pdf, (path) =>
    execFileSync('pdfimages', ['-list', path], { encoding: 'utf8' })
      .split('\n')
      .slice(2)
      .map((line) => line.trim().split(/\s+/))
      .filter((cells) => cells.length > 4 && /^\d+$/.test(cells[0]!))
      .map((cells) => ({ page: Number(cells[0]), width: Number(cells[3]), height: Number(cells[4]) })),
  );
}
