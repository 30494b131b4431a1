import type { Knex } from 'knex';
import { REJECTION_STEP, type Output, type SopDefinition } from '../../definition/sopTypes.ts';
import { getRegency, getVersionById } from '../../storage/definitionRepository.ts';
import { loadCase, loadEvents } from '../../storage/caseRepository.ts';
import { AppError } from '../appErrors.ts';
import type { AuthUser } from '../authUser.ts';
import { openDraftOf, prepareLetter } from '../letters/letterDrafts.ts';
import type { Initial } from '../letters/letterLayout.ts';
import { signLetter, type SignOptions } from '../letters/signLetter.ts';
import { roleAuthority, signerRoleOf } from '../letters/signerAuthority.ts';
import { toIssuedDocument, type IssuedDocument } from './documentTypes.ts';
import { issuedDocumentsOfCase } from '../../storage/letters/issuedLetterRows.ts';
import { openLetterDraftsOfCase } from '../../storage/letters/letterDraftRows.ts';
import { sqlOf } from '../../storage/sql.ts';

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
  /** The letter being prepared (paraf so far, who initials next), when one is. */
  draft: { id: string; initials: Initial[]; nextInitial: string | null; mayInitial: boolean; maySign: boolean } | null;
  /** Who signs it, by jabatan. */
  signerRoleName: string | null;
}

function outputsOf(definition: SopDefinition): Array<{ stepId: string; output: Output }> {
  const outputs = definition.steps.flatMap((s) => s.outputs.map((output) => ({ stepId: s.id, output })));
  // The rejection letter is listed once the case has been rejected by hand.
  const rejection = definition.rejectionLetter;
  return rejection ? [...outputs, { stepId: REJECTION_STEP, output: rejection }] : outputs;
}

/** Lists the outputs of a case's SOP version: produced or not yet, issuable or not, and issued documents. */
export async function listCaseOutputs(db: Knex, user: AuthUser, caseId: string): Promise<CaseOutput[]> {
  const stored = await loadCase(db, user.regencyId, caseId);
  if (!stored) throw new AppError('NOT_FOUND', 'Kasus tidak ditemukan.');
  const version = await getVersionById(sqlOf(db), user.regencyId, stored.versionId);
  if (!version) throw new AppError('INTERNAL', 'Versi SOP kasus ini tidak ditemukan.');
  const events = await loadEvents(db, user.regencyId, caseId);
  const completedSteps = new Set(events.filter((e) => e.type === 'step.completed').map((e) => e.stepId));
  if (events.some((e) => e.type === 'case.rejected')) completedSteps.add(REJECTION_STEP);
  const rows = await issuedDocumentsOfCase(db, user.regencyId, caseId);
  const regency = await getRegency(db, user.regencyId);
  const drafts = await openLetterDraftsOfCase(db, user.regencyId, caseId);
  const roleName = (id: string): string => regency?.roles.find((r) => r.id === id)?.name ?? id;
  const now = new Date();
  const mayActAs = async (role: string | undefined): Promise<boolean> =>
    role !== undefined && regency !== undefined && (await roleAuthority(db, user, role, regency, now)) !== undefined;
  const listed: CaseOutput[] = [];
  for (const { stepId, output } of outputsOf(version.definition)) {
    if (stepId === REJECTION_STEP && !completedSteps.has(REJECTION_STEP)) continue;
    const row = rows.find((r) => r.output_id === output.id);
    const draft = drafts.find((d) => d.output_id === output.id);
    const next = output.template?.initials?.find((role) => !draft?.initials.some((i) => i.role === role));
    const signerRole = output.template && regency ? signerRoleOf(output.template.signerRole, regency) : undefined;
    listed.push({
      stepId,
      outputId: output.id,
      name: output.name,
      kind: output.kind ?? null,
      produced: completedSteps.has(stepId),
      issuable: output.template !== undefined,
      document: row ? toIssuedDocument(row) : null,
      draft: draft
        ? {
            id: draft.id,
            initials: draft.initials,
            nextInitial: next ? roleName(next) : null,
            // What this user may do with it now (the API checks again): initial the next paraf, or sign.
            mayInitial: next !== undefined && (await mayActAs(next)),
            maySign: next === undefined && (await mayActAs(signerRole)),
          }
        : null,
      signerRoleName: signerRole ? roleName(signerRole) : null,
    });
  }
  return listed;
}

/**
 * Issues a letter in one call for its signer (the route kept from before prepare/paraf/sign): prepares
 * it when nobody has, then signs it. Only the signer role's holder or their Plt/Plh gets through.
 */
export async function issueDocument(
  db: Knex,
  user: AuthUser,
  caseId: string,
  outputId: string,
  options: SignOptions,
): Promise<IssuedDocument> {
  const draft =
    (await openDraftOf(db, caseId, outputId)) ?? (await prepareLetter(db, user, caseId, outputId, options.now));
  return signLetter(db, user, draft.id, options);
}
