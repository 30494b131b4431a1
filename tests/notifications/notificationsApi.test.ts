import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runNotifier } from '../../engine/app/notifications/notificationJob.ts';
import { anonymiseCaseData } from '../../engine/app/retention/anonymiseCaseData.ts';
import { withSystemScope } from '../../engine/storage/regencyScope.ts';
import type { NotifierSettings } from '../../engine/app/notifications/notifierSettings.ts';
import type { TaskState } from '../../engine/core/caseTypes.ts';
import type { ApiClient } from '../support/apiClient.ts';
import { kutaiApplicant, permakananFirstStepChecklist } from '../support/kutaiApplicant.ts';
import {
  definitionsWithNotifications,
  startHttpStandIn,
  startSmtpServer,
  whatsappAccepted,
  whatsappContractProblems,
  type ReceivedMail,
} from '../support/notificationStandIns.ts';
import { databaseLabel } from '../support/testDatabase.ts';
import { startTestServer, type TestServer } from '../support/testServer.ts';

const REGENCY = 'kutai-kartanegara';
const WA_TOKEN = 'token-uji-wa';

type CaseBody = { id: string; trackingCode: string; status: string; tasks: TaskState[] };

describe(`notifications through the API: e-mail, WhatsApp and the staff bell (${databaseLabel})`, () => {
  let test: TestServer;
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let whatsapp: Awaited<ReturnType<typeof startHttpStandIn>>;
  let definitions: string;
  let settings: NotifierSettings;

  beforeAll(async () => {
    smtp = await startSmtpServer();
    whatsapp = await startHttpStandIn((request, index) => {
      const problems = whatsappContractProblems(request, '1234567890', WA_TOKEN);
      if (problems.length > 0) return { status: 400, body: { error: { message: problems.join(', ') } } };
      return whatsappAccepted(request, `wamid.${index}`);
    });
    definitions = definitionsWithNotifications(
      REGENCY,
      `  whatsapp: { baseUrl: "${whatsapp.url}", apiVersion: v21.0, phoneNumberId: "1234567890", tokenEnv: ALUR_TEST_WA_TOKEN }\n`,
    );
    test = await startTestServer({ definitionsDir: definitions });
    settings = {
      publicUrl: 'https://alur.example.go.id',
      smtpUrl: smtp.url,
      mailFrom: 'Dinas Sosial Kukar <layanan@dinsos.example.go.id>',
      maxAttempts: 3,
      retrySeconds: 1,
      secrets: { ALUR_TEST_WA_TOKEN: WA_TOKEN },
      timeoutMs: 5000,
    };
  }, 120_000);
  afterAll(async () => {
    await test?.stop();
    await smtp?.close();
    await whatsapp?.close();
    if (definitions) rmSync(definitions, { recursive: true, force: true });
  });

  const as = (role: string): Promise<ApiClient> => test.as(REGENCY, role);

  async function complete(task: TaskState, input: Record<string, unknown>): Promise<CaseBody> {
    const response = await (await as(task.role)).post<CaseBody>(`/api/tasks/${task.id}/complete`, input);
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    return response.body;
  }

  const open = (state: CaseBody): TaskState[] => state.tasks.filter((t) => t.status === 'open');

  async function startCase(data: Record<string, unknown>): Promise<CaseBody> {
    const response = await (
      await as('staf-rehsos')
    ).post<CaseBody>('/api/cases', { sopId: 'bantuan-permakanan', data });
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    return response.body;
  }

  async function assess(state: CaseBody, eligible: boolean): Promise<CaseBody> {
    let current = state;
    for (const task of open(state))
      current = await complete(task, {
        checklist: { 'formulir-asesmen': true },
        formData: { assessmentDate: '2026-12-01', selfCareAbility: 'Tidak mampu', eligible },
      });
    return current;
  }

  const sendAll = (now = new Date()): ReturnType<typeof runNotifier> => runNotifier(test.server.db, now, settings);

  it('a case run through the API produces exactly the expected messages, with no NIK or KK in any', async () => {
    // Case A: consent by e-mail; sent back once, approved, letter issued, closed.
    let a = await startCase({
      ...kutaiApplicant,
      notificationConsent: true,
      notificationChannel: 'email',
      email: 'siti@example.id',
    });
    a = await complete(open(a)[0]!, { checklist: permakananFirstStepChecklist });
    const sentBack = await (
      await as('kepala-dinas')
    ).post<CaseBody>(`/api/tasks/${open(a)[0]!.id}/send-back`, {
      reason: `Foto rumah kurang jelas (NIK ${kutaiApplicant.nik})`,
      missing: ['foto-rumah'],
    });
    expect(sentBack.status).toBe(200);
    a = await complete(open(sentBack.body)[0]!, { checklist: permakananFirstStepChecklist });
    a = await complete(open(a)[0]!, { checklist: { 'berkas-permohonan': true } });
    a = await assess(a, true);
    a = await complete(open(a)[0]!, { checklist: { 'draft-sk': true } });
    // The SK is prepared by staff, initialled by the Kabid, then issued by its signer.
    await (await as('staf-rehsos')).post(`/api/cases/${a.id}/outputs/sk-penerima/prepare`);
    const draftId = (
      await (
        await as('staf-rehsos')
      ).get<{ outputs: Array<{ outputId: string; draft: { id: string } | null }> }>(`/api/cases/${a.id}/outputs`)
    ).body.outputs.find((o) => o.outputId === 'sk-penerima')!.draft!.id;
    await (await as('kabid-rehsos')).post(`/api/letter-drafts/${draftId}/initial`);
    const issued = await (await as('kepala-dinas')).post(`/api/cases/${a.id}/outputs/sk-penerima/issue`);
    expect(issued.status, JSON.stringify(issued.body)).toBe(201);
    a = await complete(open(a)[0]!, {
      checklist: { 'daftar-penerima': true },
      formData: { distributionDate: '2026-12-02' },
    });
    for (const task of open(a))
      a = await complete(task, { checklist: { 'daftar-penerima': true }, formData: { stillEligible: true } });
    a = await complete(open(a)[0]!, {});
    expect(a.status).toBe('completed');

    // Case B: consent by WhatsApp; found not eligible (ditolak by the rule).
    let b = await startCase({
      ...kutaiApplicant,
      nik: '6402010102500077',
      kkNumber: '6402010101010078',
      notificationConsent: true,
      notificationChannel: 'whatsapp',
      phone: '081234567890',
    });
    b = await complete(open(b)[0]!, { checklist: permakananFirstStepChecklist });
    b = await complete(open(b)[0]!, { checklist: { 'berkas-permohonan': true } });
    b = await assess(b, false);
    expect(b.status).toBe('rejected');

    // Case C: a phone number but no consent: nothing is sent to the applicant.
    await startCase({ ...kutaiApplicant, nik: '6402010102500099', phone: '081299999999', notificationChannel: 'sms' });

    const first = await sendAll();
    expect(first.failed + first.dead).toBe(0);
    const again = await sendAll(new Date(Date.now() + 3_600_000));
    expect(again.sent).toBe(0);

    const subjects = smtp.mails.map((m: ReceivedMail) => m.subject);
    expect(smtp.mails.every((m) => m.to.join() === 'siti@example.id')).toBe(true);
    expect(smtp.mails.every((m) => m.from === 'layanan@dinsos.example.go.id')).toBe(true);
    const service = 'Pemberian Bantuan Permakanan bagi Lanjut Usia, Penyandang Disabilitas dan Anak Terlantar';
    expect(subjects).toEqual([
      `Permohonan ${service} diterima`,
      `Berkas ${service} perlu dilengkapi`,
      'Surat SK Penerima Bantuan Permakanan sudah terbit',
      `Permohonan ${service} selesai`,
      'Bagaimana layanan kami?',
    ]);
    const [opened, back] = smtp.mails;
    expect(opened!.text).toContain(a.trackingCode);
    expect(opened!.text).toContain(`https://alur.example.go.id/lacak/${a.trackingCode}`);
    expect(back!.text).toContain('Foto tampak depan kondisi rumah');
    expect(back!.text).toContain('Dinas Sosial Kabupaten Kutai Kartanegara');

    const waBodies = whatsapp.requests.map((r) => JSON.parse(r.body) as { to: string; text: { body: string } });
    expect(whatsapp.requests.every((r) => whatsappContractProblems(r, '1234567890', WA_TOKEN).length === 0)).toBe(true);
    expect(waBodies.map((w) => w.to)).toEqual(['6281234567890', '6281234567890']);
    expect(waBodies[0]!.text.body).toContain(`Permohonan ${service} diterima`);
    expect(waBodies[1]!.text.body).toContain('tidak dapat dikabulkan');
    expect(waBodies[1]!.text.body).toContain('Alasan: Tidak layak');

    // No NIK or KK (of any of the cases) in any produced message.
    const everything = [...smtp.mails.map((m) => m.raw), ...whatsapp.requests.map((r) => r.body)].join('\n');
    for (const secret of [
      kutaiApplicant.nik,
      kutaiApplicant.kkNumber,
      '6402010102500077',
      '6402010102500078',
      '6402010102500099',
    ])
      expect(everything).not.toContain(secret);
    expect(back!.text).toContain('[disamarkan]');

    // Retention: anonymising the case also forgets the applicant's e-mail address kept for notifications.
    await withSystemScope(test.server.db, (trx) => anonymiseCaseData(trx, REGENCY, a.id, new Date()));
    const kept = JSON.stringify([
      await test.server.db('notifications').where({ case_id: a.id }).select('contact'),
      await test.server.db('notification_deliveries').select('address'),
    ]);
    expect(kept).not.toContain('siti@example.id');
  }, 120_000);

  it('staff see their new tasks in the bell with an unread count, and can mark them read', async () => {
    const kadis = await as('kepala-dinas');
    const list = await kadis.get<{
      unread: number;
      items: Array<{ id: number; kind: string; title: string; read: boolean }>;
    }>('/api/notifications');
    expect(list.status).toBe(200);
    expect(list.body.items.length).toBeGreaterThan(0);
    expect(list.body.items.every((i) => i.kind === 'task.assigned' || i.kind === 'case.escalated')).toBe(true);
    expect(list.body.unread).toBe(list.body.items.filter((i) => !i.read).length);
    const first = list.body.items[0]!;
    expect(first.title).toMatch(/^Tugas baru: /);
    const marked = await kadis.post(`/api/notifications/read`, { ids: [first.id] });
    expect(marked.status).toBe(200);
    const after = await kadis.get<{ unread: number }>('/api/notifications');
    expect(after.body.unread).toBe(list.body.unread - 1);
    // Another role does not see the head of office's notifications.
    const tksk = await as('tksk');
    const theirs = await tksk.get<{ items: Array<{ id: number }> }>('/api/notifications');
    expect(theirs.body.items.map((i) => i.id)).not.toContain(first.id);
    const all = await kadis.post(`/api/notifications/read`, {});
    expect(all.status).toBe(200);
    expect((await kadis.get<{ unread: number }>('/api/notifications')).body.unread).toBe(0);
  });
});
