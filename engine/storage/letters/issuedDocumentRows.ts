import { Type } from '@sinclair/typebox';
import type { Letterhead, Signer } from '../../app/outputs/documentTypes.ts';
import { JsonObject, Nullable, Timestamp } from '../rowColumns.ts';
import { rowDecoder } from '../rowDecoder.ts';

/** The columns of an `issued_documents` row that documentTypes' IssuedDocumentRow reads. */
export const IssuedDocumentRowSchema = Type.Object({
  id: Type.String(),
  regency_id: Type.String(),
  case_id: Type.String(),
  output_id: Type.String(),
  step_id: Type.String(),
  title: Type.String(),
  number: Type.String(),
  body: Type.String(),
  signer: JsonObject<Signer>(),
  letterhead: JsonObject<Letterhead>(),
  verification_code: Type.String(),
  status: Type.Union([Type.Literal('valid'), Type.Literal('revoked')]),
  issued_at: Timestamp,
  revoked_at: Nullable(Timestamp),
  revoked_reason: Nullable(Type.String()),
  // Set on letters signed since prepare/paraf/sign (migration 026); null on older rows.
  pdf: Type.Optional(Nullable(Type.Uint8Array())),
  pdf_sha256: Type.Optional(Nullable(Type.String())),
  signature_kind: Type.Optional(Nullable(Type.Union([Type.Literal('local'), Type.Literal('bsre')]))),
  recipient: Type.Optional(Nullable(Type.String())),
});

/** Whole `issued_documents` rows, checked (compiled once, at module load). */
export const issuedDocumentRows = rowDecoder('issued_documents', IssuedDocumentRowSchema);
