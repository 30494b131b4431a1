import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { loadRegencySource } from '../../engine/definition/loadDefinitionSource.ts';
import type { RawSop } from '../../engine/definition/sopTypes.ts';
import { importSopDocument } from '../../engine/importer/importSopDocument.ts';
import { UNATTENDED_MAX_PAGES } from '../../engine/importer/readers/readScan.ts';
import { compareSop, type SopScore } from './compareSop.ts';
import { corpusDocuments, type CorpusFormat } from './corpus.ts';
import { publishedByCatalogId, readCatalog, type CatalogEntry } from './groundTruth.ts';
import { checkStandard, standardExpectations, type StandardCheck } from './standardExpectations.ts';
import { similarity } from './textSimilarity.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');

/** One SOP of the report: what was found and, where there is a reference, how much was read correctly. */
export interface SopMeasure {
  source: string;
  catalogId?: string;
  name: string;
  detail: string;
  stepsFound: number;
  /** Against the published definition (Kutai Kartanegara) — undefined where the source has no step table. */
  score?: SopScore;
  /** Service standards: the Jangka Waktu read equals the catalogue's. */
  durationRead?: boolean;
  /** Service standards checked by hand (tests/fixtures/expected/): steps, Persyaratan, Jangka Waktu, Produk. */
  standard?: StandardCheck;
  valid: boolean;
}

/** The measurement of one format. */
export interface FormatMeasure {
  format: CorpusFormat;
  missing: string[];
  sops: SopMeasure[];
  /** Catalogue entries no draft was matched to. */
  notFound: CatalogEntry[];
}

function regencyOf(id: string): NonNullable<ReturnType<typeof loadRegencySource>['regency']> {
  const file = path.join(ROOT, 'sop-definitions', id, 'regency.yaml');
  const loaded = loadRegencySource(readFileSync(file), file, id);
  if (!loaded.regency) throw new Error(`${file} is not valid`);
  return loaded.regency;
}

function bestEntry(entries: readonly CatalogEntry[], name: string, number?: string): CatalogEntry | undefined {
  let best: { entry: CatalogEntry; score: number } | undefined;
  for (const entry of entries) {
    const score = similarity(entry.name, name) + (number !== undefined && entry.doc_number === number ? 0.01 : 0);
    if (!best || score > best.score) best = { entry, score };
  }
  return best && best.score >= 0.8 ? best.entry : undefined;
}

/**
 * Imports every document of a format and scores the drafts: Kutai Kartanegara against its published
 * definitions, the others against the seeds' catalogue (names, scope, Jangka Waktu).
 */
export async function measureFormat(format: CorpusFormat): Promise<FormatMeasure> {
  const { documents, missing } = corpusDocuments(format);
  const catalog = readCatalog();
  const expectations = standardExpectations();
  const sops: SopMeasure[] = [];
  const matched = new Set<string>();
  for (const doc of documents) {
    const regency = regencyOf(doc.regencyId);
    // Read as `alur import-sop` reads: a long scan whole, page by page, its progress on stderr.
    const result = await importSopDocument(
      { name: doc.name, bytes: doc.bytes },
      { regencyId: doc.regencyId, regency },
      {
        scan: {
          maxPages: UNATTENDED_MAX_PAGES,
          onPage: (done, pages) => process.stderr.write(`${doc.name}: OCR halaman ${done}/${pages}\n`),
        },
      },
    );
    const entries = catalog.filter((c) => c.source === doc.source && !matched.has(c.id));
    const published = publishedByCatalogId(doc.regencyId);
    for (const draft of result.drafts) {
      const sop = parse(draft.yaml) as RawSop;
      const entry = bestEntry(
        entries.filter((e) => !matched.has(e.id)),
        sop.name,
        sop.number,
      );
      if (entry) matched.add(entry.id);
      const measure: SopMeasure = {
        source: doc.source,
        name: sop.name,
        detail: draft.detail,
        stepsFound: sop.steps.length,
        valid: !draft.warnings.some((w) => w.code === 'DRAFT_INVALID'),
        ...(entry ? { catalogId: entry.id } : {}),
      };
      const reference = entry && entry.detail === 'full-steps' ? published.get(entry.id) : undefined;
      if (reference && entry) measure.score = compareSop(sop, reference, entry.step_count ?? reference.steps.length);
      const expected = (entry as (CatalogEntry & { standard_total_time?: string }) | undefined)?.standard_total_time;
      if (draft.detail === 'service-standard' && expected !== undefined)
        measure.durationRead = similarity(expected, sop.serviceStandard?.duration ?? '') >= 0.95;
      const expectation = entry ? expectations.get(entry.id) : undefined;
      if (expectation) measure.standard = checkStandard(sop, expectation);
      sops.push(measure);
    }
  }
  const sources = new Set(documents.map((d) => d.source));
  const notFound = catalog.filter((c) => sources.has(c.source) && !matched.has(c.id));
  return { format, missing, sops, notFound };
}
