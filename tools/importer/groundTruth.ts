import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import type { RawOutput, RawSop } from '../../engine/definition/sopTypes.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');

/** One catalogue entry of the seeds (tests/fixtures/seeds/catalog.json). */
export interface CatalogEntry {
  id: string;
  source: string;
  doc_number?: string;
  name: string;
  detail: string;
  scope?: string;
  step_count?: number;
}

/** The seeds' catalogue: every SOP and service standard the documents name. */
export function readCatalog(): CatalogEntry[] {
  return JSON.parse(readFileSync(path.join(ROOT, 'tests/fixtures/seeds/catalog.json'), 'utf8')) as CatalogEntry[];
}

/** The published definitions of a regency, by their `source.catalogId`. */
export function publishedByCatalogId(regencyId: string): Map<string, RawSop> {
  const folder = path.join(ROOT, 'sop-definitions', regencyId);
  const byId = new Map<string, RawSop>();
  for (const file of readdirSync(folder)) {
    if (!file.endsWith('.yaml') || file === 'regency.yaml') continue;
    const sop = parse(readFileSync(path.join(folder, file), 'utf8')) as RawSop;
    if (sop.source?.catalogId !== undefined) byId.set(sop.source.catalogId, sop);
  }
  return byId;
}

/** The names of a step's outputs, whatever form they take (text, list, letter). */
export function outputNames(output: RawOutput | RawOutput[] | undefined): string[] {
  if (output === undefined) return [];
  return (Array.isArray(output) ? output : [output]).map((o) => (typeof o === 'string' ? o : o.name));
}
