import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { hasActivePdfContent } from '../../engine/app/activePdfContent.ts';

/** A PDF whose object 1 is a Flate-compressed stream holding `content`. */
function pdfWithCompressedStream(content: string, filter = '/Filter /FlateDecode'): Uint8Array {
  const data = deflateSync(Buffer.from(content, 'latin1'));
  return Buffer.concat([
    Buffer.from(
      `%PDF-1.7\n1 0 obj << /Type /ObjStm /N 1 /First 4 /Length ${data.length} ${filter} >>\nstream\n`,
      'latin1',
    ),
    data,
    Buffer.from('\nendstream\nendobj\ntrailer << /Root 2 0 R >>\n%%EOF\n', 'latin1'),
  ]);
}

describe('the PDF upload check decodes compressed streams before judging active content', () => {
  it('JavaScript hidden in a compressed object stream is found', () => {
    const hidden = pdfWithCompressedStream(
      '3 0 << /Type /Catalog /OpenAction << /S /JavaScript /JS (app.alert(1)) >> >>',
    );
    expect(Buffer.from(hidden).toString('latin1')).not.toMatch(/JavaScript/);
    expect(hasActivePdfContent(hidden)).toBe(true);
    expect(hasActivePdfContent(pdfWithCompressedStream('3 0 << /S /J#61vaScript >>', '/Filter [/FlateDecode]'))).toBe(
      true,
    );
  });

  it('an ordinary compressed page stays allowed', () => {
    expect(hasActivePdfContent(pdfWithCompressedStream('BT /F1 12 Tf 72 712 Td (Surat Keterangan) Tj ET'))).toBe(false);
  });

  it('a decompression bomb is refused rather than inflated without end', () => {
    const bomb = pdfWithCompressedStream('0'.repeat(40 * 1024 * 1024));
    expect(bomb.length).toBeLessThan(100_000);
    expect(hasActivePdfContent(bomb)).toBe(true);
  });
});
