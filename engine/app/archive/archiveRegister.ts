import type { Static } from '@sinclair/typebox';
import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import type { NewArchiveRequestSchema } from '../../contracts/archiveContracts.ts';
import { AppError } from '../appErrors.ts';
import type { AuthUser } from '../authUser.ts';
import { recordArchiveOnCase } from '../caseService.ts';
import type { AccessProfile } from '../permissions/accessProfile.ts';
import { caseScopeOf } from '../permissions/caseScope.ts';
import {
  archiveRequestById,
  archiveRequestsInScope,
  insertArchiveRequest,
  moveArchiveRequest,
  type ArchiveFilter,
  type ArchiveStepColumns,
} from '../../storage/archive/archiveRequestRows.ts';
import type { ArchiveRequest, ArchiveStatus } from './archiveRequestTypes.ts';

/** Longest loan of a case file. */
const MAX_LOAN_DAYS = 90;

/** A new request to borrow, copy or send a case file. */
export type NewArchiveRequest = Static<typeof NewArchiveRequestSchema>;

async function load(db: Knex, regencyId: string, id: string, now: Date): Promise<ArchiveRequest> {
  const request = await archiveRequestById(db, regencyId, id, now);
  if (!request) throw new AppError('NOT_FOUND', 'Permintaan arsip tidak ditemukan.');
  return request;
}

/** Records a request with its reason (and due-back date for a loan); the case timeline shows it. */
export async function requestArchive(
  db: Knex,
  user: AuthUser,
  caseId: string,
  input: NewArchiveRequest,
  now = new Date(),
): Promise<ArchiveRequest> {
  let dueBackAt: Date | null = null;
  if (input.kind === 'borrow') {
    if (!input.dueBackAt)
      throw new AppError(
        'VALIDATION_FAILED',
        'Tanggal pengembalian wajib diisi untuk peminjaman berkas.',
        '/dueBackAt',
      );
    dueBackAt = new Date(input.dueBackAt);
    if (dueBackAt <= now)
      throw new AppError('VALIDATION_FAILED', 'Tanggal pengembalian harus sesudah hari ini.', '/dueBackAt');
    if (dueBackAt.getTime() - now.getTime() > MAX_LOAN_DAYS * 86_400_000)
      throw new AppError('VALIDATION_FAILED', `Peminjaman berkas paling lama ${MAX_LOAN_DAYS} hari.`, '/dueBackAt');
  }
  const id = randomUUID();
  await insertArchiveRequest(db, {
    id,
    regency_id: user.regencyId,
    case_id: caseId,
    kind: input.kind,
    reason: input.reason,
    recipient: input.recipient,
    due_back_at: dueBackAt,
    requested_by: user.id,
    requested_by_name: user.name,
    requested_at: now,
  });
  await recordArchiveOnCase(
    db,
    user,
    caseId,
    {
      type: 'recordArchive',
      step: 'requested',
      requestId: id,
      details: {
        kind: input.kind,
        reason: input.reason,
        recipient: input.recipient,
        dueBackAt: dueBackAt?.toISOString() ?? null,
      },
    },
    now,
  );
  return load(db, user.regencyId, id, now);
}

type Transition = { from: ArchiveStatus; step: 'approved' | 'refused' | 'handedOver' | 'returned'; note?: string };

async function move(db: Knex, user: AuthUser, id: string, transition: Transition, now: Date): Promise<ArchiveRequest> {
  const current = await load(db, user.regencyId, id, now);
  if (current.status !== transition.from)
    throw new AppError('CONFLICT', `Permintaan ini berstatus "${current.status}"; langkah ini tidak dapat dilakukan.`);
  const note = transition.note ?? null;
  const columns: ArchiveStepColumns =
    transition.step === 'approved' || transition.step === 'refused'
      ? {
          status: transition.step,
          decided_by: user.id,
          decided_by_name: user.name,
          decided_at: now,
          decision_note: note,
        }
      : transition.step === 'handedOver'
        ? {
            status: current.kind === 'borrow' ? 'handed_over' : 'completed',
            handed_over_by: user.id,
            handed_over_at: now,
          }
        : { status: 'returned', returned_by: user.id, returned_at: now, return_note: note };
  if (!(await moveArchiveRequest(db, user.regencyId, id, transition.from, columns)))
    throw new AppError('CONFLICT', 'Permintaan ini baru saja diubah oleh orang lain. Muat ulang halaman.');
  await recordArchiveOnCase(
    db,
    user,
    current.caseId,
    {
      type: 'recordArchive',
      step: transition.step,
      requestId: id,
      details: { kind: current.kind, ...(note !== null ? { note } : {}) },
    },
    now,
  );
  return load(db, user.regencyId, id, now);
}

/** Approves or refuses a request; nobody decides on their own request (segregation of duties). */
export async function decideArchive(
  db: Knex,
  user: AuthUser,
  id: string,
  decision: 'approve' | 'refuse',
  note: string | undefined,
  now = new Date(),
): Promise<ArchiveRequest> {
  const current = await load(db, user.regencyId, id, now);
  if (current.requestedBy.id === user.id)
    throw new AppError(
      'FORBIDDEN',
      'Permintaan sendiri harus diputuskan oleh pejabat lain.',
      undefined,
      undefined,
      'OWN_REQUEST',
    );
  if (decision === 'refuse' && !note?.trim())
    throw new AppError('VALIDATION_FAILED', 'Alasan penolakan wajib diisi.', '/note');
  return move(
    db,
    user,
    id,
    {
      from: 'requested',
      step: decision === 'approve' ? 'approved' : 'refused',
      ...(note !== undefined ? { note } : {}),
    },
    now,
  );
}

/** Records that the approved file (or copy) was handed over to the recipient. */
export function recordHandOver(db: Knex, user: AuthUser, id: string, now = new Date()): Promise<ArchiveRequest> {
  return move(db, user, id, { from: 'approved', step: 'handedOver' }, now);
}

/** Records that a borrowed file came back. */
export function recordReturn(
  db: Knex,
  user: AuthUser,
  id: string,
  note: string | undefined,
  now = new Date(),
): Promise<ArchiveRequest> {
  return move(db, user, id, { from: 'handed_over', step: 'returned', ...(note !== undefined ? { note } : {}) }, now);
}

/** Filters of the register. */
export type ArchiveQuery = ArchiveFilter;

/** The archive control register of the cases the user may see; overdue loans first when asked. */
export async function listArchiveRequests(
  db: Knex,
  profile: AccessProfile,
  query: ArchiveQuery,
  now = new Date(),
): Promise<ArchiveRequest[]> {
  return archiveRequestsInScope(db, profile.regencyId, caseScopeOf(profile), query, now);
}
