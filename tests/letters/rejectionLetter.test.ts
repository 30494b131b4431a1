import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TaskState } from '../../engine/core/caseTypes.ts';
import { ApiClient } from '../support/apiClient.ts';
import { kutaiApplicant } from '../support/kutaiApplicant.ts';
import { pdfSignatures, pdfText, savePdfArtifact } from '../support/pdfTools.ts';
import { databaseLabel } from '../support/testDatabase.ts';
import { startTestServer, type TestServer } from '../support/testServer.ts';

const REGENCY = 'kutai-kartanegara';
type CaseBody = { id: string; trackingCode: string; status: string; tasks: TaskState[] };
type Output = {
  outputId: string;
  stepId: string;
  produced: boolean;
  draft: { id: string; nextInitial: string | null } | null;
  document: { id: string; number: string } | null;
};

describe(`rejection letter: a rejection with a reason issues the SOP's letter (${databaseLabel})`, () => {
  let test: TestServer;
  const as = (role: string): Promise<ApiClient> => test.as(REGENCY, role);
  beforeAll(async () => {
    test = await startTestServer();
  }, 120_000);
  afterAll(async () => test?.stop());

  it('reject → letter draft with the reason → kabid paraf → kadis signs: numbered, PAdES-valid, reason and channels printed; /lacak says so', async () => {
    const staff = await as('staf-rehsos');
    const started = await staff.post<CaseBody>('/api/cases', {
      sopId: 'bantuan-permakanan',
      data: { ...kutaiApplicant, fullName: 'Siti Aminah' },
    });
    expect(started.status, JSON.stringify(started.body)).toBe(201);
    // Before a rejection the letter is not listed.
    const before = await staff.get<{ outputs: Output[] }>(`/api/cases/${started.body.id}/outputs`);
    expect(before.body.outputs.some((o) => o.outputId === 'surat-penolakan')).toBe(false);

    const reason = 'Pemohon sudah menerima bantuan permakanan dari program provinsi pada tahun yang sama.';
    const kabid = await as('kabid-rehsos');
    const rejected = await kabid.post<CaseBody>(`/api/cases/${started.body.id}/reject`, { reason });
    expect(rejected.status, JSON.stringify(rejected.body)).toBe(200);
    expect(rejected.body.status).toBe('rejected');

    const outputs = await staff.get<{ outputs: Output[] }>(`/api/cases/${started.body.id}/outputs`);
    const letter = outputs.body.outputs.find((o) => o.outputId === 'surat-penolakan')!;
    expect(letter).toMatchObject({ stepId: '_penolakan', produced: true, document: null });
    expect(letter.draft?.nextInitial).toBe('Kepala Bidang Rehabilitasi Sosial');

    const preview = await staff.download(`/api/letter-drafts/${letter.draft!.id}/preview`);
    const previewText = pdfText(preview.bytes);
    expect(previewText).toContain('PRATINJAU');
    expect(previewText.replace(/\s+/g, ' ')).toContain(reason);

    // Staff cannot sign; the kabid initials; the Kepala Dinas signs and the number is taken then.
    expect((await staff.post(`/api/letter-drafts/${letter.draft!.id}/sign`)).status).toBe(403);
    expect((await kabid.post(`/api/letter-drafts/${letter.draft!.id}/initial`)).status).toBe(200);
    const signed = await (
      await as('kepala-dinas')
    ).post<{ document: { id: string; number: string } }>(`/api/letter-drafts/${letter.draft!.id}/sign`);
    expect(signed.status, JSON.stringify(signed.body)).toBe(201);
    expect(signed.body.document.number).toMatch(/^400\.9\/\d+\/TOLAK\/DINSOS\/REHSOS\/\d{4}$/);

    const pdf = await staff.download(`/api/documents/${signed.body.document.id}/pdf`);
    savePdfArtifact(pdf.bytes, 'letters', 'surat-penolakan-signed');
    const text = pdfText(pdf.bytes).replace(/\s+/g, ' ');
    expect(text).toContain('SURAT PEMBERITAHUAN PENOLAKAN PERMOHONAN');
    expect(text).toContain(signed.body.document.number);
    expect(text).toContain(reason);
    expect(text).toContain('Siti Aminah');
    // bantuan-permakanan publishes no complaint channels of its own: the office's and SP4N-LAPOR! are printed.
    expect(text).toContain('Layanan pengaduan Dinas Sosial');
    expect(text).toContain('SP4N-LAPOR! (www.lapor.go.id)');
    expect(pdfSignatures(pdf.bytes)).toContain('Signature Validation: Signature is Valid.');

    const timeline = await staff.get<{ events: Array<{ type: string; payload: Record<string, unknown> }> }>(
      `/api/cases/${started.body.id}/timeline`,
    );
    expect(timeline.body.events.map((e) => e.type)).toContain('output.issued');

    const lacak = await new ApiClient(test.server.url).get<{
      rejectionReason: string | null;
      complaints: string[];
      rejectionLetter: { number: string } | null;
    }>(`/api/public/status/${started.body.trackingCode}`);
    expect(lacak.body.rejectionReason).toBe(reason);
    expect(lacak.body.complaints.join(' ')).toContain('SP4N-LAPOR!');
    expect(lacak.body.rejectionLetter?.number).toBe(signed.body.document.number);
    expect(JSON.stringify(lacak.body)).not.toContain('Siti Aminah');
  });

  it('a SOP without a rejection letter rejects as before: no letter, no draft', async () => {
    const staff = await as('staf-rehsos');
    const started = await staff.post<CaseBody>('/api/cases', {
      sopId: 'bantuan-sandang',
      data: { ...kutaiApplicant, fullName: 'Budi' },
    });
    expect(started.status, JSON.stringify(started.body)).toBe(201);
    const rejected = await (
      await as('kabid-rehsos')
    ).post<CaseBody>(`/api/cases/${started.body.id}/reject`, { reason: 'Bukan warga Kutai Kartanegara.' });
    expect(rejected.status, JSON.stringify(rejected.body)).toBe(200);
    const outputs = await staff.get<{ outputs: Output[] }>(`/api/cases/${started.body.id}/outputs`);
    expect(outputs.body.outputs.every((o) => o.draft === null && o.document === null)).toBe(true);
    const lacak = await new ApiClient(test.server.url).get<{ rejectionLetter: unknown }>(
      `/api/public/status/${started.body.trackingCode}`,
    );
    expect(lacak.body.rejectionLetter).toBeNull();
  });
});
