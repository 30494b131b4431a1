import { readFileSync } from 'node:fs';
import path from 'node:path';

/** A format of the measured corpus: the seeds as given (text), and the same content as .docx, PDF or a scan. */
export type CorpusFormat = 'text' | 'docx' | 'pdf' | 'scan';

/** One document of the corpus. */
export interface CorpusDocument {
  /** The seed file this document was made from (its `source` in catalog.json). */
  source: string;
  regencyId: string;
  /** The file as handed to the importer. */
  name: string;
  bytes: Uint8Array;
}

const SEEDS = path.resolve(import.meta.dirname, '../../tests/fixtures/seeds');

/** The seeds and the regency each is imported for. */
export const SEED_SOURCES: ReadonlyArray<{ source: string; regencyId: string }> = [
  { source: 'kutai-kartanegara-sop-2025.md', regencyId: 'kutai-kartanegara' },
  { source: 'bengkayang-sop-pjrs-2026.md', regencyId: 'bengkayang' },
  { source: 'bangkalan-daftar-sop-2025.txt', regencyId: 'bangkalan' },
  { source: 'bangkalan-standar-pelayanan-2025.md', regencyId: 'bangkalan' },
];

/**
 * Where each format's documents come from. Text is the seeds themselves; other formats register here the file
 * made from each seed (same base name, their own extension) in their fixture folder.
 */
const IMPORTER_FIXTURES = path.resolve(import.meta.dirname, '../../tests/fixtures/importer');
export const corpusFolders: Partial<Record<CorpusFormat, { folder: string; extension: string }>> = {
  // Made by tools/importer/makeCorpus.sh (see the folder's README).
  docx: { folder: IMPORTER_FIXTURES, extension: 'docx' },
  pdf: { folder: IMPORTER_FIXTURES, extension: 'pdf' },
  scan: { folder: IMPORTER_FIXTURES, extension: 'scan.pdf' },
};

/** The documents of one format, one per seed (a format without a file for some seed skips it, and says so). */
export function corpusDocuments(format: CorpusFormat): { documents: CorpusDocument[]; missing: string[] } {
  const documents: CorpusDocument[] = [];
  const missing: string[] = [];
  for (const seed of SEED_SOURCES) {
    if (format === 'text') {
      documents.push({ ...seed, name: seed.source, bytes: readFileSync(path.join(SEEDS, seed.source)) });
      continue;
    }
    const where = corpusFolders[format];
    const name = `${seed.source.replace(/\.[a-z]+$/, '')}.${where?.extension ?? format}`;
    try {
      if (!where) throw new Error('no folder');
      documents.push({ ...seed, name, bytes: readFileSync(path.join(where.folder, name)) });
    } catch {
      missing.push(name);
    }
  }
  return { documents, missing };
}
