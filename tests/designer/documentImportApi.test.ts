import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from '../support/apiClient.ts';
import { databaseLabel } from '../support/testDatabase.ts';
import { startTestServer, type TestServer } from '../support/testServer.ts';

const REGENCY = 'kutai-kartanegara';
const SEED = 'kutai-kartanegara-sop-2025.md';
const seedBytes = readFileSync(join(import.meta.dirname, '../fixtures/seeds', SEED));

type Created = { sopId: string; name: string; revision: number; errorCount: number; toReview: number };
type Imported = {
  documentId: string;
  fileName: string;
  pages: number;
  created: Created[];
  clashes: Array<{ sopId: string; existing: string; suggestedId: string }>;
};
type Refusal = { error: { code: string; message: string; reason?: string } };

function upload<T>(client: ApiClient, fileName: string, bytes: Uint8Array) {
  return client.request<T>('POST', `/api/designer/documents?fileName=${encodeURIComponent(fileName)}`, undefined, {
    raw: bytes,
    contentType: 'application/octet-stream',
  });
}

describe(`Impor dari dokumen (${databaseLabel})`, () => {
  let test: TestServer;
  beforeAll(async () => {
    test = await startTestServer();
  }, 120_000);
  afterAll(async () => test?.stop());
  const drafter = () => test.as(REGENCY, 'penyusun-sop');
  let first: Imported;

  it('makes one draft per SOP found and keeps the document and its text beside them', async () => {
    const d = await drafter();
    const response = await upload<Imported>(d, SEED, seedBytes);
    expect(response.status).toBe(201);
    first = response.body;
    expect(first.fileName).toBe(SEED);
    expect(first.clashes).toEqual([]);
    expect(first.created.length).toBe(12);
    expect(first.created.every((c) => c.revision === 1)).toBe(true);
    // The importer marks what it inferred; those parts wait for a drafter's check.
    expect(first.created.filter((c) => c.toReview > 0).length).toBeGreaterThan(5);
    const sopId = first.created[0]!.sopId;
    const copy = await d.get<{ status: string; source: string }>(`/api/designer/sops/${sopId}`);
    expect(copy.body.status).toBe('draft');
    expect(copy.body.source).toContain(`id: ${sopId}`);
    const beside = await d.get<{
      document: { id: string; fileName: string; text: { pages: Array<{ lines: Array<{ line: number }> }> } };
      events: Array<{ type: string }>;
    }>(`/api/designer/sops/${sopId}/source-document`);
    expect(beside.status).toBe(200);
    expect(beside.body.document.fileName).toBe(SEED);
    expect(beside.body.document.text.pages[0]!.lines.length).toBeGreaterThan(400);
    expect(beside.body.events.map((e) => e.type)).toEqual(['document-imported']);
    const file = await d.request('GET', `/api/designer/documents/${first.documentId}/file`);
    expect(file.status).toBe(200);
    expect(file.text).toBe(seedBytes.toString('utf8'));
    // Another regency sees neither the document nor its drafts (row-level security).
    const other = await test.as('bengkayang', 'penyusun-sop');
    expect((await other.request('GET', `/api/designer/documents/${first.documentId}/file`)).status).toBe(404);
    expect(
      (await other.get<{ document: unknown }>(`/api/designer/sops/${sopId}/source-document`)).body.document,
    ).toBeNull();
  });

  it('never overwrites: a second import waits for the drafter to pick a new id, a new revision or to skip', async () => {
    const d = await drafter();
    const again = await upload<Imported>(d, SEED, seedBytes);
    expect(again.status).toBe(201);
    expect(again.body.created).toEqual([]);
    expect(again.body.clashes.length).toBe(12);
    const [a, b, c] = again.body.clashes;
    expect(a).toMatchObject({ existing: 'draft', suggestedId: `${a!.sopId}-2` });
    const path = `/api/designer/documents/${again.body.documentId}/resolve`;
    const renamed = await d.post<{ created: Created; remaining: number }>(path, {
      sopId: a!.sopId,
      choice: 'rename',
      newId: a!.suggestedId,
    });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ created: { sopId: a!.suggestedId, revision: 1 }, remaining: 11 });
    expect((await d.get<{ source: string }>(`/api/designer/sops/${a!.suggestedId}`)).body.source).toContain(
      `id: ${a!.suggestedId}`,
    );
    const revised = await d.post<{ created: Created }>(path, { sopId: b!.sopId, choice: 'new-revision' });
    expect(revised.body.created).toMatchObject({ sopId: b!.sopId, revision: 2 });
    const skipped = await d.post<{ created: null; remaining: number }>(path, { sopId: c!.sopId, choice: 'skip' });
    expect(skipped.body).toEqual({ created: null, remaining: 9 });
    // A choice is made once; a new id already in use is refused.
    expect((await d.post<Refusal>(path, { sopId: c!.sopId, choice: 'skip' })).status).toBe(404);
    const taken = await d.post<Refusal>(path, {
      sopId: again.body.clashes[3]!.sopId,
      choice: 'rename',
      newId: 'bantuan-sandang',
    });
    expect(taken.status).toBe(409);
    expect(taken.body.error.message).toMatch(/sudah dipakai/);
  });

  it('refuses bad uploads with a clear Indonesian message, never a 5xx', async () => {
    const d = await drafter();
    const empty = await upload<Refusal>(d, 'kosong.md', new Uint8Array());
    expect(empty.status).toBe(400);
    expect(empty.body.error.message).toMatch(/Berkas kosong/);
    const exe = await upload<Refusal>(d, 'program.exe', new Uint8Array([77, 90, 1, 2]));
    expect(exe.status).toBe(415);
    expect(exe.body.error.message).toMatch(/Unggah \.docx, \.pdf/);
    const renamed = await upload<Refusal>(d, 'palsu.pdf', new TextEncoder().encode('bukan pdf'));
    expect(renamed.status).toBe(415);
    expect(renamed.body.error.message).toMatch(/tidak sesuai dengan jenis berkasnya/);
    const nothing = await upload<Refusal>(
      d,
      'catatan.txt',
      new TextEncoder().encode('Rapat hari Senin.\nTidak ada tabel.'),
    );
    expect(nothing.status).toBe(422);
    expect(nothing.body.error.message).toMatch(/Tidak ada SOP yang ditemukan di catatan\.txt/);
    const noName = await d.request<Refusal>('POST', '/api/designer/documents', undefined, { raw: seedBytes });
    expect(noName.status).toBe(400);
    const big = await upload<Refusal>(d, 'besar.md', new Uint8Array(21 * 1024 * 1024).fill(65));
    expect(big.status).toBe(413);
    // Approvers check and publish; importing is a drafter's work.
    expect((await upload(await test.as(REGENCY, 'pengesah-sop'), SEED, seedBytes)).status).toBe(403);
  });
});
