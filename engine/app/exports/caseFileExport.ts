import type { Knex } from 'knex';
import { loadCase, loadEvents } from '../../storage/caseRepository.ts';
import { sqlOf } from '../../storage/sql.ts';
import { attachmentsOfCase } from '../../storage/cases/caseOverviewRows.ts';
import { AppError } from '../appErrors.ts';
import type { AuthUser } from '../authUser.ts';
import { caseForReader } from '../caseData/caseForReader.ts';
import { eventsInView } from '../caseData/eventsInView.ts';
import { hiddenTaskIds } from '../caseData/stateInView.ts';
import { executableOfVersionId } from '../executableCache.ts';
import type { AccessProfile } from '../permissions/accessProfile.ts';

/**
 * One case file for an authorised purpose (rujukan, audit, court): the case as staff see it, its
 * timeline and the list of scans (not their content, which is downloaded one by one and logged).
 * The stated reason travels inside the file, so a copy always says why it exists.
 */
export async function exportCaseFile(
  db: Knex,
  user: AuthUser,
  access: AccessProfile,
  caseId: string,
  reason: string,
  now = new Date(),
): Promise<{ fileName: string; content: Buffer; accessDetail: Record<string, unknown> | undefined }> {
  const stored = await loadCase(db, user.regencyId, caseId);
  if (!stored) throw new AppError('NOT_FOUND', 'Kasus tidak ditemukan.');
  const compiled = await executableOfVersionId(sqlOf(db), user.regencyId, stored.versionId);
  if (!compiled) throw new AppError('INTERNAL', 'Versi SOP kasus ini tidak ditemukan.');
  // A reader holding only some persons of a per-person list exports only those, like they read them.
  const shown = caseForReader({ state: stored.state, definition: compiled.exe.definition, access });
  const events = eventsInView(await loadEvents(db, user.regencyId, caseId), hiddenTaskIds(stored.state, shown.view));
  // The driver's own values (a Date prints as its ISO form), under the names the file has always used.
  const attachments = (await attachmentsOfCase(db, user.regencyId, caseId)).map((a) => ({
    id: a.id,
    doc: a.doc_id,
    fileName: a.file_name,
    mediaType: a.media_type,
    sizeBytes: a.size_bytes,
    uploadedAt: a.uploaded_at,
  }));
  const s = shown.state;
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
  return {
    fileName: `kasus-${stored.trackingCode}.json`,
    content: Buffer.from(JSON.stringify(file, null, 2)),
    accessDetail: shown.accessDetail,
  };
}
