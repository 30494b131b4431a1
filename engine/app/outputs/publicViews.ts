import { createHash } from 'node:crypto';
import type { Knex } from 'knex';
import { getRegency, getVersionById } from '../../storage/definitionRepository.ts';
import { validIssuedLetter } from '../../storage/issuedDocuments.ts';
import {
  caseByTrackingCode,
  caseEventsOfTypes,
  documentByVerificationCode,
  type VerificationRow,
} from '../../storage/public/publicRows.ts';
import { documentLabels } from '../caseData/caseOverview.ts';
import type { CaseState } from '../../core/caseTypes.ts';
import { AppError } from '../appErrors.ts';
import { complaintChannels } from '../letters/complaintChannels.ts';
import { maskName } from '../letters/maskName.ts';
import { sqlOf } from '../../storage/sql.ts';

/** What anyone holding a tracking code may see: the service and where it stands — no personal data. */
export interface PublicStatus {
  trackingCode: string;
  regency: string;
  service: string;
  status: CaseState['status'];
  stage: { index: number; total: number; label: string; lane: string } | null;
  waitingForDocuments: boolean;
  /** While sent back: the documents to bring (labels only, never the officer's free-text reason). */
  documentsToBring: string[];
  openedAt: string;
  expectedCompletion: string | null;
  /** The Jangka Waktu counts from a later step ("sejak berkas diterima lengkap") that is not done yet. */
  clockWaitsForCompleteFile: boolean;
  closedAt: string | null;
  /** Why the application was refused (case.ended with outcome ditolak), so the applicant can object. */
  rejectionReason: string | null;
  /** The service standard's complaint channels (UU 25/2009: pengelolaan pengaduan), else the office's. */
  complaints: string[];
  /** The signed rejection letter (number and date only), so the applicant knows to collect it. */
  rejectionLetter: { title: string; number: string; issuedAt: string } | null;
  /** The regency's time zone, so dates read the same on every device (WIB/WITA/WIT). */
  timeZone: string | null;
}

/** Public status by tracking code. */
export async function publicStatus(db: Knex, trackingCode: string): Promise<PublicStatus> {
  const row = await caseByTrackingCode(db, trackingCode.trim().toUpperCase());
  if (!row) throw new AppError('NOT_FOUND', 'Kode lacak tidak ditemukan. Periksa kembali kode pada tanda terima.');
  const version = await getVersionById(sqlOf(db), row.regencyId, row.versionId);
  const definition = version?.definition;
  const state = row.state;
  const regency = state.sentBack ? await getRegency(db, row.regencyId) : undefined;
  const step = definition?.steps.find((s) => s.id === state.currentStepId);
  const lane = step ? (definition?.actors.find((a) => a.id === step.actors[0])?.name ?? '') : '';
  return {
    trackingCode: row.trackingCode,
    regency: row.regencyName,
    service: definition?.name ?? state.sopId,
    status: state.status,
    stage:
      step && definition ? { index: step.index + 1, total: definition.steps.length, label: step.activity, lane } : null,
    waitingForDocuments: state.status === 'waiting',
    documentsToBring:
      state.sentBack && definition
        ? (() => {
            const labels = documentLabels(definition, regency);
            return state.sentBack.missing.map((doc) => labels.get(doc) ?? doc);
          })()
        : [],
    openedAt: state.openedAt,
    expectedCompletion: state.dueAt ?? null,
    clockWaitsForCompleteFile:
      state.dueAt === undefined &&
      definition?.duration !== undefined &&
      definition.serviceStandard?.serviceClock !== undefined &&
      (state.status === 'open' || state.status === 'waiting'),
    closedAt: state.closedAt ?? null,
    rejectionReason: state.status === 'rejected' ? await rejectionReason(db, row.id, row.regencyId) : null,
    complaints: complaintChannels(definition, version?.regencySnapshot),
    rejectionLetter:
      state.status === 'rejected' && definition?.rejectionLetter
        ? await validIssuedLetter(db, row.id, definition.rejectionLetter.id)
        : null,
    timeZone: row.timeZone,
  };
}

/** The reason recorded when the case ended as refused (by hand, or the decision branch's label). */
async function rejectionReason(db: Knex, caseId: string, regencyId: string): Promise<string | null> {
  const events = await caseEventsOfTypes(db, regencyId, caseId, [
    'case.rejected',
    'case.ended',
    'decision.taken',
    'decision.evaluated',
  ]);
  for (const event of events) {
    if ((event.type === 'case.rejected' || event.type === 'case.ended') && event.payload.reason?.trim())
      return event.payload.reason;
    if (event.type === 'decision.taken') return event.payload.label;
    if (event.type === 'decision.evaluated') return event.payload.chosen;
  }
  return null;
}

/** What the QR page shows of a letter: enough to compare a paper with, the recipient only masked. */
export interface PublicVerification {
  title: string;
  number: string;
  issuedAt: string;
  issuer: string;
  regency: string;
  signer: { name: string; title: string; nip: string | null };
  recipient: string | null;
  sha256: string | null;
  signature: 'pades-bsre' | 'pades-demo' | 'none';
  status: 'valid' | 'revoked';
  revokedAt: string | null;
  /** The regency's time zone: the date of issue is the regency's day wherever it is verified. */
  timeZone: string | null;
}

async function verificationRow(db: Knex, code: string): Promise<VerificationRow> {
  const row = await documentByVerificationCode(db, code);
  if (!row) throw new AppError('NOT_FOUND', 'Dokumen tidak dikenal. Dokumen ini mungkin palsu.');
  return row;
}

/** Public verification of a document by the code in its QR: number, date, subject, signer as printed, masked recipient, hash. */
export async function publicVerification(db: Knex, code: string): Promise<PublicVerification> {
  const row = await verificationRow(db, code);
  return {
    title: row.title,
    number: row.number,
    issuedAt: row.issuedAt,
    issuer: row.office,
    regency: row.regencyName,
    signer: { name: row.signer.name, title: row.signer.title, nip: row.signer.nip ?? null },
    recipient: row.recipient ? maskName(row.recipient) : null,
    sha256: row.pdfSha256,
    signature: !row.hasPdf ? 'none' : row.signatureKind === 'bsre' ? 'pades-bsre' : 'pades-demo',
    status: row.status,
    revokedAt: row.revokedAt,
    // The date of issue is the regency's day (a letter signed at 00:45 WITA is dated that day everywhere).
    timeZone: row.timeZone,
  };
}

/** Whether an uploaded file is the very PDF issued under this code (byte for byte, by SHA-256). */
export async function checkUploadedPdf(
  db: Knex,
  code: string,
  file: Buffer,
): Promise<{ genuine: boolean; sha256: string; status: 'valid' | 'revoked' }> {
  const row = await verificationRow(db, code);
  const sha256 = createHash('sha256').update(file).digest('hex');
  return { genuine: row.pdfSha256 !== null && row.pdfSha256 === sha256, sha256, status: row.status };
}
