import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadDefinitionPaths } from '../../engine/files/loadDefinitionFiles.ts';

const kutai = join(import.meta.dirname, '../../sop-definitions/kutai-kartanegara');

/** A copy of the Kutai Kartanegara pack (folder name kept) whose regency.yaml is changed by `edit`. */
function copyWith(edit: (source: string) => string): { folder: string; cleanup: () => void } {
  const root = mkdtempSync(join(tmpdir(), 'issue-16-cascade-'));
  const folder = join(root, 'kutai-kartanegara');
  cpSync(kutai, folder, { recursive: true });
  const file = join(folder, 'regency.yaml');
  writeFileSync(file, edit(readFileSync(file, 'utf8')));
  return { folder, cleanup: () => rmSync(root, { recursive: true, force: true }) };
}

describe('a broken regency.yaml reports its own error first and suppresses the cascade', () => {
  const cleanups: Array<() => void> = [];
  afterAll(() => cleanups.forEach((c) => c()));

  it('a NIP one digit short: one NIP_FORMAT error in words, then one summary instead of dozens of SOP errors', () => {
    const { folder, cleanup } = copyWith((s) => s.replace(/nip: "(\d{18})"/, 'nip: "19680708 199403 1 01"'));
    cleanups.push(cleanup);
    const loaded = loadDefinitionPaths([folder], join(folder, '..'));
    expect(loaded.errors.map((e) => e.code)).toEqual(['NIP_FORMAT', 'REGENCY_CASCADE_SUPPRESSED']);
    const [nip, summary] = loaded.errors;
    expect(nip!.message).toContain('NIP terdiri atas 18 angka, yang tertulis 17 angka');
    expect(nip!.message).not.toMatch(/[\^$[\]{}]/);
    expect(summary!.file).toBe('kutai-kartanegara/regency.yaml');
    const sops = loaded.folders[0]!.sops;
    const suppressed = sops.flatMap((s) => s.errors).filter((e) => e.code !== 'REGENCY_INVALID').length;
    expect(suppressed).toBeGreaterThan(20);
    expect(summary!.message).toBe(
      `1 kesalahan di regency.yaml; ${suppressed} rujukan di ${sops.length} SOP tidak dapat diperiksa sampai itu diperbaiki.`,
    );
    // Per-file views (the designer) still see why each SOP cannot run.
    expect(sops.every((s) => s.errors.some((e) => e.code === 'REGENCY_INVALID') && !s.definition)).toBe(true);
  });

  it('a NIP written as printed, with spaces, is accepted and kept as its 18 digits', () => {
    const { folder, cleanup } = copyWith((s) =>
      s.replace(
        /nip: "(\d{8})(\d{6})(\d)(\d{3})"/,
        (_m, a: string, b: string, c: string, d: string) => `nip: "${a} ${b} ${c} ${d}"`,
      ),
    );
    cleanups.push(cleanup);
    expect(readFileSync(join(folder, 'regency.yaml'), 'utf8')).toMatch(/nip: "\d{8} \d{6} \d \d{3}"/);
    const loaded = loadDefinitionPaths([folder], join(folder, '..'));
    expect(loaded.errors).toEqual([]);
    expect(loaded.folders[0]!.regency!.office.head!.nip).toMatch(/^\d{18}$/);
  });

  it('SOP errors of their own are still reported while regency.yaml is broken', () => {
    const { folder, cleanup } = copyWith((s) => s.replace(/nip: "(\d{18})"/, 'nip: "1968"'));
    cleanups.push(cleanup);
    const sopFile = join(folder, 'bantuan-permakanan.yaml');
    writeFileSync(sopFile, readFileSync(sopFile, 'utf8').replace(/goto: (\w[\w-]*)/, 'goto: langkah-tak-ada'));
    const codes = loadDefinitionPaths([folder], join(folder, '..')).errors.map((e) => e.code);
    expect(codes).toContain('UNKNOWN_TARGET');
    expect(codes.filter((c) => c === 'REGENCY_CASCADE_SUPPRESSED')).toHaveLength(1);
  });
});
