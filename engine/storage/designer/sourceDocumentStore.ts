import { Type, type Static } from '@sinclair/typebox';
import type { Knex } from 'knex';
import type { DocumentText } from '../../importer/documentText.ts';
import { BigNumber, JsonList, JsonObject, Timestamp } from '../rowColumns.ts';
import { rowDecoder } from '../rowDecoder.ts';

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

const DocumentRowSchema = Type.Object({
  id: BigNumber,
  file_name: Type.String(),
  media_type: Type.String(),
  byte_size: Type.Number(),
  sha256: Type.String(),
  uploaded_by_name: Type.String(),
  uploaded_at: Timestamp,
});
type DocumentRow = Static<typeof DocumentRowSchema>;

// Compiled once, at module load.
const insertedIds = rowDecoder('source_documents (new id)', Type.Object({ id: BigNumber }));
const pendingRows = rowDecoder(
  'source_documents (pending drafts)',
  Type.Composite([DocumentRowSchema, Type.Object({ pending: Type.Union([JsonList<PendingDraft[]>(), Type.Null()]) })]),
);
const textRows = rowDecoder(
  'source_documents (of an SOP, with text)',
  Type.Composite([DocumentRowSchema, Type.Object({ text: JsonObject<DocumentText>() })]),
);
const contentRows = rowDecoder(
  'source_documents (content)',
  Type.Composite([DocumentRowSchema, Type.Object({ content: Type.Uint8Array() })]),
);
const designerEventRows = rowDecoder(
  'designer_events',
  Type.Object({
    sop_id: Type.String(),
    revision: Type.Number(),
    type: Type.Union([Type.Literal('part-reviewed'), Type.Literal('document-imported')]),
    detail: Type.Record(Type.String(), Type.Union([Type.String(), Type.Number()])),
    by: Type.String(),
    by_name: Type.String(),
    at: Timestamp,
  }),
);

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
  const [row] = insertedIds.rows(
    await db('source_documents')
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
      .returning('id'),
  );
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
  const row = pendingRows.first(
    await db('source_documents')
      .where({ id: documentId })
      .forUpdate()
      .first([...INFO_COLUMNS, 'pending']),
  );
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
  const row = textRows.first(
    await db('source_document_sops as l')
      .join('source_documents as d', 'd.id', 'l.document_id')
      .where({ 'l.regency_id': regencyId, 'l.sop_id': sopId })
      .orderBy('l.id', 'desc')
      .first([...INFO_COLUMNS.map((c) => `d.${c}`), 'd.text']),
  );
  return row ? { ...toInfo(row), text: row.text } : undefined;
}

/** A stored document's bytes. */
export async function documentFile(
  db: Knex,
  documentId: string,
): Promise<(SourceDocumentInfo & { content: Uint8Array }) | undefined> {
  const row = contentRows.first(
    await db('source_documents')
      .where({ id: documentId })
      .first([...INFO_COLUMNS, 'content']),
  );
  return row ? { ...toInfo(row), content: new Uint8Array(row.content) } : undefined;
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
  const rows = designerEventRows.rows(
    await db('designer_events')
      .where({ regency_id: regencyId, sop_id: sopId })
      .orderBy('id', 'desc')
      .select('sop_id', 'revision', 'type', 'detail', 'by', 'by_name', 'at'),
  );
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
