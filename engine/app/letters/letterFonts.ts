import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { shippedPath } from '../../server/projectRoot.ts';

// DejaVu Sans ships in this folder (LICENSE-DejaVu.txt: Bitstream Vera licence, free to embed and
// redistribute); found from the project root, so the compiled server (dist/server) finds it too.
const FONTS = shippedPath('engine/app/letters/fonts');

/** Paths of the regular and bold letter fonts, embedded (as subsets) in every letter PDF. */
export function letterFonts(): { regular: string; bold: string } {
  if (!existsSync(join(FONTS, 'DejaVuSans.ttf')))
    throw new Error('Huruf surat (DejaVuSans.ttf) tidak ditemukan di engine/app/letters/fonts.');
  return { regular: join(FONTS, 'DejaVuSans.ttf'), bold: join(FONTS, 'DejaVuSans-Bold.ttf') };
}
