/**
 * Joins JPEG page images into one image-only PDF, the way a scanner does: no text layer, each page the size of its
 * image at the given resolution. (ImageMagick's PDF writer is disabled by Debian's policy, pdfkit is already ours.)
 *
 * Usage: tsx tools/importer/jpegsToPdf.ts <dpi> <out.pdf> <page1.jpg> [page2.jpg …]
 */
import { createWriteStream, readFileSync } from 'node:fs';
import PDFDocument from 'pdfkit';
import { imageSize } from '../../engine/importer/readers/imageSize.ts';

const [dpiText, out, ...pages] = process.argv.slice(2);
if (dpiText === undefined || out === undefined || pages.length === 0) {
  process.stderr.write('Pakai: tsx tools/importer/jpegsToPdf.ts <dpi> <keluaran.pdf> <halaman.jpg>…\n');
  process.exit(2);
}
const scale = 72 / Number(dpiText);
const doc = new PDFDocument({
  autoFirstPage: false,
  info: { Producer: 'Alur importer corpus', CreationDate: new Date('2025-01-01T00:00:00Z') },
});
doc.pipe(createWriteStream(out));
for (const page of pages) {
  const bytes = readFileSync(page);
  const size = imageSize(bytes);
  if (!size) throw new Error(`${page}: bukan JPEG`);
  const { width, height } = size;
  doc.addPage({ size: [width * scale, height * scale], margin: 0 });
  doc.image(bytes, 0, 0, { width: width * scale, height: height * scale });
}
doc.end();
