import type { Knex } from 'knex';
import type { CaseState } from '../../core/caseTypes.ts';
import type { CaseEvent, CaseEventType } from '../../core/events.ts';
import { decodeCaseEvent, type CaseEventRow } from '../decodeCaseEvent.ts';

/** A case as the public status page reads it by tracking code (no personal data leaves the service). */
export interface PublicCaseRow {
  id: string;
  regencyId: string;
  versionId: number;
  trackingCode: string;
  state: CaseState;
  regencyName: string;
  timeZone: string | null;
}

/** The case with this tracking code (already normalised by the caller), with its regency's name and time zone. */
export async function caseByTrackingCode(db: Knex, trackingCode: string): Promise<PublicCaseRow | undefined> {
  const row = (await db('cases as c')
    .join('regencies as r', 'r.id', 'c.regency_id')
    .where('c.tracking_code', trackingCode)
    .first(
      'c.id',
      'c.regency_id',
      'c.version_id',
      'c.tracking_code',
      'c.state',
      'r.name as regency_name',
      'r.config',
    )) as
    | {
        id: string;
        regency_id: string;
        version_id: string | number;
        tracking_code: string;
        state: CaseState;
        regency_name: string;
        config: { calendar?: { timezone?: string } };
      }
    | undefined;
  if (!row) return undefined;
  return {
    id: row.id,
    regencyId: row.regency_id,
    versionId: Number(row.version_id),
    trackingCode: row.tracking_code,
    state: row.state,
    regencyName: row.regency_name,
    timeZone: row.config.calendar?.timezone ?? null,
  };
}

/** A case's events of the given types, newest first, decoded into the typed event union. */
export async function caseEventsOfTypes(
  db: Knex,
  regencyId: string,
  caseId: string,
  types: readonly CaseEventType[],
): Promise<CaseEvent[]> {
  const rows = (await db('case_events')
    .where({ case_id: caseId, regency_id: regencyId })
    .whereIn('type', types)
    .orderBy('seq', 'desc')
    .select('*')) as CaseEventRow[];
  return rows.map(decodeCaseEvent);
}

/** An issued document found by the code in its QR, with what the verification page shows. */
export interface VerificationRow {
  title: string;
  number: string;
  issuedAt: string;
  office: string;
  regencyName: string;
  signer: { name: string; title: string; nip?: string };
  recipient: string | null;
  pdfSha256: string | null;
  hasPdf: boolean;
  signatureKind: 'local' | 'bsre' | null;
  status: 'valid' | 'revoked';
  revokedAt: string | null;
  timeZone: string | null;
}

/** The issued document with this verification code, if any. */
export async function documentByVerificationCode(db: Knex, code: string): Promise<VerificationRow | undefined> {
  const row = (await db('issued_documents as d')
    .join('regencies as r', 'r.id', 'd.regency_id')
    .where('d.verification_code', code)
    .first('d.*', 'r.name as regency_name', 'r.config as regency_config')) as
    | {
        title: string;
        number: string;
        issued_at: Date | string;
        letterhead: { office: string };
        signer: { name: string; title: string; nip?: string };
        recipient?: string | null;
        pdf?: Buffer | Uint8Array | null;
        pdf_sha256?: string | null;
        signature_kind?: 'local' | 'bsre' | null;
        status: 'valid' | 'revoked';
        revoked_at: Date | string | null;
        regency_name: string;
        regency_config: { calendar?: { timezone?: string } };
      }
    | undefined;
  if (!row) return undefined;
  return {
    title: row.title,
    number: row.number,
    issuedAt: new Date(row.issued_at).toISOString(),
    office: row.letterhead.office,
    regencyName: row.regency_name,
    signer: row.signer,
    recipient: row.recipient ?? null,
    pdfSha256: row.pdf_sha256 ?? null,
    hasPdf: Boolean(row.pdf),
    signatureKind: row.signature_kind ?? null,
    status: row.status,
    revokedAt: row.revoked_at ? new Date(row.revoked_at).toISOString() : null,
    timeZone: row.regency_config.calendar?.timezone ?? null,
  };
}
