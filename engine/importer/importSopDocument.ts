// STAND-IN until branch issue-21a is merged (removed before that merge).
import type { RawRegency } from '../definition/sopTypes.ts';
import type { DocumentText } from './documentText.ts';
import { ImportError } from './importError.ts';
export interface ImportedDraft {
  sopId: string;
  fileName: string;
  yaml: string;
  name: string;
  warnings: Array<{ code: string; message: string; messageEn: string }>;
}
export async function importSopDocument(
  file: { name: string; bytes: Uint8Array },
  _options: { regencyId: string; regency: RawRegency },
): Promise<{ document: DocumentText; drafts: ImportedDraft[] }> {
  if (!/\.(txt|md)$/.test(file.name)) throw new ImportError('UNSUPPORTED_FORMAT', file.name, { id: 'x', en: 'x' });
  const lines = new TextDecoder().decode(file.bytes).split('\n');
  return Promise.resolve({
    document: {
      fileName: file.name,
      format: 'text',
      pages: [{ page: 1, lines: lines.map((text, i) => ({ line: i + 1, cells: [{ text }] })) }],
    },
    drafts: [],
  });
}
