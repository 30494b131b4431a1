import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TaskState } from '../../engine/core/caseTypes.ts';
import type { ApiClient } from '../support/apiClient.ts';
import { databaseLabel } from '../support/testDatabase.ts';
import { startTestServer, type TestServer } from '../support/testServer.ts';

type CaseReply = { id: string; tasks: TaskState[]; data: Record<string, unknown> };
type Part = { key: string; text: string; path: string };
type Sections = { sections: Array<{ id: string; fields: Array<{ key: string; text: string; items?: Part[][] }> }> };
type AccessLog = {
  entries: Array<{ userId: string; action: string; route: string; detail: Record<string, unknown> | null }>;
};

// The block fixture (tests/fixtures/blocks): after the verification, one assessment per disaster victim.
const blocksDir = join(import.meta.dirname, '../fixtures/blocks');
const people = [
  { nama: 'Siti Aminah', nik: '6402014101800001', usia: 40 },
  { nama: 'Pak Darmo', nik: '6402010101500002', usia: 72 },
  { nama: 'Rina Lestari', nik: '6402014101150003', usia: 9 },
];
const others = ['Siti Aminah', '6402014101800001', 'Rina Lestari', '6402014101150003', 'Tenda untuk Siti'];

describe(`per-person work sends each reader only the persons they hold (${databaseLabel})`, () => {
  let test: TestServer;
  let loket: ApiClient;
  let tksk: ApiClient;
  let caseId = '';
  let darmoTask = '';
  let tkskId = '';

  beforeAll(async () => {
    test = await startTestServer({ definitionsDir: blocksDir });
    loket = await test.as('testkab', 'petugas');
    tksk = await test.as('testkab', 'tksk');
    const opened = await loket.post<CaseReply>('/api/cases', {
      sopId: 'bantuan-per-penerima',
      data: { lokasi: 'Tenggarong', penerima: people },
    });
    expect(opened.status, JSON.stringify(opened.body)).toBe(201);
    caseId = opened.body.id;
    const open = async (stepId: string, index?: number) =>
      (await loket.get<CaseReply>(`/api/cases/${caseId}`)).body.tasks.find(
        (t) => t.status === 'open' && t.stepId === stepId && (index === undefined || t.item?.index === index),
      )!.id;
    const complete = async (as: ApiClient, taskId: string, body: object = {}) =>
      expect((await as.post(`/api/tasks/${taskId}/complete`, body)).status).toBe(200);
    await complete(loket, await open('pendataan'));
    await complete(await test.as('testkab', 'desa'), await open('verifikasi-desa'));
    await complete(await test.as('testkab', 'puskesmas'), await open('verifikasi-puskesmas'), {
      formData: { wabah: false },
      choice: 'Aman',
    });
    await complete(loket, await open('kirim-desa'));
    await complete(loket, await open('rekap'));
    // Siti's assessment is done at the desk (her answer must not reach Pak Darmo's TKSK either).
    await complete(loket, await open('asesmen', 0), { formData: { kebutuhan: 'Tenda untuk Siti' } });
    // Pak Darmo's assessment goes to the TKSK of his kecamatan, who has no other ground on the case.
    darmoTask = await open('asesmen', 1);
    tkskId = (await tksk.get<{ user: { id: string } }>('/api/auth/me')).body.user.id;
    const given = await loket.post(`/api/tasks/${darmoTask}/reassign`, { toUserId: tkskId });
    expect(given.status, JSON.stringify(given.body)).toBe(200);
  }, 180_000);
  afterAll(async () => test?.stop());

  it("the TKSK of person 2 gets only person 2's entry, the shared fields, and nothing of the others", async () => {
    const read = await tksk.get<CaseReply>(`/api/cases/${caseId}`);
    expect(read.status, JSON.stringify(read.body)).toBe(200);
    expect(read.body.data.lokasi).toBe('Tenggarong');
    // Positions are kept, so `penerima[1]` is still Pak Darmo; the others are not sent at all.
    expect(read.body.data.penerima).toEqual([null, people[1], null]);
    // Their tasks still show where the work stands, without answers or names.
    const siti = read.body.tasks.find((t) => t.stepId === 'asesmen' && t.item?.index === 0)!;
    expect(siti.status).toBe('completed');
    expect(siti.formData).toBeUndefined();
    expect(siti.item?.label).toBeUndefined();
    for (const text of others) expect(read.text).not.toContain(text);

    const sections = await tksk.get<Sections>(`/api/cases/${caseId}/sections`);
    expect(sections.status).toBe(200);
    const list = sections.body.sections.flatMap((s) => s.fields).find((f) => f.key === 'penerima')!;
    expect(list.items!.map((item) => item.find((p) => p.key === 'nama'))).toEqual([
      { key: 'nama', label: 'Nama', text: 'Pak Darmo', masked: false, path: 'penerima/1/nama' },
    ]);
    // The list's text numbers the entry by its place in the list.
    expect(list.text).toMatch(/^2\. /);
    expect(list.text).toContain('Pak Darmo');
    for (const text of others) expect(sections.text).not.toContain(text);

    const timeline = await tksk.get(`/api/cases/${caseId}/timeline`);
    expect(timeline.status).toBe(200);
    for (const text of others) expect(timeline.text).not.toContain(text);

    // Another person's number cannot be revealed; their own can.
    expect((await tksk.post(`/api/cases/${caseId}/reveal`, { field: 'penerima/0/nik' })).status).toBe(403);
    const own = await tksk.post<{ value: string }>(`/api/cases/${caseId}/reveal`, { field: 'penerima/1/nik' });
    expect(own.status, JSON.stringify(own.body)).toBe(200);
    expect(own.body.value).toBe(people[1]!.nik);

    // The case file they may export carries the same persons only.
    const exported = await tksk.post(`/api/cases/${caseId}/export`, { reason: 'Rujukan ke puskesmas' });
    expect(exported.status).toBe(200);
    expect(exported.text).toContain('Pak Darmo');
    for (const text of others) expect(exported.text).not.toContain(text);

    // Finishing the task answers where the case stands: nobody's data, not even their own person's.
    const done = await tksk.post<CaseReply>(`/api/tasks/${darmoTask}/complete`, { formData: { kebutuhan: 'Obat' } });
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(done.body.data).toBeUndefined();
    for (const text of [...others, 'Pak Darmo', people[1]!.nik, 'Obat']) expect(done.text).not.toContain(text);
    // Read again, the case shows their answer on their person only (the NIK masked now that the task is done).
    expect((await tksk.get<CaseReply>(`/api/cases/${caseId}`)).body.data.penerima).toEqual([
      null,
      { ...people[1], nik: '••••••••••••0002', kebutuhan: 'Obat' },
      null,
    ]);
  });

  it('whoever holds the whole case (kadis by office, kabid by unit, the desk) still gets the whole list', async () => {
    for (const role of ['kadis', 'kabid', 'petugas']) {
      const reader = await test.as('testkab', role);
      const read = await reader.get<CaseReply>(`/api/cases/${caseId}`);
      expect(read.status, role).toBe(200);
      expect(
        (read.body.data.penerima as Array<{ nama: string }>).map((p) => p.nama),
        role,
      ).toEqual(people.map((p) => p.nama));
      const sections = await reader.get<Sections>(`/api/cases/${caseId}/sections`);
      const list = sections.body.sections.flatMap((s) => s.fields).find((f) => f.key === 'penerima')!;
      expect(list.items, role).toHaveLength(3);
      expect(sections.text, role).toContain('Tenda untuk Siti');
    }
  });

  it("a task page asks for its task: even the desk then gets that person's entry only", async () => {
    const read = await loket.get<CaseReply>(`/api/cases/${caseId}?taskId=${darmoTask}`);
    expect(read.status).toBe(200);
    expect((read.body.data.penerima as unknown[]).map((p) => p === null)).toEqual([true, false, true]);
    const sections = await loket.get<Sections>(`/api/cases/${caseId}/sections?taskId=${darmoTask}`);
    const list = sections.body.sections.flatMap((s) => s.fields).find((f) => f.key === 'penerima')!;
    expect(list.items!.map((item) => item.find((p) => p.key === 'nama')?.path)).toEqual(['penerima/1/nama']);
    expect((await loket.get(`/api/cases/${caseId}?taskId=tidak-ada`)).status).toBe(404);
  });

  it('the access log records whose data each read carried', async () => {
    const log = await (await test.as('testkab', 'kadis')).get<AccessLog>(`/api/audit/cases/${caseId}/access?limit=200`);
    expect(log.status, JSON.stringify(log.body)).toBe(200);
    const of = (route: string, user: (id: string) => boolean) =>
      log.body.entries.filter((e) => e.route === route && user(e.userId)).map((e) => e.detail?.persons);
    const isTksk = (id: string) => id === tkskId;
    expect(of('GET /api/cases/{caseId}', isTksk)).toEqual([{ penerima: [1] }, { penerima: [1] }]);
    expect(of('GET /api/cases/{caseId}/sections', isTksk)).toEqual([{ penerima: [1] }]);
    // A completion's reply carries no personal data, so it is no read (the case's timeline records the act).
    expect(of('POST /api/tasks/{taskId}/complete', isTksk)).toEqual([]);
    expect(of('POST /api/cases/{caseId}/export', isTksk)).toEqual([{ penerima: [1] }]);
    expect(of('GET /api/cases/{caseId}', (name) => !isTksk(name))).toContainEqual({ penerima: 'all' });
    const reveal = log.body.entries.find((e) => e.action === 'reveal' && isTksk(e.userId));
    expect(reveal?.detail).toMatchObject({ field: 'penerima/1/nik', person: { list: 'penerima', index: 1 } });
  });
});
