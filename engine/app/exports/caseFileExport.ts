import type { Knex } from 'knex';
import { loadCase, loadEvents } from '../../storage/caseRepository.ts';
import { attachmentsOfCase } from '../../storage/cases/caseOverviewRows.ts';
import { AppError } from '../appErrors.ts';
import type { AuthUser } from '../authUser.ts';

/**
 * One case file for an authorised purpose (rujukan, audit, court): the case as staff see it, its
 * timeline and the list of scans (not their content, which is downloaded one by one and logged).
 * The stated reason travels inside the file, so a copy always says why it exists.
 */
export async function exportCaseFile(
  db: Knex,
  user: AuthUser,
  caseId: string,
  reason: string,
  now = new Date(),
): Promise<{ fileName: string; content: Buffer }> {
  const stored = await loadCase(db, user.regencyId, caseId);
  if (!stored) throw new AppError('NOT_FOUND', 'Kasus tidak ditemukan.');
  const events = await loadEvents(db, user.regencyId, caseId);
  // The driver's own values (a Date prints as its ISO form), under the names the file has always used.
  const attachments = (await attachmentsOfCase(db, user.regencyId, caseId)).map((a) => ({
    id: a.id,
    doc: a.doc_id,
    fileName: a.file_name,
    mediaType: a.media_type,
    sizeBytes: a.size_bytes,
    uploadedAt: a.uploaded_at,
  }));
  const s = stored.state;
  const file = {
    exportedAt: now.toISOString(),
    exportedBy: { id: user.id, name: user.name },
    reason,
    notice:
      'Berisi data pribadi. Hanya untuk keperluan yang disebut di atas; jangan disebarkan melalui media sosial atau kanal tidak resmi (Lampiran II.D).',
    case: {
      id: stored.id,
      trackingCode: stored.trackingCode,
      sopId: s.sopId,
      status: s.status,
      outcome: s.outcome ?? null,
      openedAt: s.openedAt,
      dueAt: s.dueAt ?? null,
      closedAt: s.closedAt ?? null,
      data: s.data,
      eligibility: s.eligibility ?? null,
      tasks: s.tasks,
    },
    events,
    attachments,
  };
  return { fileName: `kasus-${stored.trackingCode}.json`, content: Buffer.from(JSON.stringify(file, null, 2)) };
}
