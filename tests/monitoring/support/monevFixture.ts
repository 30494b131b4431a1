import { join } from 'node:path';
import type { Knex } from 'knex';
import type { AuthUser } from '../../../engine/app/authUser.ts';
import { openCase, runCaseCommand, runTaskCommand, type CaseCommandOutcome } from '../../../engine/app/caseService.ts';
import { linkComplaint } from '../../../engine/app/monitoring/caseLinks.ts';
import { loadMonitoringContext } from '../../../engine/app/monitoring/monitoringContext.ts';
import { submitSurvey } from '../../../engine/app/monitoring/satisfaction/surveyService.ts';
import type { SurveyElement } from '../../../engine/app/monitoring/satisfaction/surveyElements.ts';
import { sqlOf } from '../../../engine/storage/sql.ts';

/** The regency pack of the monitoring tests. */
export const monevDefinitionsDir = join(import.meta.dirname, '../fixtures');
/** Its regency id. */
export const REGENCY = 'uji-monev';

/** A local time (WIB, UTC+7) in the fixture week: Monday 10 … Friday 14 March 2025. */
export function wib(day: number, hhmm: string): Date {
  return new Date(`2025-03-${String(day).padStart(2, '0')}T${hhmm}:00+07:00`);
}

/** "Now" for snapshot figures: Friday 14 March 2025, 10:00 WIB. */
export const NOW = wib(14, '10:00');
/** The fixture week as a period: Monday 00:00 to Saturday 00:00 WIB. */
export const WEEK = { from: wib(10, '00:00'), to: new Date('2025-03-15T00:00:00+07:00') };

/** Loads a demo user as the services see it. */
export async function userOf(db: Knex, role: string): Promise<AuthUser> {
  const row = (await db('users')
    .where({ username: `${REGENCY}.${role}` })
    .first('id', 'regency_id', 'username', 'display_name', 'roles')) as {
    id: string;
    regency_id: string;
    username: string;
    display_name: string;
    roles: string[];
  };
  return { id: row.id, regencyId: row.regency_id, username: row.username, name: row.display_name, roles: row.roles };
}

/** A case of the fixture. */
export interface FixtureCase {
  id: string;
  trackingCode: string;
}

const ALL_DOCS = { ktp: true, kk: true, sktm: true };
const SCORES: Record<string, number[]> = {
  A: [4, 4, 3, 4, 4, 4, 4, 3, 3],
  B: [3, 3, 2, 4, 3, 4, 4, 3, 3],
  C: [2, 3, 3, 4, 2, 3, 3, 2, 3],
  D: [3, 2, 2, 4, 3, 3, 4, 2, 3],
};
const ELEMENTS: SurveyElement[] = [
  'persyaratan',
  'prosedur',
  'waktu',
  'biaya',
  'produk',
  'kompetensi',
  'perilaku',
  'pengaduan',
  'sarana',
];

/** Scores of a fixture survey as the API takes them. */
export function scoresOf(values: readonly number[]): Record<SurveyElement, number> {
  return Object.fromEntries(ELEMENTS.map((e, i) => [e, values[i]!])) as Record<SurveyElement, number>;
}

function openTask(outcome: CaseCommandOutcome, stepId: string): string {
  const task = outcome.state.tasks.find((t) => t.status === 'open' && t.stepId === stepId);
  if (!task) throw new Error(`no open task at ${stepId} in case ${outcome.caseId}`);
  return task.id;
}

/**
 * Runs the fixture week through the real services with controlled clocks (times WIB):
 *
 * | case | story |
 * |---|---|
 * | A | Mon 08:00 opened; pengajuan 20′; verifikasi 30′ → Memenuhi; persetujuan 360′ → selesai Mon 14:50 |
 * | B | Mon 09:00; pengajuan 10′; verifikasi sent back 10:40 (missing kk, sktm); pengajuan returned Tue 10:40 (1440′, late); verifikasi 120′ (late); persetujuan Tue 12:40 → Thu 10:40 (2760′, late) → selesai |
 * | C | Tue 08:00, age 45; pengajuan 40′ (late); verifikasi 20′ → Tidak memenuhi syarat → ditolak Tue 09:00 |
 * | D | Tue 09:00; pengajuan 30′; verifikasi 60′; persetujuan rejected by hand Wed 10:00 "Data ganda di DTSEN" |
 * | E | Wed 08:00; pengajuan 15′; verifikasi 30′; persetujuan claimed by the kabid, still open (due Thu 08:45) |
 * | F | Wed 09:00; pengajuan 5′; verifikasi sent back 09:35 (missing sktm); waiting for the applicant |
 * | H | Thu 08:00; pengajuan 30′; verifikasi open, unassigned (due Thu 09:30) |
 * | G | Fri 09:00; pengajuan 20′; verifikasi open (due Fri 10:20) |
 * | K | complaint about A, Thu 10:00; pencatatan 5′; tindak-lanjut 295′ → selesai Thu 15:00 |
 * | L | complaint about B, Thu 11:00; pencatatan 20′ (late); tindak-lanjut open |
 *
 * Surveys for A–D are submitted Fri 12:00 with the scores above (K's is left for the public API).
 */
export async function buildMonevFixture(db: Knex): Promise<Record<string, FixtureCase>> {
  const petugas = await userOf(db, 'petugas');
  const kabid = await userOf(db, 'kabid');
  const pengaduan = await userOf(db, 'petugas-pengaduan');
  const sekretaris = await userOf(db, 'sekretaris');
  const cases: Record<string, FixtureCase> = {};
  const open = async (key: string, day: number, time: string, age = 70): Promise<CaseCommandOutcome> => {
    const outcome = await openCase(
      db,
      petugas,
      'layanan-uji',
      { nik: `352601010101${String(Object.keys(cases).length + 1).padStart(4, '0')}`, fullName: `Pemohon ${key}`, age },
      wib(day, time),
    );
    cases[key] = { id: outcome.caseId, trackingCode: outcome.trackingCode };
    return outcome;
  };
  const complete = (
    outcome: CaseCommandOutcome,
    stepId: string,
    user: AuthUser,
    when: Date,
    extra: { checklist?: Record<string, boolean>; choice?: string } = {},
  ) =>
    runTaskCommand(
      sqlOf(db),
      user,
      openTask(outcome, stepId),
      { type: 'complete', taskId: openTask(outcome, stepId), ...extra },
      when,
    );
  const sendBack = (outcome: CaseCommandOutcome, when: Date, reason: string, missing: string[]) =>
    runTaskCommand(
      sqlOf(db),
      petugas,
      openTask(outcome, 'verifikasi'),
      { type: 'sendBack', taskId: openTask(outcome, 'verifikasi'), reason, missing },
      when,
    );
  const MEMENUHI = { choice: 'Memenuhi syarat' };

  let a = await open('A', 10, '08:00');
  a = await complete(a, 'pengajuan', petugas, wib(10, '08:20'), { checklist: ALL_DOCS });
  a = await complete(a, 'verifikasi', petugas, wib(10, '08:50'), MEMENUHI);
  await complete(a, 'persetujuan', kabid, wib(10, '14:50'));

  let b = await open('B', 10, '09:00');
  b = await complete(b, 'pengajuan', petugas, wib(10, '09:10'), { checklist: ALL_DOCS });
  b = await sendBack(b, wib(10, '10:40'), 'KK dan SKTM belum ada', ['kk', 'sktm']);
  b = await complete(b, 'pengajuan', petugas, wib(11, '10:40'), { checklist: ALL_DOCS });
  b = await complete(b, 'verifikasi', petugas, wib(11, '12:40'), MEMENUHI);
  await complete(b, 'persetujuan', kabid, wib(13, '10:40'));

  let c = await open('C', 11, '08:00', 45);
  c = await complete(c, 'pengajuan', petugas, wib(11, '08:40'), { checklist: ALL_DOCS });
  await complete(c, 'verifikasi', petugas, wib(11, '09:00'), { choice: 'Tidak memenuhi syarat' });

  let d = await open('D', 11, '09:00');
  d = await complete(d, 'pengajuan', petugas, wib(11, '09:30'), { checklist: ALL_DOCS });
  d = await complete(d, 'verifikasi', petugas, wib(11, '10:30'), MEMENUHI);
  await runCaseCommand(db, kabid, d.caseId, { type: 'reject', reason: 'Data ganda di  DTSEN ' }, wib(12, '10:00'));

  let e = await open('E', 12, '08:00');
  e = await complete(e, 'pengajuan', petugas, wib(12, '08:15'), { checklist: ALL_DOCS });
  e = await complete(e, 'verifikasi', petugas, wib(12, '08:45'), MEMENUHI);
  await runTaskCommand(
    sqlOf(db),
    kabid,
    openTask(e, 'persetujuan'),
    {
      type: 'reassign',
      taskId: openTask(e, 'persetujuan'),
      toUserId: kabid.id,
      toName: kabid.name,
      reason: 'diambil sendiri',
    },
    wib(12, '09:00'),
  );

  let f = await open('F', 12, '09:00');
  f = await complete(f, 'pengajuan', petugas, wib(12, '09:05'), { checklist: ALL_DOCS });
  await sendBack(f, wib(12, '09:35'), 'SKTM belum ada', ['sktm']);

  const h = await open('H', 13, '08:00');
  await complete(h, 'pengajuan', petugas, wib(13, '08:30'), { checklist: ALL_DOCS });

  const g = await open('G', 14, '09:00');
  await complete(g, 'pengajuan', petugas, wib(14, '09:20'), { checklist: ALL_DOCS });

  const context = await loadMonitoringContext(db, REGENCY);
  const complaint = async (key: string, about: string, day: number, time: string): Promise<CaseCommandOutcome> => {
    const outcome = await openCase(
      db,
      pengaduan,
      'pengaduan-uji',
      { complainantName: `Pengadu ${key}`, complaintDescription: `Pengaduan tentang kasus ${about}` },
      wib(day, time),
    );
    cases[key] = { id: outcome.caseId, trackingCode: outcome.trackingCode };
    await linkComplaint(db, context, pengaduan, outcome.caseId, cases[about]!.trackingCode);
    return outcome;
  };
  let k = await complaint('K', 'A', 13, '10:00');
  k = await complete(k, 'pencatatan', pengaduan, wib(13, '10:05'));
  await complete(k, 'tindak-lanjut', sekretaris, wib(13, '15:00'));
  const l = await complaint('L', 'B', 13, '11:00');
  await complete(l, 'pencatatan', pengaduan, wib(13, '11:20'));

  for (const [key, values] of Object.entries(SCORES))
    await submitSurvey(
      db,
      cases[key]!.trackingCode,
      { scores: scoresOf(values), comment: key === 'C' ? 'Mohon dijelaskan alasan penolakan.' : '' },
      wib(14, '12:00'),
    );
  return cases;
}
