import { Type } from '@sinclair/typebox';
import type { Knex } from 'knex';
import type { CaseState } from '../../core/caseTypes.ts';
import type { CaseEvent, CaseEventType } from '../../core/events.ts';
import type { Signer } from '../../app/outputs/documentTypes.ts';
import { caseEventRows, decodeCaseEvent } from '../decodeCaseEvent.ts';
import { IssuedDocumentRowSchema } from '../letters/issuedDocumentRows.ts';
import { BigNumber, JsonObject } from '../rowColumns.ts';
import { rowDecoder } from '../rowDecoder.ts';

/** The part of a regency's settings the public pages read. */
type RegencyCalendar = { calendar?: { timezone?: string } };

// Compiled once, at module load.
const publicCaseRows = rowDecoder(
  'cases (by tracking code)',
  Type.Object({
    id: Type.String(),
    regency_id: Type.String(),
    version_id: BigNumber,
    tracking_code: Type.String(),
    state: JsonObject<CaseState>(),
    regency_name: Type.String(),
    config: JsonObject<RegencyCalendar>(),
  }),
);
const verificationRows = rowDecoder(
  'issued_documents (by verification code)',
  Type.Composite([
    Type.Pick(IssuedDocumentRowSchema, [
      'title',
      'number',
      'issued_at',
      'recipient',
      'pdf',
      'pdf_sha256',
      'signature_kind',
      'status',
      'revoked_at',
    ]),
    Type.Object({
      letterhead: JsonObject<{ office: string }>(),
      signer: JsonObject<Signer>(),
      regency_name: Type.String(),
      regency_config: JsonObject<RegencyCalendar>(),
    }),
  ]),
);

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
  const row = publicCaseRows.first(
    await db('cases as c')
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
      ),
  );
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
  const rows = caseEventRows.rows(
    await db('case_events')
      .where({ case_id: caseId, regency_id: regencyId })
      .whereIn('type', types)
      .orderBy('seq', 'desc')
      .select('*'),
  );
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
  const row = verificationRows.first(
    await db('issued_documents as d')
      .join('regencies as r', 'r.id', 'd.regency_id')
      .where('d.verification_code', code)
      .first('d.*', 'r.name as regency_name', 'r.config as regency_config'),
  );
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
