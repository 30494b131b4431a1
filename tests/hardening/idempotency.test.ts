import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withSystemScope } from '../../engine/storage/regencyScope.ts';
import { databaseLabel } from '../support/testDatabase.ts';
import { startTestServer, type TestServer } from '../support/testServer.ts';
import { PNG, applicant, openCase, type ErrorBody } from '../security/support/securityFixture.ts';

describe(`Idempotency-Key: a retried POST returns the first answer and creates nothing more (${databaseLabel})`, () => {
  let test: TestServer;
  beforeAll(async () => {
    test = await startTestServer();
  }, 120_000);
  afterAll(async () => test?.stop());

  async function count(table: string, where: Record<string, unknown> = {}): Promise<number> {
    return withSystemScope(test.server.db, async (trx) =>
      Number(((await trx(table).where(where).count('* as n').first()) as { n: string | number }).n),
    );
  }

  const openWithKey = async (key: string, data: Record<string, unknown> = applicant, role = 'staf-rehsos') =>
    (await test.as('kutai-kartanegara', role)).request<{ id: string } & ErrorBody>(
      'POST',
      '/api/cases',
      { sopId: 'bantuan-permakanan', data },
      { headers: { 'idempotency-key': key } },
    );

  it('opening a case twice with one key: one case, the same answer, marked as replayed', async () => {
    const data = { ...applicant, fullName: 'Ulang Satu' };
    const first = await openWithKey('kunci-buka-1', data);
    const second = await openWithKey('kunci-buka-1', data);
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.body).toEqual(first.body);
    expect(first.headers.get('idempotency-replayed')).toBeNull();
    expect(second.headers.get('idempotency-replayed')).toBe('true');
    expect(await count('cases', { applicant_name: 'Ulang Satu' })).toBe(1);
    // A new key is a new user action: a second case.
    expect((await openWithKey('kunci-buka-2', data)).status).toBe(201);
    expect(await count('cases', { applicant_name: 'Ulang Satu' })).toBe(2);
  });

  it('eight parallel retries with one key create exactly one case', async () => {
    const data = { ...applicant, fullName: 'Ulang Paralel' };
    const answers = await Promise.all(Array.from({ length: 8 }, () => openWithKey('kunci-paralel', data)));
    expect(answers.map((a) => a.status)).toEqual(Array<number>(8).fill(201));
    expect(new Set(answers.map((a) => a.body.id)).size).toBe(1);
    expect(await count('cases', { applicant_name: 'Ulang Paralel' })).toBe(1);
  });

  it('a key reused for a different body is refused (422); another user has keys of their own', async () => {
    await openWithKey('kunci-beda', { ...applicant, fullName: 'Ulang Beda A' });
    const reused = await openWithKey('kunci-beda', { ...applicant, fullName: 'Ulang Beda B' });
    expect(reused.status).toBe(422);
    expect(reused.body.error.message).toMatch(/sudah dipakai untuk permintaan lain/);
    expect(await count('cases', { applicant_name: 'Ulang Beda B' })).toBe(0);
    const other = await openWithKey('kunci-beda', { ...applicant, fullName: 'Ulang Beda B' }, 'tksk');
    expect(other.status).toBe(201);
    expect(await count('cases', { applicant_name: 'Ulang Beda B' })).toBe(1);
  });

  it('a refused first attempt keeps nothing: fixing the input and retrying with the key works', async () => {
    const bad = await openWithKey('kunci-perbaiki', { ...applicant, nik: 'bukan-nik' });
    expect(bad.status).toBeGreaterThanOrEqual(400);
    const fixed = await openWithKey('kunci-perbaiki', { ...applicant, fullName: 'Ulang Perbaiki' });
    expect(fixed.status).toBe(201);
    expect(await count('idempotency_keys', { key: 'kunci-perbaiki' })).toBe(1);
  });

  it('uploads and archive requests: a retry returns the first row', async () => {
    const opened = await openCase(test);
    const staff = await test.as('kutai-kartanegara', 'staf-rehsos');
    const upload = () =>
      staff.request<{ id: string }>('POST', `/api/cases/${opened.id}/attachments?doc=ktp-kk&name=ktp.png`, undefined, {
        raw: PNG,
        contentType: 'image/png',
        headers: { 'idempotency-key': 'kunci-unggah' },
      });
    const [a, b] = [await upload(), await upload()];
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(b.body.id).toBe(a.body.id);
    expect(await count('attachments', { case_id: opened.id })).toBe(1);
    const ask = () =>
      staff.request<{ request: { id: string } }>(
        'POST',
        `/api/cases/${opened.id}/archive-requests`,
        { kind: 'copy', reason: 'Salinan untuk rujukan ke RSUD', recipient: 'RSUD' },
        { headers: { 'idempotency-key': 'kunci-arsip' } },
      );
    const [r1, r2] = [await ask(), await ask()];
    expect(r2.body.request.id).toBe(r1.body.request.id);
    expect(await count('archive_requests', { case_id: opened.id })).toBe(1);
  });

  it('a malformed key is a 400 naming the header; keys older than 24 hours are forgotten', async () => {
    const bad = await openWithKey('kunci dengan spasi');
    expect(bad.status).toBe(400);
    expect(bad.body.error.path).toBe('/header/idempotency-key');
    const data = { ...applicant, fullName: 'Ulang Kedaluwarsa' };
    await openWithKey('kunci-lama', data);
    await withSystemScope(test.server.db, (trx) =>
      trx('idempotency_keys')
        .where({ key: 'kunci-lama' })
        .update({ created_at: new Date(Date.now() - 25 * 3600_000) }),
    );
    expect((await openWithKey('kunci-lama', data)).status).toBe(201);
    expect(await count('cases', { applicant_name: 'Ulang Kedaluwarsa' })).toBe(2);
  });
});
