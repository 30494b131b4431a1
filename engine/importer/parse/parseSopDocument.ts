import type { DocumentText } from '../documentText.ts';
import { flatLines } from './flatLines.ts';
import type { ParsedSop } from './parsedSop.ts';
import { readSopTables } from './readSopTables.ts';

/** Every SOP a document holds, whatever its layout (SOP tables, service standards, decree lists), in order. */
export function parseSopDocument(document: DocumentText): ParsedSop[] {
  const lines = flatLines(document);
  return readSopTables(lines);
}
