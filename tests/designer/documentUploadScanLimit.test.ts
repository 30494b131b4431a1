import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../engine/app/appErrors.ts';
import { DESIGNER_SCAN_MAX_PAGES, readUploadedDocument } from '../../engine/app/designer/documentUpload.ts';
import { loadRegencySource } from '../../engine/definition/loadDefinitionSource.ts';

describe('a long scan uploaded in the designer', () => {
  it('is refused at once, before OCR, with the page ranges to split it into and the command that reads it whole', async () => {
    const file = 'sop-definitions/bangkalan/regency.yaml';
    const regency = loadRegencySource(readFileSync(file), file, 'bangkalan').regency!;
    const bytes = readFileSync('tests/fixtures/importer/bangkalan-standar-pelayanan-2025.scan.pdf');
    const error = await readUploadedDocument(bytes, 'standar-pelayanan.pdf', regency).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    const refused = error as AppError;
    expect(refused.code).toBe('UNPROCESSABLE');
    expect(refused.reason).toBe('DOCUMENT_TOO_MANY_PAGES');
    expect(DESIGNER_SCAN_MAX_PAGES).toBe(20);
    expect(refused.message).toContain(
      'standar-pelayanan.pdf: pindaian ini berisi 63 halaman, lebih dari 20 halaman yang dapat dibaca OCR sekaligus; belum ada halaman yang dibaca.',
    );
    expect(refused.message).toContain('(misalnya halaman 1–16, 17–32, 33–48 dan 49–63)');
    expect(refused.message).toContain('npx alur import-sop');
  }, 60_000);
});
