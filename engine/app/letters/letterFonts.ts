import { existsSync } from 'node:fs';
import { join } from 'node:path';

// DejaVu Sans ships in this folder (LICENSE-DejaVu.txt: Bitstream Vera licence, free to embed and
// redistribute); from the compiled server (dist/server) the same folder is found under the project root.
const CANDIDATES = [join(import.meta.dirname, 'fonts'), join(import.meta.dirname, '../../engine/app/letters/fonts')];

/** Paths of the regular and bold letter fonts, embedded (as subsets) in every letter PDF. */
export function letterFonts(): { regular: string; bold: string } {
  const dir = CANDIDATES.find((d) => existsSync(join(d, 'DejaVuSans.ttf')));
  if (!dir) throw new Error('Huruf surat (DejaVuSans.ttf) tidak ditemukan di engine/app/letters/fonts.');
  return { regular: join(dir, 'DejaVuSans.ttf'), bold: join(dir, 'DejaVuSans-Bold.ttf') };
}
