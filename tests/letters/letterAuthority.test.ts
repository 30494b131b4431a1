import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TaskState } from '../../engine/core/caseTypes.ts';
import type { ApiClient } from '../support/apiClient.ts';
import { completeAs, openTasks, permakananAtDecree } from '../support/permakananWalk.ts';
import { pdfFonts, pdfSignatures, pdfText, savePdfArtifact } from '../support/pdfTools.ts';
import { databaseLabel } from '../support/testDatabase.ts';
import { startTestServer, type TestServer } from '../support/testServer.ts';

const REGENCY = 'kutai-kartanegara';
type CaseBody = { id: string; trackingCode: string; status: string; tasks: TaskState[] };
type Draft = { id: string; values: Record<string, unknown>; initials: Array<{ role: string; name: string }> };
type Doc = { id: string; number: string; signer: { name: string; title: string }; pdfSha256: string };

describe(`letters with authority: prepare, paraf, sign, verify (${databaseLabel})`, () => {
  let test: TestServer;
  const as = (role: string): Promise<ApiClient> => test.as(REGENCY, role);

  beforeAll(async () => {
    test = await startTestServer();
  }, 120_000);
  afterAll(async () => {
    await test?.stop();
  });

  const open = openTasks;
  const complete = (task: TaskState, input: Record<string, unknown>): Promise<CaseBody> => completeAs(as, task, input);
  const caseAtDecree = (fullName: string): Promise<CaseBody> => permakananAtDecree(as, fullName);

  async function userId(username: string): Promise<string> {
    const users = await (await as('admin')).get<{ users: Array<{ id: string; username: string }> }>('/api/users');
    return users.body.users.find((u) => u.username === username)!.id;
  }

  it('staff prepare, the kabid initials, staff and kabid cannot sign, an active Plh signs in their own name', async () => {
    const c = await caseAtDecree('Siti Rahayu');
    const staff = await as('staf-rehsos');
    const kabid = await as('kabid-rehsos');
    const sekretaris = await as('sekretaris');
    const prepared = await staff.post<{ draft: Draft }>(`/api/cases/${c.id}/outputs/sk-penerima/prepare`);
    expect(prepared.status, JSON.stringify(prepared.body)).toBe(201);
    const draftId = prepared.body.draft.id;

    const preview = await staff.download(`/api/letter-drafts/${draftId}/preview`);
    expect(preview.contentType).toContain('application/pdf');
    savePdfArtifact(preview.bytes, 'letters', 'sk-preview');
    const previewText = pdfText(preview.bytes);
    expect(previewText).toContain('PRATINJAU');
    expect(previewText).toContain('diberikan saat penandatanganan');
    expect(previewText).toMatch(/Menimbang[\s\S]*Mengingat[\s\S]*MEMUTUSKAN[\s\S]*Menetapkan[\s\S]*KESATU/);
    expect(pdfSignatures(preview.bytes)).not.toContain('Signature is Valid');

    // Staff may not sign (403); the signer cannot sign before the paraf chain (422); staff may not initial.
    expect((await staff.post(`/api/letter-drafts/${draftId}/sign`)).status).toBe(403);
    expect((await (await as('kepala-dinas')).post(`/api/letter-drafts/${draftId}/sign`)).status).toBe(422);
    expect((await staff.post(`/api/letter-drafts/${draftId}/initial`)).status).toBe(403);
    const initialled = await kabid.post<{ draft: Draft }>(`/api/letter-drafts/${draftId}/initial`);
    expect(initialled.status, JSON.stringify(initialled.body)).toBe(200);
    expect(initialled.body.draft.initials.map((i) => i.role)).toEqual(['kabid-rehsos']);
    expect((await kabid.post(`/api/letter-drafts/${draftId}/sign`)).status).toBe(403);
    // The old one-call route is the signer's too.
    expect((await staff.post(`/api/cases/${c.id}/outputs/sk-penerima/issue`)).status).toBe(403);

    // Without a delegation the sekretaris is refused; with an active Plh from the Kepala Dinas they sign.
    expect((await sekretaris.post(`/api/letter-drafts/${draftId}/sign`)).status).toBe(403);
    const delegation = await (
      await as('admin')
    ).post('/api/delegations', {
      fromUserId: await userId(`${REGENCY}.kepala-dinas`),
      toUserId: await userId(`${REGENCY}.sekretaris`),
      kind: 'plh',
      startsAt: new Date(Date.now() - 60_000).toISOString(),
      endsAt: new Date(Date.now() + 3_600_000).toISOString(),
    });
    expect(delegation.status, JSON.stringify(delegation.body)).toBe(201);
    const signed = await sekretaris.post<{ document: Doc }>(`/api/letter-drafts/${draftId}/sign`);
    expect(signed.status, JSON.stringify(signed.body)).toBe(201);
    const doc = signed.body.document;
    expect(doc.signer.title).toBe('Plh. Kepala Dinas Sosial');
    expect(doc.signer.name).toBe('Sekretaris Dinas (demo)');
    expect(doc.number).toMatch(/^400\.9\/001\/DINSOS\/REHSOS\/\d{4}$/);

    const pdf = await staff.download(`/api/documents/${doc.id}/pdf`);
    expect(createHash('sha256').update(pdf.bytes).digest('hex')).toBe(doc.pdfSha256);
    savePdfArtifact(pdf.bytes, 'letters', 'sk-signed-plh');
    const sig = pdfSignatures(pdf.bytes);
    expect(sig).toContain('Signature is Valid');
    expect(sig).toContain('ETSI.CAdES.detached');
    expect(sig).toContain('Total document signed');
    const text = pdfText(pdf.bytes);
    expect(text).toContain(doc.number);
    expect(text).toContain('Plh. Kepala Dinas Sosial');
    expect(text).toContain('Ditetapkan di Tenggarong');
    expect(text).toMatch(
      /pada tanggal \d{1,2} (Januari|Februari|Maret|April|Mei|Juni|Juli|Agustus|September|Oktober|November|Desember) \d{4}/,
    );
    expect(text).not.toContain('PRATINJAU');
    expect(text).not.toContain('Yuliandris');
    expect(pdfFonts(pdf.bytes)).toMatch(/DejaVuSans\s+CID TrueType\s+Identity-H\s+yes\s+yes/);

    // The public page: number, signer as printed, masked recipient, hash; the genuine file and a forgery.
    const code = (await staff.get<{ verifyUrl: string }>(`/api/documents/${doc.id}`)).body.verifyUrl.split('/').pop()!;
    const publicClient = new (staff.constructor as new (url: string) => ApiClient)(test.server.url);
    const page = await publicClient.get<Record<string, unknown>>(`/api/public/documents/${code}`);
    expect(page.body).toMatchObject({
      number: doc.number,
      recipient: 'S***i R*****',
      sha256: doc.pdfSha256,
      signature: 'pades-demo',
      status: 'valid',
      signer: { name: 'Sekretaris Dinas (demo)', title: 'Plh. Kepala Dinas Sosial' },
    });
    expect(page.text).not.toContain('Rahayu');
    const genuine = await publicClient.request<{ genuine: boolean }>(
      'POST',
      `/api/public/documents/${code}/check`,
      undefined,
      {
        raw: pdf.bytes,
        contentType: 'application/pdf',
      },
    );
    expect(genuine.body.genuine).toBe(true);
    const altered = Buffer.from(pdf.bytes);
    altered[altered.length - 20] = altered[altered.length - 20]! ^ 1;
    const forged = await publicClient.request<{ genuine: boolean }>(
      'POST',
      `/api/public/documents/${code}/check`,
      undefined,
      {
        raw: altered,
        contentType: 'application/pdf',
      },
    );
    expect(forged.body.genuine).toBe(false);
    expect(
      (
        await publicClient.request('POST', `/api/public/documents/${code}/check`, undefined, {
          raw: Buffer.from('bukan pdf'),
        })
      ).status,
    ).toBe(400);
  });

  it('the kepala dinas signs as themself; a letter keeps the values of its step, not of later steps', async () => {
    let c = await caseAtDecree('Budi Santoso');
    // The next step (penyaluran) writes its own data before anyone prepares the SK.
    c = await complete(open(c)[0]!, {
      checklist: { 'daftar-penerima': true },
      formData: { distributionDate: '2026-12-02' },
    });
    const staff = await as('staf-rehsos');
    const draft = (await staff.post<{ draft: Draft }>(`/api/cases/${c.id}/outputs/sk-penerima/prepare`)).body.draft;
    expect(draft.values.distributionDate).toBeUndefined();
    expect(draft.values.fullName).toBe('Budi Santoso');
    expect((draft.values.steps as Record<string, unknown>).penyaluran).toBeUndefined();
    await (await as('kabid-rehsos')).post(`/api/letter-drafts/${draft.id}/initial`);
    const signed = await (await as('kepala-dinas')).post<{ document: Doc }>(`/api/letter-drafts/${draft.id}/sign`);
    expect(signed.status, JSON.stringify(signed.body)).toBe(201);
    expect(signed.body.document.signer.title).toBe('Kepala Dinas Sosial');
    // Signing again, or preparing again, is refused: a signed letter never changes.
    expect((await (await as('kepala-dinas')).post(`/api/letter-drafts/${draft.id}/sign`)).status).toBe(409);
    expect((await staff.post(`/api/cases/${c.id}/outputs/sk-penerima/prepare`)).status).toBe(409);
  });
});
