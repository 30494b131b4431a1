import { zipSync, strToU8 } from 'fflate';
import PDFDocument from 'pdfkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kutaiApplicant, permakananFirstStepChecklist } from '../support/kutaiApplicant.ts';
import { databaseLabel } from '../support/testDatabase.ts';
import { startTestServer, type TestServer } from '../support/testServer.ts';

type CaseBody = {
  id: string;
  trackingCode: string;
  tasks: Array<{ id: string; role: string; status: string; stepId: string }>;
};
type Sections = {
  revealed: boolean;
  sections: Array<{
    id: string;
    kind: string;
    fields: Array<{ key: string; text: string; masked: boolean }>;
    source?: { byName: string; decider: boolean; actorName: string };
  }>;
  duplicates: Array<{ trackingCode: string }>;
  documents: Array<{ label: string; preview: string | null }>;
  disagreements: Array<{ fields: string[] }>;
};

/** A real (tiny) Office Open XML workbook: a ZIP whose parts name xl/workbook.xml. */
function workbook(): Uint8Array {
  return zipSync({
    '[Content_Types].xml': strToU8(
      '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
    ),
    'xl/workbook.xml': strToU8(
      '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>',
    ),
  });
}

/** A one-page PDF made by pdfkit. */
async function pdf(): Promise<Uint8Array> {
  const doc = new PDFDocument();
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve) => doc.on('end', () => resolve()));
  doc.text('KTP / KK');
  doc.end();
  await done;
  return Buffer.concat(chunks);
}

describe(`the case on the page: sections, masking, reveal, joint answers, send-back, file kinds (${databaseLabel})`, () => {
  let test: TestServer;
  beforeAll(async () => {
    test = await startTestServer();
  }, 180_000);
  afterAll(async () => test?.stop());

  it('NIK and KK are checked for structure with Indonesian messages', async () => {
    const front = await test.as('kutai-kartanegara', 'staf-rehsos');
    const bad = await front.post<{ error: { details: Array<{ path: string; message: string }> } }>('/api/cases', {
      sopId: 'bantuan-permakanan',
      data: { ...kutaiApplicant, nik: '6402013201900001', kkNumber: '0002010101010002' },
    });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('NIK tidak sah: angka ke-7 sampai ke-12 harus tanggal lahir');
    expect(JSON.stringify(bad.body)).toContain('Nomor KK tidak sah: kode provinsi 00');
  });

  it('masks NIK/KK for a reader who does not work on the case, reveals on request and logs it; warns of a duplicate', async () => {
    const front = await test.as('kutai-kartanegara', 'staf-rehsos');
    const first = await front.post<CaseBody>('/api/cases', {
      sopId: 'bantuan-permakanan',
      data: { ...kutaiApplicant, nik: '6402010102500031' },
    });
    const second = await front.post<CaseBody>('/api/cases', {
      sopId: 'bantuan-permakanan',
      data: { ...kutaiApplicant, nik: '6402010102500031' },
    });
    expect([first.status, second.status]).toEqual([201, 201]);
    // The front desk holds the open task: it sees the numbers in full.
    const mine = await front.get<Sections>(`/api/cases/${second.body.id}/sections`);
    expect(mine.body.revealed).toBe(true);
    expect(mine.body.sections[0]!.fields.find((f) => f.key === 'nik')).toMatchObject({
      text: '6402010102500031',
      masked: false,
    });
    expect(mine.body.duplicates.map((d) => d.trackingCode)).toEqual([first.body.trackingCode]);
    // The kabid only reads it: masked, until "Tampilkan", which writes an access-log row.
    const kabid = await test.as('kutai-kartanegara', 'kabid-rehsos');
    const read = await kabid.get<Sections>(`/api/cases/${second.body.id}/sections`);
    expect(read.status).toBe(200);
    expect(read.body.revealed).toBe(false);
    const nik = read.body.sections.flatMap((s) => s.fields).find((f) => f.key === 'nik')!;
    expect(nik).toEqual({ key: 'nik', label: 'NIK', text: '••••••••••••0031', masked: true });
    expect(JSON.stringify(read.body)).not.toContain('6402010102500031');
    const kk = read.body.sections.flatMap((s) => s.fields).find((f) => f.key === 'kkNumber')!;
    expect(kk.masked).toBe(true);
    const revealed = await kabid.post<{ value: string }>(`/api/cases/${second.body.id}/reveal`, { field: 'nik' });
    expect(revealed.body.value).toBe('6402010102500031');
    expect((await kabid.post(`/api/cases/${second.body.id}/reveal`, { field: 'fullName' })).status).toBe(400);
    const kadis = await test.as('kutai-kartanegara', 'kepala-dinas');
    const log = await kadis.get<{ entries: Array<{ action: string; detail: Record<string, unknown> | null }> }>(
      `/api/audit/cases/${second.body.id}/access`,
    );
    expect(log.body.entries.filter((r) => r.action === 'reveal').map((r) => r.detail?.field)).toEqual(['nik']);
  });

  it("joint assessment: each participant's answers are kept and shown with who gave them; a differing decision field is flagged", async () => {
    const front = await test.as('kutai-kartanegara', 'staf-rehsos');
    let kase = (
      await front.post<CaseBody>('/api/cases', {
        sopId: 'bantuan-permakanan',
        data: { ...kutaiApplicant, nik: '6402010102500032' },
      })
    ).body;
    const complete = async (role: string, body: Record<string, unknown>) => {
      const task = kase.tasks.find((t) => t.status === 'open' && t.role === role)!;
      const r = await (await test.as('kutai-kartanegara', role)).post<CaseBody>(`/api/tasks/${task.id}/complete`, body);
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      kase = r.body;
    };
    await complete('staf-rehsos', { checklist: permakananFirstStepChecklist });
    await complete('kepala-dinas', { checklist: { 'berkas-permohonan': true } });
    await complete('staf-rehsos', {
      formData: { assessmentDate: '2026-12-01', selfCareAbility: 'Tidak mampu', eligible: false },
      checklist: { 'formulir-asesmen': true },
    });
    await complete('tksk', {
      formData: { assessmentDate: '2026-12-01', selfCareAbility: 'Tidak mampu', eligible: true },
      checklist: { 'formulir-asesmen': true },
    });
    const sections = (await front.get<Sections>(`/api/cases/${kase.id}/sections`)).body;
    const steps = sections.sections.filter((s) => s.kind === 'step');
    expect(
      steps.map((s) => [s.source?.actorName, s.source?.decider, s.fields.find((f) => f.key === 'eligible')?.text]),
    ).toEqual([
      ['Bidang Rehsos', true, 'Tidak'],
      ['TKSK', false, 'Ya'],
    ]);
    expect(sections.disagreements.map((d) => d.fields)).toEqual([['Direkomendasikan layak menerima bantuan']]);
    // The decider's "tidak layak" stands: the case was rejected, not carried on by the later answer.
    expect((await front.get<{ status: string }>(`/api/cases/${kase.id}`)).body.status).toBe('rejected');
  });

  it("a send-back shows on the re-opened task, in the inbox and on /lacak; uploads follow the document's file kinds", async () => {
    const front = await test.as('kutai-kartanegara', 'staf-rehsos');
    let kase = (
      await front.post<CaseBody>('/api/cases', {
        sopId: 'bantuan-permakanan',
        data: { ...kutaiApplicant, nik: '6402010102500033' },
      })
    ).body;
    const ktp = await front.request<{ id: string }>(
      'POST',
      `/api/cases/${kase.id}/attachments?doc=ktp-kk&name=ktp.pdf`,
      undefined,
      {
        raw: await pdf(),
        contentType: 'application/pdf',
      },
    );
    expect(ktp.status).toBe(201);
    const xlsxForKtp = await front.request(
      'POST',
      `/api/cases/${kase.id}/attachments?doc=ktp-kk&name=rekap.xlsx`,
      undefined,
      {
        raw: workbook(),
      },
    );
    expect(xlsxForKtp.status).toBe(415);
    expect(JSON.stringify(xlsxForKtp.body)).toContain('PDF, JPEG, PNG');
    const first = kase.tasks.find((t) => t.status === 'open')!;
    kase = (await front.post<CaseBody>(`/api/tasks/${first.id}/complete`, { checklist: permakananFirstStepChecklist }))
      .body;
    const kadis = await test.as('kutai-kartanegara', 'kepala-dinas');
    const disposisi = kase.tasks.find((t) => t.status === 'open')!;
    const back = await kadis.post<{
      tasks: Array<{
        id: string;
        status: string;
        returned?: { reason: string; missing: string[]; kept: Record<string, boolean> };
      }>;
    }>(`/api/tasks/${disposisi.id}/send-back`, { reason: 'Foto rumah belum ada', missing: ['foto-rumah'] });
    expect(back.status).toBe(200);
    const reopenedId = back.body.tasks.find((t) => t.status === 'open')!.id;
    const reopened = (await front.get<typeof back.body>(`/api/cases/${kase.id}`)).body.tasks.find(
      (t) => t.id === reopenedId,
    )!;
    expect(reopened.returned).toMatchObject({
      reason: 'Foto rumah belum ada',
      missing: ['foto-rumah'],
      kept: { 'surat-permohonan': true, 'ktp-kk': true, 'foto-penerima': true },
    });
    const inbox = await front.get<{ items: Array<{ taskId: string; returnedReason: string | null }> }>(
      '/api/tasks/inbox?limit=200',
    );
    expect(inbox.body.items.find((i) => i.taskId === reopened.id)?.returnedReason).toBe('Foto rumah belum ada');
    const track = await fetch(`${test.server.url}/api/public/status/${kase.trackingCode}`);
    const status = (await track.json()) as { documentsToBring: string[]; waitingForDocuments: boolean };
    expect(status).toMatchObject({ waitingForDocuments: true, documentsToBring: ['Foto tampak depan kondisi rumah'] });
    const sections = (await front.get<Sections>(`/api/cases/${kase.id}/sections`)).body;
    expect(sections.documents).toEqual([
      expect.objectContaining({ label: 'KTP / Kartu Keluarga Kabupaten Kutai Kartanegara', preview: 'pdf' }),
    ]);
  });

  it('an Excel recap is accepted where the document type declares xlsx', async () => {
    const staff = await test.as('kutai-kartanegara', 'staf-rehsos');
    const opened = await staff.post<CaseBody>('/api/cases', {
      sopId: 'alat-bantu-aksesibilitas',
      data: { ...kutaiApplicant, nik: '6402010102500034' },
    });
    expect(opened.status, JSON.stringify(opened.body)).toBe(201);
    const upload = await staff.request<{ mediaType: string }>(
      'POST',
      `/api/cases/${opened.body.id}/attachments?doc=data-excel&name=rekap.xlsx`,
      undefined,
      { raw: workbook() },
    );
    expect(upload.status, JSON.stringify(upload.body)).toBe(201);
    expect(upload.body.mediaType).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  });
});
