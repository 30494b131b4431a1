import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import type { TaskState } from '../../../engine/core/caseTypes.ts';
import { withSystemScope } from '../../../engine/storage/regencyScope.ts';
import type { ApiClient } from '../../support/apiClient.ts';
import type { TestServer } from '../../support/testServer.ts';

/** A Kutai Kartanegara applicant for bantuan-permakanan (SOP of unit rehsos; first step: staf-rehsos). */
export const applicant = {
  nik: '6402010102500001',
  kkNumber: '6402010101010002',
  fullName: 'Siti Aminah',
  birthDate: '1950-02-01',
  village: 'Loa Ipuh',
  district: 'Tenggarong',
  residenceRegency: 'Kutai Kartanegara',
  targetCategory: 'Lanjut Usia',
  occupation: 'Tidak bekerja',
  pkhRecipient: false,
};

/** The first step's complete checklist of bantuan-permakanan. */
export const firstChecklist = { 'surat-permohonan': true, 'ktp-kk': true, 'foto-penerima': true, 'foto-rumah': true };

/** A tiny valid PNG signature (content type is detected from these bytes). */
export const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);

/** The error body of the API. */
export type ErrorBody = {
  error: {
    code: string;
    message: string;
    path?: string;
    reason?: string;
    details?: Array<{ path: string; message: string }>;
  };
};

/** Ids of things of one case in the home regency, for filling path parameters. */
export interface CaseFixture {
  caseId: string;
  trackingCode: string;
  taskId: string;
  attachmentId: string;
  requestId: string;
  documentId: string;
  verificationCode: string;
  staffUserId: string;
  draftId: string;
}

/** Opens a bantuan-permakanan case as staf-rehsos. */
export async function openCase(
  test: TestServer,
  data: Record<string, unknown> = applicant,
): Promise<{ id: string; trackingCode: string; tasks: TaskState[] }> {
  const staff = await test.as('kutai-kartanegara', 'staf-rehsos');
  const opened = await staff.post<{ id: string; trackingCode: string; tasks: TaskState[] }>('/api/cases', {
    sopId: 'bantuan-permakanan',
    data,
  });
  if (opened.status !== 201) throw new Error(`open: ${opened.status} ${JSON.stringify(opened.body)}`);
  return opened.body;
}

/** Inserts an issued document directly (as the system role), so routes on documents have a target. */
export async function insertDocument(
  db: Knex,
  regencyId: string,
  caseId: string,
  body = 'Menetapkan Siti Aminah (NIK 6402010102500001) sebagai penerima.',
): Promise<{ id: string; code: string }> {
  const id = randomUUID();
  const code = randomUUID().replace(/-/g, '').slice(0, 12);
  await withSystemScope(db, (trx) =>
    trx('issued_documents').insert({
      id,
      regency_id: regencyId,
      case_id: caseId,
      output_id: 'sk-uji',
      step_id: 'penetapan',
      title: 'SURAT UJI',
      number: `400.9/${Math.floor(Math.random() * 1e6)}/UJI`,
      body,
      signer: JSON.stringify({ name: 'Kepala Dinas', title: 'Kepala Dinas Sosial' }),
      letterhead: JSON.stringify({ office: 'Dinas Sosial' }),
      verification_code: code,
      status: 'valid',
      issued_by: 'uji',
      issued_at: new Date(),
    }),
  );
  return { id, code };
}

/** A case with an attachment, an archive request and an issued document, all in Kutai Kartanegara. */
export async function caseFixture(test: TestServer): Promise<CaseFixture> {
  const staff = await test.as('kutai-kartanegara', 'staf-rehsos');
  const opened = await openCase(test);
  const upload = await staff.request<{ id: string }>(
    'POST',
    `/api/cases/${opened.id}/attachments?doc=ktp-kk&name=ktp.png`,
    undefined,
    { raw: PNG, contentType: 'image/png' },
  );
  if (upload.status !== 201) throw new Error(`upload: ${upload.status}`);
  const request = await staff.post<{ request: { id: string } }>(`/api/cases/${opened.id}/archive-requests`, {
    kind: 'copy',
    reason: 'Salinan untuk rujukan ke RSUD',
    recipient: 'RSUD AM Parikesit',
  });
  if (request.status !== 201) throw new Error(`archive request: ${request.status} ${JSON.stringify(request.body)}`);
  const document = await insertDocument(test.server.db, 'kutai-kartanegara', opened.id);
  const me = await staff.get<{ user: { id: string } }>('/api/auth/me');
  // A letter in preparation: its preview renders; paraf and signing answer 422 (its step is not done), never write.
  const draftId = randomUUID();
  await withSystemScope(test.server.db, (trx) =>
    trx('letter_drafts').insert({
      id: draftId,
      regency_id: 'kutai-kartanegara',
      case_id: opened.id,
      output_id: 'sk-penerima',
      step_id: 'penetapan',
      values: JSON.stringify({ fullName: 'Siti Aminah' }),
      prepared_by: me.body.user.id,
      prepared_at: new Date(),
    }),
  );
  return {
    caseId: opened.id,
    trackingCode: opened.trackingCode,
    taskId: opened.tasks[0]!.id,
    attachmentId: upload.body.id,
    requestId: request.body.request.id,
    documentId: document.id,
    verificationCode: document.code,
    staffUserId: me.body.user.id,
    draftId,
  };
}

/** Row counts of every table a request could write, read as the system role (sees all regencies). */
export async function writtenRows(db: Knex): Promise<Record<string, number>> {
  const tables = [
    'cases',
    'tasks',
    'case_events',
    'attachments',
    'access_log',
    'archive_requests',
    'issued_documents',
    'delegations',
    'definition_versions',
    'letter_counters',
    'letter_drafts',
  ];
  return withSystemScope(db, async (trx) => {
    const counts: Record<string, number> = {};
    for (const t of tables) counts[t] = Number(((await trx(t).count('* as n').first()) as { n: string | number }).n);
    return counts;
  });
}

/** Signs in a fresh client (not the cached one), e.g. to log it out. */
export async function freshClient(
  test: TestServer,
  regency: string,
  role: string,
  make: (url: string) => ApiClient,
): Promise<ApiClient> {
  const client = make(test.server.url);
  await client.login(`${regency}.${role}`, 'alur-demo');
  return client;
}
