import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { definitionErrorCodes } from '../../engine/definition/errorCodes.ts';
import { loadDefinitionPaths, type LoadedDefinitions } from '../../engine/files/loadDefinitionFiles.ts';

const root = join(import.meta.dirname, '../fixtures/invalid');

/**
 * Codes no file in the corpus can carry: a >1 MiB file and an unreadable path cannot live in git, and
 * SCHEMA_OTHER is the fallback for ajv keywords the Alur schemas do not use. hostileInput.test.ts covers them.
 * REGENCY_INVALID stays in each SOP's own errors but the folder report counts it in one summary
 * (REGENCY_CASCADE_SUPPRESSED); regencyCascade.test.ts checks it.
 */
const CODES_COVERED_ELSEWHERE = ['IO_ERROR', 'FILE_TOO_LARGE', 'SCHEMA_OTHER', 'REGENCY_INVALID'];

/** Each fixture states the errors it must produce in `# expect: CODE line:col` header lines. */
function expectations(file: string): string[] {
  // latin1 keeps the header readable in the fixture that is deliberately not UTF-8.
  return readFileSync(file, 'latin1')
    .split('\n')
    .filter((l) => l.startsWith('# expect: '))
    .map((l) => l.slice('# expect: '.length).trim());
}

interface CorpusFile {
  /** Path relative to the corpus root, as the loader reports it. */
  name: string;
  path: string;
  expected: string[];
}

const folders = readdirSync(root).sort();
const files: CorpusFile[] = folders.flatMap((folder) =>
  readdirSync(join(root, folder))
    .filter((f) => /\.ya?ml$/.test(f))
    .sort()
    .map((f) => ({
      name: `${folder}/${f}`,
      path: join(root, folder, f),
      expected: expectations(join(root, folder, f)),
    })),
);
const fixtures = files.filter((f) => f.expected.length > 0);
/** Files without expectations: the shared regency.yaml and partners such as the first of two SOPs with one id. */
const supportFiles = files.filter((f) => f.expected.length === 0);

// Whole folders are loaded, as the CLI and the server do, so errors between files (duplicate SOP ids) show.
const loadedFolders = new Map<string, LoadedDefinitions>(
  folders.map((folder) => [folder, loadDefinitionPaths([join(root, folder)], root)]),
);
const errorsOf = (name: string): LoadedDefinitions['errors'] =>
  (loadedFolders.get(name.split('/')[0]!)?.errors ?? []).filter((e) => e.file === name);
const asExpectation = (e: { code: string; line: number; column: number }): string => `${e.code} ${e.line}:${e.column}`;

describe('invalid definition corpus', () => {
  it('has at least 50 broken definitions', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(50);
  });

  it('covers every error code a file can produce', () => {
    const covered = new Set(fixtures.flatMap((f) => f.expected.map((e) => e.split(' ')[0]!)));
    const missing = definitionErrorCodes.filter((code) => !covered.has(code));
    expect(missing).toEqual(CODES_COVERED_ELSEWHERE);
  });

  it('reports errors only in the files of the corpus', () => {
    const known = new Set(files.map((f) => f.name));
    const stray = [...loadedFolders.values()].flatMap((l) => l.errors).filter((e) => !known.has(e.file));
    expect(stray).toEqual([]);
  });

  it.each(supportFiles.map((f) => [f.name]))('support file %s loads cleanly', (name) => {
    expect(errorsOf(name).map(asExpectation)).toEqual([]);
  });

  it.each(fixtures.map((f) => [f.name, f]))('%s produces exactly its expected errors', (_name, fixture) => {
    const errors = errorsOf(fixture.name);
    expect(errors.map(asExpectation)).toEqual(fixture.expected);
    const lineCount = readFileSync(fixture.path, 'latin1').split('\n').length;
    for (const error of errors) {
      expect(error.line).toBeLessThanOrEqual(lineCount);
      for (const message of [error.message, error.messageEn]) {
        expect(message.length).toBeGreaterThan(20);
        expect(message).not.toMatch(/\{\{|undefined|\[object /);
      }
      expect(error.message).not.toBe(error.messageEn);
      // Slips in the corpus are named in the drafter's language, not in the parser's English.
      if (error.code === 'YAML_SYNTAX' || error.code === 'INVALID_FORM_SCHEMA')
        expect(error.params.problem).toBeDefined();
    }
  });

  // Messages whose wording was fixed for drafters: the right title, the NIP as written, no far-fetched suggestions.
  it.each([
    ['testkab/schema-nip-unquoted.yaml', /misalnya "196807081994031013", agar/],
    ['testkab/schema-list-as-text.yaml', /^Dasar Hukum harus berupa daftar/],
    ['testkab/schema-missing-step-actor.yaml', /^Isian wajib `actor` \(Pelaksana langkah\)/],
    ['testkab/schema-date-impossible.yaml', /^Tanggal efektif bernilai `2025-02-30` yang bukan tanggal yang sah/],
    ['testkab/schema-end-enum.yaml', /Mungkin maksud Anda `ditolak`\?$/],
    ['testkab/unknown-document.yaml', /^Dokumen `sktm` tidak dikenal\. Deklarasikan [^?]*$/],
    ['testkab/unknown-operator.yaml', /^Operator `greaterThanOrEqual` tidak dikenal\. Operator yang boleh:/],
    ['testkab/yaml-duplicate-key.yaml', /^Kunci `time` ditulis dua kali/],
    ['testkab/yaml-tab-indent.yaml', /diindentasi dengan karakter tab/],
    ['testkab/yaml-unclosed-quote.yaml', /tanda kutip " yang dibuka di sini/],
    ['testkab/invalid-form-schema.yaml', /`sesuai KTP` bukan kata kunci JSON Schema/],
    [
      'kutai-kartanegara/regency.yaml',
      /^regency\.yaml ini berpengenal `kukar`, tetapi berada di folder `kutai-kartanegara`/,
    ],
  ])('%s has a message that reads well', (name, pattern) => {
    expect(errorsOf(name).map((e) => e.message)).toEqual([expect.stringMatching(pattern)]);
  });

  // `alur validate <file>` checks a file on its own; only errors between files may differ (duplicate SOP
  // ids, and the summary of SOP references a broken regency.yaml leaves unchecked).
  const BETWEEN_FILES = ['DUPLICATE_SOP_ID', 'REGENCY_CASCADE_SUPPRESSED'];
  const ownOnly = (expected: string[]): string[] => expected.filter((e) => !BETWEEN_FILES.includes(e.split(' ')[0]!));
  it.each(fixtures.filter((f) => !f.expected.some((e) => e.startsWith('DUPLICATE_SOP_ID'))).map((f) => [f.name, f]))(
    '%s gives the same errors when validated alone',
    (_name, fixture) => {
      const alone = loadDefinitionPaths([fixture.path], root).errors.filter((e) => e.file === fixture.name);
      expect(alone.map(asExpectation)).toEqual(ownOnly(fixture.expected));
    },
  );
});
