import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kubeGroup } from '../support/kubeGroup.ts';
import { databaseLabel } from '../support/testDatabase.ts';
import { startTestServer, type TestServer } from '../support/testServer.ts';

type Part = { key: string; label: string; text: string; masked: boolean; path: string };
type Sections = {
  sections: Array<{ id: string; fields: Array<{ key: string; text: string; masked: boolean; items?: Part[][] }> }>;
};

describe(`NIK inside household lists: masked one by one, revealed one at a time, logged by path (${databaseLabel})`, () => {
  let test: TestServer;
  beforeAll(async () => {
    test = await startTestServer();
  }, 120_000);
  afterAll(async () => test?.stop());

  it('a reader sees each member NIK masked; "Tampilkan" reveals exactly that one and the access log names its path', async () => {
    const front = await test.as('bangkalan', 'petugas-piket');
    const opened = await front.post<{ id: string }>('/api/cases', { sopId: 'rekomendasi-kube', data: kubeGroup });
    expect(opened.status, JSON.stringify(opened.body)).toBe(201);
    const reader = await test.as('bangkalan', 'kepala-dinas');
    const read = await reader.get<Sections>(`/api/cases/${opened.body.id}/sections`);
    expect(read.status).toBe(200);
    const members = read.body.sections.flatMap((s) => s.fields).find((f) => f.key === 'members')!;
    expect(members.masked).toBe(true);
    expect(members.items!.map((item) => item.find((p) => p.key === 'nik'))).toEqual([
      { key: 'nik', label: 'NIK anggota', text: '••••••••••••0001', masked: true, path: 'members/0/nik' },
      { key: 'nik', label: 'NIK anggota', text: '••••••••••••0003', masked: true, path: 'members/1/nik' },
    ]);
    expect(JSON.stringify(read.body)).not.toContain('3526014703850003');

    const one = await reader.post<{ field: string; value: string }>(`/api/cases/${opened.body.id}/reveal`, {
      field: 'members/1/nik',
    });
    expect(one.status, JSON.stringify(one.body)).toBe(200);
    expect(one.body).toEqual({ field: 'members/1/nik', value: '3526014703850003' });
    // Only identity numbers, only existing items.
    expect((await reader.post(`/api/cases/${opened.body.id}/reveal`, { field: 'members/1/fullName' })).status).toBe(
      400,
    );
    expect((await reader.post(`/api/cases/${opened.body.id}/reveal`, { field: 'members/7/nik' })).status).toBe(404);
    expect((await reader.post(`/api/cases/${opened.body.id}/reveal`, { field: 'members/x/nik' })).status).toBe(400);

    const log = await reader.get<{ entries: Array<{ action: string; detail: Record<string, unknown> | null }> }>(
      `/api/audit/cases/${opened.body.id}/access`,
    );
    expect(log.status, JSON.stringify(log.body)).toBe(200);
    expect(log.body.entries.filter((r) => r.action === 'reveal').map((r) => r.detail?.field)).toEqual([
      'members/1/nik',
    ]);
  });
});
