import type { DocumentText } from '../documentText.ts';
import { flatLines } from './flatLines.ts';
import type { ParsedSop } from './parsedSop.ts';
import { readDecreeLists } from './readDecreeLists.ts';
import { readServiceStandards } from './readServiceStandards.ts';
import { readSopTables } from './readSopTables.ts';

/**
 * Every SOP a document holds, in the most detailed layout found: SOP tables (PermenPANRB 35/2012), else service
 * standards (PermenPANRB 15/2014), else a decree's list of SOP names.
 */
export function parseSopDocument(document: DocumentText): ParsedSop[] {
  const lines = flatLines(document);
  const tables = readSopTables(lines);
  if (tables.length > 0) return tables;
  const standards = readServiceStandards(lines);
  if (standards.length > 0) return standards;
  return readDecreeLists(lines);
}
