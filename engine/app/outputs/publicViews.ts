import type { Knex } from 'knex';
import { getRegency, getVersionById } from '../../storage/definitionRepository.ts';
import { documentLabels } from '../caseData/caseOverview.ts';
import type { CaseState } from '../../core/caseTypes.ts';
import { AppError } from '../appErrors.ts';
import type { IssuedDocumentRow } from './documentTypes.ts';

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
}

/** Public status by tracking code. */
export async function publicStatus(db: Knex, trackingCode: string): Promise<PublicStatus> {
  const row = (await db('cases as c')
    .join('regencies as r', 'r.id', 'c.regency_id')
    .where('c.tracking_code', trackingCode.trim().toUpperCase())
    .first('c.regency_id', 'c.version_id', 'c.tracking_code', 'c.state', 'r.name as regency_name')) as
    | { regency_id: string; version_id: string | number; tracking_code: string; state: CaseState; regency_name: string }
    | undefined;
  if (!row) throw new AppError('NOT_FOUND', 'Kode lacak tidak ditemukan. Periksa kembali kode pada tanda terima.');
  const version = await getVersionById(db, row.regency_id, Number(row.version_id));
  const definition = version?.definition;
  const state = row.state;
  const regency = state.sentBack ? await getRegency(db, row.regency_id) : undefined;
  const step = definition?.steps.find((s) => s.id === state.currentStepId);
  const lane = step ? (definition?.actors.find((a) => a.id === step.actors[0])?.name ?? '') : '';
  return {
    trackingCode: row.tracking_code,
    regency: row.regency_name,
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
  };
}

/** Public verification of a document by the code in its QR: number, date, signer, valid or revoked. */
export async function publicVerification(db: Knex, code: string): Promise<Record<string, unknown>> {
  const row = (await db('issued_documents as d')
    .join('regencies as r', 'r.id', 'd.regency_id')
    .where('d.verification_code', code)
    .first('d.*', 'r.name as regency_name')) as (IssuedDocumentRow & { regency_name: string }) | undefined;
  if (!row) throw new AppError('NOT_FOUND', 'Dokumen tidak dikenal. Dokumen ini mungkin palsu.');
  return {
    title: row.title,
    number: row.number,
    issuedAt: new Date(row.issued_at).toISOString(),
    issuer: row.letterhead.office,
    regency: row.regency_name,
    signer: { name: row.signer.name, title: row.signer.title },
    status: row.status,
    revokedAt: row.revoked_at ? new Date(row.revoked_at).toISOString() : null,
  };
}
