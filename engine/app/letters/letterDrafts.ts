import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import { AppError } from '../appErrors.ts';
import type { AuthUser } from '../authUser.ts';
import { isEmptyValue, lookupValue } from '../outputs/renderLetterBody.ts';
import { loadLetterContext, type LetterContext } from './letterContext.ts';
import type { Initial } from './letterLayout.ts';
import { letterSnapshot } from './letterSnapshot.ts';
import { complaintChannels } from './complaintChannels.ts';
import { REJECTION_STEP } from '../../definition/sopTypes.ts';
import { roleAuthority } from './signerAuthority.ts';
import {
  letterDraftById,
  openLetterDraft,
  replaceOpenLetterDraft,
  setLetterDraftInitials,
  type LetterDraftRow,
} from '../../storage/letters/letterDraftRows.ts';
import { issuedNumberOf } from '../../storage/letters/issuedLetterRows.ts';

/** A letter being prepared: its frozen values, the paraf given so far and who still has to act. */
export interface LetterDraft {
  id: string;
  caseId: string;
  outputId: string;
  stepId: string;
  status: 'prepared' | 'signed' | 'cancelled';
  values: Record<string, unknown>;
  initials: Initial[];
  preparedBy: string;
  preparedAt: string;
  documentId: string | null;
}

function toDraft(row: LetterDraftRow): LetterDraft {
  return {
    id: row.id,
    caseId: row.case_id,
    outputId: row.output_id,
    stepId: row.step_id,
    status: row.status,
    values: row.values,
    initials: row.initials,
    preparedBy: row.prepared_by,
    preparedAt: new Date(row.prepared_at).toISOString(),
    documentId: row.document_id,
  };
}

/** One draft of the user's regency, or a 404. */
export async function loadDraft(db: Knex, regencyId: string, draftId: string): Promise<LetterDraft> {
  const row = await letterDraftById(db, regencyId, draftId);
  if (!row) throw new AppError('NOT_FOUND', 'Konsep surat tidak ditemukan.');
  return toDraft(row);
}

/** The open draft of an output, if one is being prepared. */
export async function openDraftOf(db: Knex, caseId: string, outputId: string): Promise<LetterDraft | undefined> {
  const row = await openLetterDraft(db, caseId, outputId);
  return row ? toDraft(row) : undefined;
}

/** The reason of the case's last rejection by hand. */
function rejectionReasonOf(events: LetterContext['events']): string {
  const last = events.filter((e) => e.type === 'case.rejected').at(-1);
  return last?.type === 'case.rejected' ? last.payload.reason : '';
}

/**
 * The values a letter is filled from: the case data of the producing step's moment, the step-scoped
 * entries under `steps.<stepId>`, and the service facts. Required placeholders must hold a value.
 */
export function draftValues(context: LetterContext): Record<string, unknown> {
  const rejection = context.stepId === REJECTION_STEP;
  const snap = letterSnapshot(context.stored.state.data, context.events, rejection ? undefined : context.stepId);
  const values: Record<string, unknown> = {
    ...snap.data,
    steps: snap.steps,
    serviceName: context.definition.name,
    trackingCode: context.stored.trackingCode,
    officeName: context.snapshot.office.name,
    regencyName: context.snapshot.name,
    ...(rejection
      ? {
          rejectionReason: rejectionReasonOf(context.events),
          complaintChannels: complaintChannels(context.definition, context.snapshot)
            // "…melalui :" introduces the next item; other items are alternatives.
            .map((c, i, all) => (i === all.length - 1 || /:\s*$/.test(c) ? c : `${c.replace(/[;.]\s*$/, '')};`))
            .join(' '),
        }
      : {}),
  };
  for (const field of context.template.required ?? [])
    if (isEmptyValue(lookupValue(values, field)))
      throw new AppError(
        'UNPROCESSABLE',
        `Isian "${field}" yang wajib pada surat ini masih kosong. Lengkapi data kasus sebelum menyiapkan surat.`,
        `/values/${field}`,
      );
  return values;
}

/**
 * Prepares a letter (staff): freezes the producing step's values into a draft without a number. A
 * previous open draft of the same output is replaced (its values may be outdated by a send-back).
 */
export async function prepareLetter(
  db: Knex,
  user: AuthUser,
  caseId: string,
  outputId: string,
  now = new Date(),
): Promise<LetterDraft> {
  const context = await loadLetterContext(db, user.regencyId, caseId, outputId);
  const issued = await issuedNumberOf(db, caseId, outputId);
  if (issued !== undefined) throw new AppError('CONFLICT', `Dokumen ini sudah diterbitkan dengan nomor ${issued}.`);
  const values = draftValues(context);
  return db.transaction(async (trx) =>
    toDraft(
      await replaceOpenLetterDraft(trx, {
        id: randomUUID(),
        regencyId: user.regencyId,
        caseId,
        outputId,
        stepId: context.stepId,
        values,
        preparedBy: user.id,
        preparedAt: now,
      }),
    ),
  );
}

/** The initialling role still due on a draft, in the template's order, or undefined when all have initialled. */
export function nextInitialRole(context: LetterContext, draft: LetterDraft): string | undefined {
  return (context.template.initials ?? []).find((role) => !draft.initials.some((i) => i.role === role));
}

/** Initials (paraf) a draft: only the holder of the next role in the chain, or their Plt/Plh. */
export async function initialLetter(db: Knex, user: AuthUser, draftId: string, now = new Date()): Promise<LetterDraft> {
  const draft = await loadDraft(db, user.regencyId, draftId);
  if (draft.status !== 'prepared') throw new AppError('CONFLICT', 'Konsep surat ini sudah tidak dapat diparaf.');
  const context = await loadLetterContext(db, user.regencyId, draft.caseId, draft.outputId);
  const role = nextInitialRole(context, draft);
  if (!role) throw new AppError('CONFLICT', 'Semua paraf surat ini sudah lengkap.');
  const authority = await roleAuthority(db, user, role, context.regency, now);
  if (!authority)
    throw new AppError(
      'FORBIDDEN',
      `Paraf berikutnya adalah ${context.regency.roles.find((r) => r.id === role)?.name ?? role}; Anda tidak memegang jabatan itu.`,
    );
  const initial: Initial = {
    userId: user.id,
    name: user.name,
    role,
    roleName: `${authority.actingAs === 'self' ? '' : authority.actingAs === 'plt' ? 'Plt. ' : 'Plh. '}${authority.roleName}`,
    at: now.toISOString(),
  };
  await setLetterDraftInitials(db, draft.id, [...draft.initials, initial]);
  return loadDraft(db, user.regencyId, draft.id);
}
