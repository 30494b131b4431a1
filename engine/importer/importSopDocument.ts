import { loadSopSource } from '../definition/loadDefinitionSource.ts';
import type { RawRegency } from '../definition/sopTypes.ts';
import type { DocumentText } from './documentText.ts';
import { buildDraft } from './draft/buildDraft.ts';
import type { ImportWarning } from './draft/importWarning.ts';
import { countInferred, writeDraftYaml } from './draft/writeDraftYaml.ts';
import { parseSopDocument } from './parse/parseSopDocument.ts';
import type { SourceDetail } from './parse/parsedSop.ts';
import { readDocument, type ReadOptions } from './readDocument.ts';

/** One draft SOP read from a document. */
export interface ImportedDraft {
  sopId: string;
  fileName: string;
  yaml: string;
  name: string;
  detail: SourceDetail;
  stepCount: number;
  /** How many parts are marked inferred (to be reviewed before publishing). */
  inferredCount: number;
  warnings: ImportWarning[];
}

/** What importing a document gives: the text as read (shown beside the draft) and one draft per SOP found. */
export interface ImportResult {
  document: DocumentText;
  drafts: ImportedDraft[];
}

/** The regency the drafts are written for (loaded by the caller: from its folder, or from the database). */
export interface ImportOptions {
  regencyId: string;
  regency: RawRegency;
}

/**
 * Reads an SOP document (text or markdown here; .docx, PDF and scans through the same reader table) and writes
 * one draft YAML per SOP found. Each draft is checked with the project's loader; what it reports is returned as
 * warnings of that draft, never thrown.
 */
export async function importSopDocument(
  file: { name: string; bytes: Uint8Array },
  options: ImportOptions,
  read: ReadOptions = {},
): Promise<ImportResult> {
  const document = await readDocument(file, read);
  return { document, drafts: draftsOf(document, options) };
}

/** The drafts of a document already read (the designer re-runs this after the drafter corrects the text). */
export function draftsOf(document: DocumentText, options: ImportOptions): ImportedDraft[] {
  const taken = new Set<string>();
  return parseSopDocument(document).map((parsed) => {
    const { sop, warnings } = buildDraft(parsed, { regency: options.regency, fileName: document.fileName });
    let id = sop.id;
    for (let n = 2; taken.has(id); n += 1) id = `${sop.id.slice(0, 56)}-${n}`;
    taken.add(id);
    sop.id = id;
    const yaml = writeDraftYaml(sop);
    const fileName = `${id}.yaml`;
    const loaded = loadSopSource(new TextEncoder().encode(yaml), fileName, {
      regency: options.regency,
      folderName: options.regencyId,
    });
    const invalid: ImportWarning[] = loaded.errors.map((e) => ({
      code: 'DRAFT_INVALID',
      message: `${fileName}:${e.line}:${e.column} ${e.message}`,
      messageEn: `${fileName}:${e.line}:${e.column} ${e.messageEn}`,
    }));
    return {
      sopId: id,
      fileName,
      yaml,
      name: sop.name,
      detail: parsed.detail,
      stepCount: sop.steps.length,
      inferredCount: countInferred(sop),
      warnings: [...warnings, ...invalid],
    };
  });
}
