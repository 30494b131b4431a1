import { randomBytes, randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import type { Output, RawRegency, SopDefinition } from '../../definition/sopTypes.ts';
import type { RegencySnapshot } from '../../storage/definitionRepository.ts';
import { getRegency, getVersionById } from '../../storage/definitionRepository.ts';
import { loadCase, loadEvents } from '../../storage/caseRepository.ts';
import { AppError } from '../appErrors.ts';
import type { AuthUser } from '../authUser.ts';
import { recordIssuedOutput } from '../caseService.ts';
import {
  toIssuedDocument,
  type IssuedDocument,
  type IssuedDocumentRow,
  type Letterhead,
  type Signer,
} from './documentTypes.ts';
import { DEFAULT_NUMBER_FORMAT, formatLetterNumber, nextSequence } from './letterNumber.ts';
import { indonesianDate, renderLetterBody } from './renderLetterBody.ts';

/** An output a case has produced or will produce, with its issued document if any. */
export interface CaseOutput {
  stepId: string;
  outputId: string;
  name: string;
  kind: string | null;
  /** The step that produces it has been completed. */
  produced: boolean;
  /** It has a letter template and can be issued as a numbered document. */
  issuable: boolean;
  document: IssuedDocument | null;
}

function letterheadOf(snapshot: RegencySnapshot): Letterhead {
  const office = snapshot.office;
  const contact = [
    office.phone && `Telepon ${office.phone}`,
    office.email && `Pos-el ${office.email}`,
    office.website && `Laman ${office.website}`,
  ]
    .filter(Boolean)
    .join(' · ');
  const letterhead: Letterhead = { office: office.name };
  if (office.parent) letterhead.parent = office.parent;
  const address = [office.address, office.postalCode].filter(Boolean).join(' ');
  if (address) letterhead.address = address;
  if (contact) letterhead.contact = contact;
  return letterhead;
}

function signerOf(
  role: string | undefined,
  snapshot: RegencySnapshot,
  regency: RawRegency | undefined,
  fallback: AuthUser,
): Signer {
  const roleConfig = regency?.roles.find((r) => r.id === role);
  const head = snapshot.office.head;
  if (head && (roleConfig?.kind === 'kadis' || role === undefined))
    return { name: head.name, title: head.title, ...(head.nip ? { nip: head.nip } : {}) };
  return { name: fallback.name, title: roleConfig?.name ?? 'Petugas' };
}

function outputsOf(definition: SopDefinition): Array<{ stepId: string; output: Output }> {
  return definition.steps.flatMap((s) => s.outputs.map((output) => ({ stepId: s.id, output })));
}

/** Lists the outputs of a case's SOP version: produced or not yet, issuable or not, and issued documents. */
export async function listCaseOutputs(db: Knex, user: AuthUser, caseId: string): Promise<CaseOutput[]> {
  const stored = await loadCase(db, user.regencyId, caseId);
  if (!stored) throw new AppError('NOT_FOUND', 'Kasus tidak ditemukan.');
  const version = await getVersionById(db, user.regencyId, stored.versionId);
  if (!version) throw new AppError('INTERNAL', 'Versi SOP kasus ini tidak ditemukan.');
  const events = await loadEvents(db, user.regencyId, caseId);
  const completedSteps = new Set(events.filter((e) => e.type === 'step.completed').map((e) => e.stepId));
  const rows = (await db('issued_documents').where({
    case_id: caseId,
    regency_id: user.regencyId,
  })) as IssuedDocumentRow[];
  return outputsOf(version.definition).map(({ stepId, output }) => {
    const row = rows.find((r) => r.output_id === output.id);
    return {
      stepId,
      outputId: output.id,
      name: output.name,
      kind: output.kind ?? null,
      produced: completedSteps.has(stepId),
      issuable: output.template !== undefined,
      document: row ? toIssuedDocument(row) : null,
    };
  });
}

/**
 * Issues a numbered document for an output with a template: takes the next number of the register,
 * fills the template from the case data, stores it and records it on the timeline — all in one transaction.
 */
export async function issueDocument(
  db: Knex,
  user: AuthUser,
  caseId: string,
  outputId: string,
  now = new Date(),
): Promise<IssuedDocument> {
  const stored = await loadCase(db, user.regencyId, caseId);
  if (!stored) throw new AppError('NOT_FOUND', 'Kasus tidak ditemukan.');
  const version = await getVersionById(db, user.regencyId, stored.versionId);
  if (!version) throw new AppError('INTERNAL', 'Versi SOP kasus ini tidak ditemukan.');
  const found = outputsOf(version.definition).find((o) => o.output.id === outputId);
  if (!found) throw new AppError('NOT_FOUND', 'Keluaran tidak ada pada SOP ini.', '/outputId');
  const template = found.output.template;
  if (!template) throw new AppError('UNPROCESSABLE', 'Keluaran ini tidak memiliki templat surat.');
  const events = await loadEvents(db, user.regencyId, caseId);
  if (!events.some((e) => e.type === 'step.completed' && e.stepId === found.stepId))
    throw new AppError('UNPROCESSABLE', 'Langkah yang menghasilkan dokumen ini belum selesai.');
  const existing = (await db('issued_documents').where({ case_id: caseId, output_id: outputId }).first()) as
    IssuedDocumentRow | undefined;
  if (existing) throw new AppError('CONFLICT', `Dokumen ini sudah diterbitkan dengan nomor ${existing.number}.`);
  const regency = await getRegency(db, user.regencyId);
  const definition = version.definition;
  const format = template.numberFormat ?? DEFAULT_NUMBER_FORMAT;
  const year = Number(
    new Intl.DateTimeFormat('en', { year: 'numeric', timeZone: version.regencySnapshot.calendar.timezone }).format(now),
  );
  const month = Number(
    new Intl.DateTimeFormat('en', { month: 'numeric', timeZone: version.regencySnapshot.calendar.timezone }).format(
      now,
    ),
  );
  const unitShort = regency?.units.find((u) => u.id === definition.unit)?.short ?? definition.unit ?? '';
  return db.transaction(async (trx) => {
    const seq = await nextSequence(trx, user.regencyId, format, year);
    const number = formatLetterNumber(format, { seq, year, month, sop: definition.id, unit: unitShort });
    const values = {
      ...stored.state.data,
      serviceName: definition.name,
      trackingCode: stored.trackingCode,
      year,
      date: indonesianDate(now, version.regencySnapshot.calendar.timezone),
      number,
    };
    const document = {
      id: randomUUID(),
      regency_id: user.regencyId,
      case_id: caseId,
      output_id: outputId,
      step_id: found.stepId,
      title: template.title,
      number,
      body: renderLetterBody(template.body, values),
      signer: JSON.stringify(signerOf(template.signerRole, version.regencySnapshot, regency, user)),
      letterhead: JSON.stringify(letterheadOf(version.regencySnapshot)),
      verification_code: randomBytes(9).toString('base64url'),
      status: 'valid',
      issued_by: user.id,
      issued_at: now,
    };
    await trx('issued_documents').insert(document);
    await recordIssuedOutput(
      trx,
      user,
      caseId,
      { type: 'recordOutput', stepId: found.stepId, outputId, documentId: document.id, number, title: template.title },
      now,
    );
    const row = (await trx('issued_documents').where({ id: document.id }).first()) as IssuedDocumentRow;
    return toIssuedDocument(row);
  });
}
