import { Type } from '@sinclair/typebox';
import type { Knex } from 'knex';
import { AttachmentListRowSchema } from './cases/caseOverviewRows.ts';
import { Nullable } from './rowColumns.ts';
import { rowDecoder } from './rowDecoder.ts';

// Compiled once, at module load.
const attachmentListRows = rowDecoder('attachments (list)', AttachmentListRowSchema);
const attachmentFileRows = rowDecoder(
  'attachments (file)',
  Type.Object({
    file_name: Type.String(),
    media_type: Type.String(),
    content: Type.Uint8Array(),
    purged_at: Nullable(Type.Date()),
  }),
);

/** A stored scan as listed on a case (content not included). */
export interface AttachmentSummary {
  id: string;
  doc: string;
  fileName: string;
  mediaType: string;
  sizeBytes: number;
  uploadedAt: string;
}

/** A scan to store on a case. */
export interface NewAttachment {
  id: string;
  caseId: string;
  regencyId: string;
  doc: string;
  fileName: string;
  mediaType: string;
  content: Buffer;
  sha256: string;
  uploadedBy: string;
}

/** Stores one uploaded scan. */
export async function insertAttachment(db: Knex, a: NewAttachment): Promise<void> {
  await db('attachments').insert({
    id: a.id,
    case_id: a.caseId,
    regency_id: a.regencyId,
    doc_id: a.doc,
    file_name: a.fileName,
    media_type: a.mediaType,
    size_bytes: a.content.length,
    sha256: a.sha256,
    content: a.content,
    uploaded_by: a.uploadedBy,
  });
}

/** The scans of one case in upload order. */
export async function listAttachments(db: Knex, regencyId: string, caseId: string): Promise<AttachmentSummary[]> {
  const rows = attachmentListRows.rows(
    await db('attachments')
      .where({ case_id: caseId, regency_id: regencyId })
      .orderBy('uploaded_at')
      .select('id', 'doc_id', 'file_name', 'media_type', 'size_bytes', 'uploaded_at'),
  );
  return rows.map((r) => ({
    id: r.id,
    doc: r.doc_id,
    fileName: r.file_name,
    mediaType: r.media_type,
    sizeBytes: Number(r.size_bytes),
    uploadedAt: new Date(r.uploaded_at).toISOString(),
  }));
}

/** One scan's content for download; `purged` once the case's retention period removed it. */
export async function attachmentFile(
  db: Knex,
  regencyId: string,
  attachmentId: string,
): Promise<{ fileName: string; mediaType: string; content: Buffer | Uint8Array; purged: boolean } | undefined> {
  const row = attachmentFileRows.first(
    await db('attachments')
      .where({ id: attachmentId, regency_id: regencyId })
      .first('file_name', 'media_type', 'content', 'purged_at'),
  );
  return row
    ? { fileName: row.file_name, mediaType: row.media_type, content: row.content, purged: row.purged_at !== null }
    : undefined;
}
