import type { Knex } from 'knex';
import { definitionStatus } from '../../storage/definitionRepository.ts';
import { unreviewedParts } from '../../definition/unreviewedParts.ts';
import type { RawSop } from '../../definition/sopTypes.ts';
import { AppError } from '../appErrors.ts';
import type { AuthUser } from '../authUser.ts';
import { saveRevision } from './draftService.ts';
import { latestDraft } from '../../storage/designer/draftStore.ts';
import type { DocumentReading } from './documentUpload.ts';
import {
  insertDesignerEvent,
  insertSourceDocument,
  linkSop,
  pendingOf,
  setPending,
  type PendingDraft,
} from '../../storage/designer/sourceDocumentStore.ts';
import { setTopLevel } from './sourceEdits.ts';
import { currentRegency, validateSource } from './validateDraft.ts';

/** A draft made from the document. */
export interface CreatedDraft {
  sopId: string;
  name: string;
  revision: number;
  /** Problems the loader still reports (the drafter fixes them in the editor). */
  errorCount: number;
  /** Inferred parts and uncertain readings to check before submitting. */
  toReview: number;
  warnings: string[];
}

/** A draft not saved because its id is in use: the drafter picks a new id or saves it as a new revision. */
export interface ClashingDraft {
  sopId: string;
  name: string;
  existing: 'draft' | 'published';
  suggestedId: string;
  warnings: string[];
}

/** What an import did: the stored document, the drafts made, and the ones waiting for a choice. */
export interface DocumentImportResult {
  documentId: string;
  fileName: string;
  format: string;
  pages: number;
  created: CreatedDraft[];
  clashes: ClashingDraft[];
}

async function existingKind(db: Knex, regencyId: string, sopId: string): Promise<'draft' | 'published' | undefined> {
  const status = await definitionStatus(db, regencyId, sopId);
  if (status === 'published') return 'published';
  if (status !== undefined || (await latestDraft(db, regencyId, sopId))) return 'draft';
  return undefined;
}

async function freeId(db: Knex, regencyId: string, sopId: string): Promise<string> {
  for (let n = 2; n < 100; n += 1) {
    const id = `${sopId.slice(0, 70)}-${n}`;
    if (!(await existingKind(db, regencyId, id))) return id;
  }
  return `${sopId.slice(0, 60)}-${Date.now()}`;
}

async function summary(db: Knex, regencyId: string, draft: PendingDraft, revision: number, sopId: string) {
  const load = validateSource(await currentRegency(db, regencyId), draft.yaml, `${sopId}.yaml`);
  const raw: Pick<RawSop, 'source' | 'steps'> | undefined = load.raw;
  return {
    sopId,
    name: draft.name,
    revision,
    errorCount: load.errors.length,
    toReview: raw ? unreviewedParts(raw).length : 0,
    warnings: draft.warnings,
  };
}

/** Saves one found draft as a new SOP (revision 1) or as the next revision of an existing one, and links it. */
async function saveFound(
  db: Knex,
  user: AuthUser,
  documentId: string,
  fileName: string,
  draft: PendingDraft,
  sopId: string,
  baseRevision: number,
): Promise<CreatedDraft> {
  const yaml = sopId === draft.sopId ? draft.yaml : setTopLevel(draft.yaml, { id: sopId });
  const saved = await saveRevision(db, user, {
    sopId,
    source: yaml,
    baseRevision,
    origin: 'document',
    note: `Diimpor dari dokumen ${fileName}`,
  });
  if (!saved.ok)
    throw new AppError(
      'CONFLICT',
      `SOP "${sopId}" baru saja disimpan orang lain. Muat ulang lalu pilih lagi.`,
      '/sopId',
    );
  await linkSop(db, user.regencyId, sopId, documentId);
  await insertDesignerEvent(db, user.regencyId, {
    sopId,
    revision: saved.revision.revision,
    type: 'document-imported',
    detail: { documentId, fileName },
    by: user.id,
    byName: user.name,
  });
  return summary(db, user.regencyId, { ...draft, yaml }, saved.revision.revision, sopId);
}

/**
 * Stores an uploaded document with its text and makes one draft per SOP found. An SOP whose id is already used
 * (a draft or a published SOP) is never overwritten: it waits with the document until the drafter chooses.
 */
export async function importDocument(
  db: Knex,
  user: AuthUser,
  reading: DocumentReading,
): Promise<DocumentImportResult> {
  const documentId = await insertSourceDocument(db, {
    regencyId: user.regencyId,
    fileName: reading.fileName,
    mediaType: reading.mediaType,
    sha256: reading.sha256,
    content: reading.content,
    text: reading.document,
    uploadedBy: user.id,
    uploadedByName: user.name,
  });
  const created: CreatedDraft[] = [];
  const clashes: ClashingDraft[] = [];
  const pending: PendingDraft[] = [];
  for (const draft of reading.drafts) {
    const existing = await existingKind(db, user.regencyId, draft.sopId);
    if (existing) {
      pending.push(draft);
      clashes.push({
        sopId: draft.sopId,
        name: draft.name,
        existing,
        suggestedId: await freeId(db, user.regencyId, draft.sopId),
        warnings: draft.warnings,
      });
    } else created.push(await saveFound(db, user, documentId, reading.fileName, draft, draft.sopId, 0));
  }
  await setPending(db, documentId, pending);
  return {
    documentId,
    fileName: reading.fileName,
    format: reading.document.format,
    pages: reading.document.pages.length,
    created,
    clashes,
  };
}

/** The drafter's choice for a clashing draft: save under a new id, as the next revision of the existing SOP, or drop it. */
export type ClashChoice = { choice: 'rename'; newId: string } | { choice: 'new-revision' } | { choice: 'skip' };

/** Carries out the drafter's choice for one draft waiting with a document. */
export async function resolveClash(
  db: Knex,
  user: AuthUser,
  documentId: string,
  sopId: string,
  choice: ClashChoice,
): Promise<{ created: CreatedDraft | null; remaining: number }> {
  const stored = await pendingOf(db, documentId);
  if (!stored) throw new AppError('NOT_FOUND', 'Dokumen tidak ditemukan.', '/documentId');
  const draft = stored.pending.find((p) => p.sopId === sopId);
  if (!draft)
    throw new AppError(
      'NOT_FOUND',
      `SOP "${sopId}" tidak menunggu pilihan pada dokumen ini (sudah dipilih?).`,
      '/sopId',
    );
  let created: CreatedDraft | null = null;
  if (choice.choice === 'rename') {
    if (await existingKind(db, user.regencyId, choice.newId))
      throw new AppError('CONFLICT', `Pengenal "${choice.newId}" juga sudah dipakai. Pilih pengenal lain.`, '/newId');
    created = await saveFound(db, user, documentId, stored.info.fileName, draft, choice.newId, 0);
  } else if (choice.choice === 'new-revision') {
    const latest = await latestDraft(db, user.regencyId, sopId);
    created = await saveFound(db, user, documentId, stored.info.fileName, draft, sopId, latest?.revision ?? 0);
  }
  const remaining = stored.pending.filter((p) => p.sopId !== sopId);
  await setPending(db, documentId, remaining);
  return { created, remaining: remaining.length };
}
