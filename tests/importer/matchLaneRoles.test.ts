import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRegencySource } from '../../engine/definition/loadDefinitionSource.ts';
import { joinSplitWords, matchLaneRole } from '../../engine/importer/draft/matchLaneRoles.ts';

const file = path.resolve(import.meta.dirname, '../../sop-definitions/kutai-kartanegara/regency.yaml');
const regency = loadRegencySource(readFileSync(file), file, 'kutai-kartanegara').regency!;

describe('lane headers as OCR reads them', () => {
  it('joins a word a scan split in two, and leaves two known words apart', () => {
    const known = ['masyarakat', 'linjamsos', 'pkbptmp', 'kepala', 'dinas'];
    expect(joinSplitWords('MASYARAKA T', known)).toBe('MASYARAKAT');
    expect(joinSplitWords('Staf Bidang Linjam Sos', known)).toBe('Staf Bidang LinjamSos');
    expect(joinSplitWords('Kepala Dinas', known)).toBe('Kepala Dinas');
  });

  it('matches lanes whose words OCR split or ran together to the same roles as the printed names', () => {
    for (const [printed, scanned] of [
      ['JF/JP Bidang PKBPT MP, Tagana', 'JFJP Bidang PKBPT MP, Tagana'],
      ['Petugas Loker', 'PetugasLoker'],
      ['Staf Bidang Linjamsos', 'Staf Bidang Linjam Sos'],
    ] as const) {
      const expected = matchLaneRole(printed, regency);
      expect(expected.role, printed).toBeDefined();
      expect(matchLaneRole(scanned, regency).role, scanned).toBe(expected.role);
    }
    expect(matchLaneRole('JFJP Bidang PKBPT MP, Tagana', regency).role).toBe('staf-pkbptmp');
  });

  it('repairs an outside party split by OCR so its actor id reads as the word', () => {
    expect(matchLaneRole('MASYARAKA T', regency)).toMatchObject({ outside: true, repaired: 'MASYARAKAT' });
  });
});
