/** Who signs a document, as printed under it. */
export interface Signer {
  name: string;
  title: string;
  nip?: string;
}

/** The letterhead lines of the issuing office. */
export interface Letterhead {
  parent?: string;
  office: string;
  address?: string;
  contact?: string;
  /** The regency logo upload printed at the left of the kop (regency_logos.id); absent: a text-only kop. */
  logoId?: string;
}

/** An issued, numbered document. */
export interface IssuedDocument {
  id: string;
  regencyId: string;
  caseId: string;
  outputId: string;
  stepId: string;
  title: string;
  number: string;
  body: string;
  signer: Signer;
  letterhead: Letterhead;
  verificationCode: string;
  status: 'valid' | 'revoked';
  issuedAt: string;
  revokedAt: string | null;
  revokedReason: string | null;
  /** SHA-256 of the signed PDF (null for letters issued before electronic signing). */
  pdfSha256: string | null;
  signatureKind: 'local' | 'bsre' | null;
}

type Row = {
  id: string;
  regency_id: string;
  case_id: string;
  output_id: string;
  step_id: string;
  title: string;
  number: string;
  body: string;
  signer: Signer;
  letterhead: Letterhead;
  verification_code: string;
  status: 'valid' | 'revoked';
  issued_at: Date | string;
  revoked_at: Date | string | null;
  revoked_reason: string | null;
  /** Set on letters signed since prepare/paraf/sign (migration 026); older rows have none. */
  pdf?: Buffer | Uint8Array | null;
  pdf_sha256?: string | null;
  signature_kind?: 'local' | 'bsre' | null;
  recipient?: string | null;
};

/** Maps a database row to an issued document. */
export function toIssuedDocument(row: Row): IssuedDocument {
  return {
    id: row.id,
    regencyId: row.regency_id,
    caseId: row.case_id,
    outputId: row.output_id,
    stepId: row.step_id,
    title: row.title,
    number: row.number,
    body: row.body,
    signer: row.signer,
    letterhead: row.letterhead,
    verificationCode: row.verification_code,
    status: row.status,
    issuedAt: new Date(row.issued_at).toISOString(),
    revokedAt: row.revoked_at ? new Date(row.revoked_at).toISOString() : null,
    revokedReason: row.revoked_reason,
    pdfSha256: row.pdf_sha256 ?? null,
    signatureKind: row.signature_kind ?? null,
  };
}

/** The row type, for queries. */
export type IssuedDocumentRow = Row;
