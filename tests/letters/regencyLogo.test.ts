import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from '../support/apiClient.ts';
import { permakananAtDecree } from '../support/permakananWalk.ts';
import { pdfImages, pdfSignatures, savePdfArtifact } from '../support/pdfTools.ts';
import { databaseLabel } from '../support/testDatabase.ts';
import { definitionsDir, startTestServer, type TestServer } from '../support/testServer.ts';
import { testLogoPng } from '../support/testImage.ts';

const REGENCY = 'kutai-kartanegara';
const LOGO_PATH = '/api/regencies/current/logo';
type Logo = {
  id: string;
  width: number;
  height: number;
  sha256: string;
  uploadedByName: string;
  removedAt: string | null;
};
type Status = { logo: Logo | null; history: Logo[] };
type ErrorBody = { error: { code: string; message: string; path?: string } };
type Doc = { id: string; pdfSha256: string; letterhead: { logoId?: string } };

describe(`regency logo (lambang) in the kop (${databaseLabel})`, () => {
  let test: TestServer;
  const as = (role: string, regency = REGENCY): Promise<ApiClient> => test.as(regency, role);
  const upload = async (client: ApiClient, bytes: Uint8Array, contentType = 'image/png') =>
    client.request<Status & ErrorBody>('PUT', LOGO_PATH, undefined, { raw: bytes, contentType });

  beforeAll(async () => {
    test = await startTestServer();
  }, 120_000);
  afterAll(async () => {
    await test?.stop();
  });

  /** A bantuan-permakanan case whose SK is prepared and initialled, ready for the Kepala Dinas to sign. */
  async function draftReadyToSign(fullName: string): Promise<string> {
    const c = await permakananAtDecree(as, fullName);
    const prepared = await (
      await as('staf-rehsos')
    ).post<{ draft: { id: string } }>(`/api/cases/${c.id}/outputs/sk-penerima/prepare`);
    expect(prepared.status, JSON.stringify(prepared.body)).toBe(201);
    const initialled = await (await as('kabid-rehsos')).post(`/api/letter-drafts/${prepared.body.draft.id}/initial`);
    expect(initialled.status).toBe(200);
    return prepared.body.draft.id;
  }

  it('the three packs ship no logo image and their source notes ask for the official one', () => {
    for (const regency of ['bangkalan', 'bengkayang', 'kutai-kartanegara']) {
      const files = readdirSync(join(definitionsDir, regency));
      expect(files.filter((f) => /\.(png|jpe?g|gif|svg|webp|bmp)$/i.test(f))).toEqual([]);
      const yaml = readFileSync(join(definitionsDir, regency, 'regency.yaml'), 'utf8');
      expect(yaml).toMatch(/Lambang daerah: paket ini sengaja tidak membawa gambar lambang/);
      expect(yaml).not.toMatch(/^\s*logo\s*:/m);
    }
  });

  it('refuses a wrong type, a too large, a broken or a tiny file with an Indonesian message, and non-admins', async () => {
    const admin = await as('admin');
    const pdf = await upload(admin, Buffer.from('%PDF-1.7\n%…'), 'application/pdf');
    expect(pdf.status).toBe(415);
    expect(pdf.body.error.message).toContain('PNG atau JPEG');
    const large = await upload(admin, Buffer.concat([testLogoPng(100, 100), Buffer.alloc(1_100_000)]));
    expect(large.status).toBe(413);
    expect(large.body.error.message).toMatch(/terlalu besar .*paling besar 1024 KB/);
    const whole = testLogoPng(200, 200);
    const truncated = await upload(admin, whole.subarray(0, Math.floor(whole.length * 0.6)));
    expect(truncated.status).toBe(422);
    expect(truncated.body.error.message).toContain('rusak');
    const tiny = await upload(admin, testLogoPng(20, 30));
    expect(tiny.status).toBe(422);
    expect(tiny.body.error.message).toContain('20 × 30 piksel');
    expect((await upload(admin, new Uint8Array())).status).toBe(400);
    for (const role of ['staf-rehsos', 'kepala-dinas', 'penyusun-sop', 'auditor']) {
      const refused = await upload(await as(role), testLogoPng(200, 200));
      expect(refused.status, role).toBe(403);
    }
    expect((await admin.get<Status>(LOGO_PATH)).body.logo).toBeNull();
  });

  it('an admin uploads the logo; staff read it; another regency cannot', async () => {
    const png = testLogoPng(240, 200);
    const uploaded = await upload(await as('admin'), png);
    expect(uploaded.status, JSON.stringify(uploaded.body)).toBe(200);
    const logo = uploaded.body.logo!;
    expect(logo).toMatchObject({
      width: 240,
      height: 200,
      uploadedByName: 'Administrator Sistem (demo)',
      removedAt: null,
    });
    expect(logo.sha256).toBe(createHash('sha256').update(png).digest('hex'));
    const staff = await as('staf-rehsos');
    const image = await staff.download(`${LOGO_PATH}/${logo.id}`);
    expect(image.contentType).toBe('image/png');
    expect(Buffer.compare(image.bytes, png)).toBe(0);
    const other = await as('admin', 'bangkalan');
    expect((await other.get<Status>(LOGO_PATH)).body.logo).toBeNull();
    expect((await other.get(`${LOGO_PATH}/${logo.id}`)).status).toBe(404);
  });

  it('the letter carries the logo; a signed PDF keeps its logo and bytes after the logo is replaced or removed', async () => {
    const admin = await as('admin');
    const kadis = await as('kepala-dinas');
    const staff = await as('staf-rehsos');
    const first = (await admin.get<Status>(LOGO_PATH)).body.logo!;
    const draftId = await draftReadyToSign('Siti Lambang');
    const preview = await staff.download(`/api/letter-drafts/${draftId}/preview`);
    expect(pdfImages(preview.bytes)).toEqual([{ page: 1, width: 240, height: 200 }]);
    savePdfArtifact(preview.bytes, 'letters', 'sk-preview-logo');

    const signed = await kadis.post<{ document: Doc }>(`/api/letter-drafts/${draftId}/sign`);
    expect(signed.status, JSON.stringify(signed.body)).toBe(201);
    expect(signed.body.document.letterhead.logoId).toBe(first.id);
    const pdf = (await staff.download(`/api/documents/${signed.body.document.id}/pdf`)).bytes;
    savePdfArtifact(pdf, 'letters', 'sk-signed-logo');
    expect(pdfImages(pdf)).toContainEqual({ page: 1, width: 240, height: 200 });
    expect(pdfSignatures(pdf)).toContain('Signature is Valid');

    // A new logo: the signed letter is the same bytes; a new draft's preview and signing use the new one.
    const replaced = await upload(admin, testLogoPng(300, 300, 'blue'));
    expect(replaced.status).toBe(200);
    expect(replaced.body.history.map((l) => [l.id === first.id, l.removedAt === null])).toEqual([
      [false, true],
      [true, false],
    ]);
    const again = (await staff.download(`/api/documents/${signed.body.document.id}/pdf`)).bytes;
    expect(Buffer.compare(again, pdf)).toBe(0);
    expect(createHash('sha256').update(again).digest('hex')).toBe(signed.body.document.pdfSha256);
    const next = await draftReadyToSign('Rudi Lambang');
    expect(pdfImages((await staff.download(`/api/letter-drafts/${next}/preview`)).bytes)).toEqual([
      { page: 1, width: 300, height: 300 },
    ]);
    // The replaced upload stays readable: the earlier letter's kop names it.
    expect((await staff.download(`${LOGO_PATH}/${first.id}`)).contentType).toBe('image/png');

    // Removed: the kop is text only again (no empty box: no image at all), the signed letter unchanged.
    expect((await admin.request<Status>('DELETE', LOGO_PATH)).body.logo).toBeNull();
    expect(pdfImages((await staff.download(`/api/letter-drafts/${next}/preview`)).bytes)).toEqual([]);
    expect((await admin.request<ErrorBody>('DELETE', LOGO_PATH)).status).toBe(404);
    const last = (await staff.download(`/api/documents/${signed.body.document.id}/pdf`)).bytes;
    expect(Buffer.compare(last, pdf)).toBe(0);
    const stillSigned = await kadis.post<{ document: Doc }>(`/api/letter-drafts/${next}/sign`);
    expect(stillSigned.status).toBe(201);
    expect(stillSigned.body.document.letterhead.logoId).toBeUndefined();
  }, 120_000);
});
