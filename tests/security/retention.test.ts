import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDueJobs } from '../../engine/app/jobScheduler.ts';
import { anonymiseExpiredCases } from '../../engine/app/retention/anonymiseExpiredCases.ts';
import type { TaskState } from '../../engine/core/caseTypes.ts';
import type { CaseEvent } from '../../engine/core/events.ts';
import { backgroundJobs } from '../../engine/server/jobs.ts';
import { withSystemScope } from '../../engine/storage/regencyScope.ts';
import { databaseLabel } from '../support/testDatabase.ts';
import { startTestServer, type TestServer } from '../support/testServer.ts';
import { PNG, applicant, firstChecklist, insertDocument, type ErrorBody } from './support/securityFixture.ts';

type CaseBody = {
  id: string;
  trackingCode: string;
  status: string;
  data: Record<string, unknown>;
  tasks: TaskState[];
  eligibility: { criteria: Array<{ outcome: { criteria: Array<{ explanation: string; actual: unknown }> } }> } | null;
};
const NIK = applicant.nik;
const YEAR_MS = 365.25 * 86_400_000;

describe(`retention: closed cases past their SOP's retention lose personal data, statistics stay (${databaseLabel})`, () => {
  let test: TestServer;
  let expired: CaseBody;
  let running: CaseBody;
  let eventsBefore: CaseEvent[];
  let attachmentId: string;
  let documentId: string;
  beforeAll(async () => {
    test = await startTestServer();
    // The SOP gets a retention period of one year (a new published version).
    const approver = await test.as('kutai-kartanegara', 'pengesah-sop');
    const v1 = await approver.get<{ source: string }>('/api/definitions/bantuan-permakanan/versions/1');
    const published = await approver.post('/api/definitions/bantuan-permakanan/publish', {
      source: `${v1.body.source.trimEnd()}\nretention:\n  years: 1\n`,
    });
    expect(published.status).toBe(201);

    const staff = await test.as('kutai-kartanegara', 'staf-rehsos');
    const opened = await staff.post<CaseBody>('/api/cases', {
      sopId: 'bantuan-permakanan',
      data: { ...applicant, address: 'Jl. Mawar RT 03', phone: '081234567890' },
    });
    expect(opened.status).toBe(201);
    const upload = await staff.request<{ id: string }>(
      'POST',
      `/api/cases/${opened.body.id}/attachments?doc=ktp-kk&name=ktp-siti.png`,
      undefined,
      { raw: PNG, contentType: 'image/png' },
    );
    attachmentId = upload.body.id;
    const done = await staff.post<CaseBody>(`/api/tasks/${opened.body.tasks[0]!.id}/complete`, {
      checklist: firstChecklist,
      note: `Pemohon Siti Aminah, NIK ${NIK}`,
    });
    expect(done.status).toBe(200);
    documentId = (await insertDocument(test.server.db, 'kutai-kartanegara', opened.body.id)).id;
    const closed = await (
      await test.as('kutai-kartanegara', 'kabid-rehsos')
    ).post<CaseBody>(`/api/cases/${opened.body.id}/close`, { reason: `Pemohon pindah domisili (NIK ${NIK})` });
    expect(closed.body.status).toBe('completed');
    expired = closed.body;
    running = (await staff.post<CaseBody>('/api/cases', { sopId: 'bantuan-permakanan', data: applicant })).body;
    eventsBefore = (await staff.get<{ events: CaseEvent[] }>(`/api/cases/${expired.id}/timeline`)).body.events;
  }, 120_000);
  afterAll(async () => test?.stop());

  it('does nothing before the retention period is over', async () => {
    const result = await anonymiseExpiredCases(test.server.db, new Date(Date.now() + 0.5 * YEAR_MS));
    expect(result.anonymised).toBe(0);
    expect(result.sopsWithoutRetention).toBeGreaterThan(0);
  });

  it('anonymises the closed case once the period is over (scheduled job), and only that case', async () => {
    const later = new Date(Date.now() + 1.1 * YEAR_MS);
    const ran = await runDueJobs(
      test.server.db,
      backgroundJobs.filter((j) => j.name === 'retention-anonymise'),
      'uji',
      later,
    );
    expect(ran).toEqual(['retention-anonymise']);
    const job = (await test.server.db('jobs').where({ name: 'retention-anonymise' }).first('last_result')) as {
      last_result: { anonymised: number; failed: number };
    };
    expect(job.last_result).toMatchObject({ anonymised: 1, failed: 0 });

    const kabid = await test.as('kutai-kartanegara', 'kabid-rehsos');
    const after = (await kabid.get<CaseBody>(`/api/cases/${expired.id}`)).body;
    // Statistics stay: closed vocabularies, booleans, birth year; everything typed freely is gone.
    // Unticked checkboxes were stored as false when the case was opened, and stay as statistics.
    expect(after.data).toEqual({
      birthDate: '1950',
      targetCategory: 'Lanjut Usia',
      occupation: 'Tidak bekerja',
      pkhRecipient: false,
      notificationConsent: false,
      familyOfCivilServant: false,
      registeredInDtsen: false,
    });
    expect(after.status).toBe('completed');
    expect(JSON.stringify(after)).not.toMatch(/6402010102500001|6402010102500002|Siti|Mawar|081234567890|Loa Ipuh/);
    const untouched = (await kabid.get<CaseBody>(`/api/cases/${running.id}`)).body;
    // Still there, shown masked to a reader who does not work on the case.
    expect(untouched.data.nik).toBe(`${'•'.repeat(12)}${NIK.slice(-4)}`);

    const columns = await withSystemScope(
      test.server.db,
      async (trx) =>
        (await trx('cases').where({ id: expired.id }).first('applicant_name', 'applicant_nik', 'anonymised_at')) as {
          applicant_name: string | null;
          applicant_nik: string | null;
          anonymised_at: Date | null;
        },
    );
    expect(columns).toMatchObject({ applicant_name: null, applicant_nik: null });
    expect(columns.anonymised_at).not.toBeNull();
    const search = await kabid.get<{ items: Array<{ id: string }> }>(`/api/cases?q=${NIK}`);
    expect(search.body.items.map((i) => i.id)).toEqual([running.id]);
  });

  it('the timeline keeps every event’s type, time, step and actor; payloads lose personal data; case.anonymised is appended', async () => {
    const events = (
      await (
        await test.as('kutai-kartanegara', 'auditor')
      ).get<{ events: CaseEvent[] }>(`/api/cases/${expired.id}/timeline`)
    ).body.events;
    expect(events.slice(0, -1).map((e) => [e.seq, e.type, e.at, e.stepId, e.taskId, e.by.userId])).toEqual(
      eventsBefore.map((e) => [e.seq, e.type, e.at, e.stepId, e.taskId, e.by.userId]),
    );
    expect(events.at(-1)).toMatchObject({ type: 'case.anonymised', by: { userId: 'sistem' } });
    expect(JSON.stringify(events)).not.toMatch(/6402010102500001|Siti Aminah|nilai "/);
    const completed = events.find((e) => e.type === 'task.completed')!;
    expect(completed.payload).toMatchObject({ checklist: firstChecklist });
    expect(completed.payload).not.toHaveProperty('note');
    expect(events.find((e) => e.type === 'case.closed' || e.type === 'case.cancelled')!.payload.reason).toBe(
      'Pemohon pindah domisili (NIK ••••••••••••••••)',
    );
  });

  it('scans lose their content, letters their text; a second run changes nothing', async () => {
    const download = await (
      await test.as('kutai-kartanegara', 'kabid-rehsos')
    ).get<ErrorBody>(`/api/attachments/${attachmentId}`);
    expect(download.status).toBe(404);
    expect(download.body.error.message).toMatch(/retensi/);
    const stored = await withSystemScope(test.server.db, async (trx) => ({
      attachment: (await trx('attachments').where({ id: attachmentId }).first('content', 'file_name')) as {
        content: Uint8Array;
        file_name: string;
      },
      document: (await trx('issued_documents').where({ id: documentId }).first('body', 'number')) as {
        body: string;
        number: string;
      },
    }));
    expect(stored.attachment.content.length).toBe(0);
    expect(stored.attachment.file_name).toBe('dihapus');
    expect(stored.document.body).not.toMatch(/Siti|6402/);
    expect(stored.document.number).toMatch(/UJI/);
    expect((await anonymiseExpiredCases(test.server.db, new Date(Date.now() + 3 * YEAR_MS))).anonymised).toBe(0);
  });
});
