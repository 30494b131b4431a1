import type { Knex } from 'knex';
import type { DocumentText } from '../../importer/documentText.ts';

/** A draft found in a document that waits for the drafter's choice, because its id is already in use. */
export interface PendingDraft {
  sopId: string;
  name: string;
  yaml: string;
  warnings: string[];
}

/** A stored source document without its bytes. */
export interface SourceDocumentInfo {
  id: string;
  fileName: string;
  mediaType: string;
  byteSize: number;
  sha256: string;
  uploadedByName: string;
  uploadedAt: string;
}

type DocumentRow = {
  id: string | number;
  file_name: string;
  media_type: string;
  byte_size: number;
  sha256: string;
  uploaded_by_name: string;
  uploaded_at: Date | string;
  text?: DocumentText;
  pending?: PendingDraft[];
  content?: Buffer | Uint8Array;
};

const INFO_COLUMNS = ['id', 'file_name', 'media_type', 'byte_size', 'sha256', 'uploaded_by_name', 'uploaded_at'];

function toInfo(row: DocumentRow): SourceDocumentInfo {
  return {
    id: String(row.id),
    fileName: row.file_name,
    mediaType: row.media_type,
    byteSize: row.byte_size,
    sha256: row.sha256,
    uploadedByName: row.uploaded_by_name,
    uploadedAt: new Date(row.uploaded_at).toISOString(),
  };
}

/** What is stored of an upload. */
export interface NewSourceDocument {
  regencyId: string;
  fileName: string;
  mediaType: string;
  sha256: string;
  content: Uint8Array;
  text: DocumentText;
  uploadedBy: string;
  uploadedByName: string;
}

/** Stores an uploaded document with the text read from it; returns its id. */
export async function insertSourceDocument(db: Knex, input: NewSourceDocument): Promise<string> {
  const [row] = (await db('source_documents')
    .insert({
      regency_id: input.regencyId,
      file_name: input.fileName,
      media_type: input.mediaType,
      byte_size: input.content.length,
      sha256: input.sha256,
      content: Buffer.from(input.content),
      text: JSON.stringify(input.text),
      pending: JSON.stringify([]),
      uploaded_by: input.uploadedBy,
      uploaded_by_name: input.uploadedByName,
    })
    .returning('id')) as Array<{ id: string | number }>;
  return String(row!.id);
}

/** Replaces the drafts still waiting for a choice. */
export async function setPending(db: Knex, documentId: string, pending: PendingDraft[]): Promise<void> {
  await db('source_documents')
    .where({ id: documentId })
    .update({ pending: JSON.stringify(pending) });
}

/** A document's summary and the drafts still waiting for a choice (locked for the rest of the transaction). */
export async function pendingOf(
  db: Knex,
  documentId: string,
): Promise<{ info: SourceDocumentInfo; pending: PendingDraft[] } | undefined> {
  const row = (await db('source_documents')
    .where({ id: documentId })
    .forUpdate()
    .first([...INFO_COLUMNS, 'pending'])) as DocumentRow | undefined;
  return row ? { info: toInfo(row), pending: row.pending ?? [] } : undefined;
}

/** Records that an SOP's draft was made from a document (the newest link is the one shown). */
export async function linkSop(db: Knex, regencyId: string, sopId: string, documentId: string): Promise<void> {
  await db('source_document_sops').insert({ regency_id: regencyId, sop_id: sopId, document_id: documentId });
}

/** The document an SOP was last imported from, with its text. */
export async function documentOfSop(
  db: Knex,
  regencyId: string,
  sopId: string,
): Promise<(SourceDocumentInfo & { text: DocumentText }) | undefined> {
  const row = (await db('source_document_sops as l')
    .join('source_documents as d', 'd.id', 'l.document_id')
    .where({ 'l.regency_id': regencyId, 'l.sop_id': sopId })
    .orderBy('l.id', 'desc')
    .first([...INFO_COLUMNS.map((c) => `d.${c}`), 'd.text'])) as DocumentRow | undefined;
  return row ? { ...toInfo(row), text: row.text! } : undefined;
}

/** A stored document's bytes. */
export async function documentFile(
  db: Knex,
  documentId: string,
): Promise<(SourceDocumentInfo & { content: Uint8Array }) | undefined> {
  const row = (await db('source_documents')
    .where({ id: documentId })
    .first([...INFO_COLUMNS, 'content'])) as DocumentRow | undefined;
  return row ? { ...toInfo(row), content: new Uint8Array(row.content!) } : undefined;
}

/** One designer event: who did what to which SOP revision. */
export interface DesignerEvent {
  sopId: string;
  revision: number;
  type: 'part-reviewed' | 'document-imported';
  detail: Record<string, string | number>;
  by: string;
  byName: string;
  at: string;
}

/** Appends a designer event. */
export async function insertDesignerEvent(
  db: Knex,
  regencyId: string,
  event: Omit<DesignerEvent, 'at'>,
): Promise<void> {
  await db('designer_events').insert({
    regency_id: regencyId,
    sop_id: event.sopId,
    revision: event.revision,
    type: event.type,
    detail: JSON.stringify(event.detail),
    by: event.by,
    by_name: event.byName,
  });
}

/** The designer events of an SOP, newest first. */
export async function listDesignerEvents(db: Knex, regencyId: string, sopId: string): Promise<DesignerEvent[]> {
  const rows = (await db('designer_events')
    .where({ regency_id: regencyId, sop_id: sopId })
    .orderBy('id', 'desc')
    .select('sop_id', 'revision', 'type', 'detail', 'by', 'by_name', 'at')) as Array<{
    sop_id: string;
    revision: number;
    type: DesignerEvent['type'];
    detail: Record<string, string | number>;
    by: string;
    by_name: string;
    at: Date | string;
  }>;
  return rows.map((r) => ({
    sopId: r.sop_id,
    revision: r.revision,
    type: r.type,
    detail: r.detail,
    by: r.by,
    byName: r.by_name,
    at: new Date(r.at).toISOString(),
  }));
}
