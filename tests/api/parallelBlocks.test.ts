import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TaskState } from '../../engine/core/caseTypes.ts';
import { databaseLabel } from '../support/testDatabase.ts';
import { startTestServer, type TestServer } from '../support/testServer.ts';

type CaseReply = {
  id: string;
  status: string;
  currentStepId: string | null;
  tasks: TaskState[];
  data: Record<string, unknown>;
  blocks: Array<{ join: string; waiting: string[] }>;
};
type Inbox = {
  items: Array<{
    taskId: string;
    caseId: string;
    stepId: string;
    branch: string | null;
    person: { index: number; count: number; label: string | null } | null;
    returnedReason: string | null;
  }>;
};

// The block fixture (tests/fixtures/blocks): desa and puskesmas verify at once, then one assessment per victim.
const blocksDir = join(import.meta.dirname, '../fixtures/blocks');

describe(`parallel branches and per-person work through the API (${databaseLabel})`, () => {
  let test: TestServer;
  let caseId = '';

  beforeAll(async () => {
    test = await startTestServer({ definitionsDir: blocksDir });
    const loket = await test.as('testkab', 'petugas');
    const opened = await loket.post<CaseReply>('/api/cases', {
      sopId: 'bantuan-per-penerima',
      data: {
        lokasi: 'Tenggarong',
        penerima: [
          { nama: 'Siti A.', usia: 40 },
          { nama: 'Pak Darmo', usia: 72 },
        ],
      },
    });
    expect(opened.status).toBe(201);
    caseId = opened.body.id;
    const first = opened.body.tasks.find((t) => t.status === 'open')!;
    expect((await loket.post(`/api/tasks/${first.id}/complete`, {})).status).toBe(200);
  }, 120_000);
  afterAll(async () => test?.stop());

  it('two officers of two roles each see their branch in their inbox and work it at the same time', async () => {
    const desa = await test.as('testkab', 'desa');
    const puskesmas = await test.as('testkab', 'puskesmas');
    const [desaInbox, puskesmasInbox] = await Promise.all([
      desa.get<Inbox>('/api/tasks/inbox'),
      puskesmas.get<Inbox>('/api/tasks/inbox'),
    ]);
    const desaTask = desaInbox.body.items.find((i) => i.caseId === caseId)!;
    const puskesmasTask = puskesmasInbox.body.items.find((i) => i.caseId === caseId)!;
    expect([desaTask.stepId, desaTask.branch]).toEqual(['verifikasi-desa', 'Desa memverifikasi domisili para korban']);
    expect(puskesmasTask.branch).toBe('Puskesmas memeriksa kondisi kesehatan para korban');
    // Both commands on one case at once: the service retries the one that lost the race; neither is refused.
    const [a, b] = await Promise.all([
      desa.post<CaseReply>(`/api/tasks/${desaTask.taskId}/complete`, {}),
      puskesmas.post<CaseReply>(`/api/tasks/${puskesmasTask.taskId}/complete`, {
        formData: { wabah: false },
        choice: 'Aman',
      }),
    ]);
    expect([a.status, b.status]).toEqual([200, 200]);
    const loket = await test.as('testkab', 'petugas');
    const now = await loket.get<CaseReply>(`/api/cases/${caseId}`);
    expect(now.body.currentStepId).toBe('pendataan');
    expect(now.body.blocks).toEqual([expect.objectContaining({ join: 'rekap', waiting: ['verifikasi-desa'] })]);
    expect(now.body.tasks.filter((t) => t.status === 'open').map((t) => t.stepId)).toEqual(['kirim-desa']);
  });

  it('after the join, each person has their own task, titled with their position and name', async () => {
    const loket = await test.as('testkab', 'petugas');
    const nextTask = async (stepId: string) =>
      (await loket.get<CaseReply>(`/api/cases/${caseId}`)).body.tasks.find(
        (t) => t.status === 'open' && t.stepId === stepId,
      )!;
    expect((await loket.post(`/api/tasks/${(await nextTask('kirim-desa')).id}/complete`, {})).status).toBe(200);
    expect((await loket.post(`/api/tasks/${(await nextTask('rekap')).id}/complete`, {})).status).toBe(200);
    const inbox = await loket.get<Inbox>('/api/tasks/inbox');
    const mine = inbox.body.items.filter((i) => i.caseId === caseId);
    expect(mine.map((i) => [i.stepId, i.person])).toEqual([
      ['asesmen', { index: 0, count: 2, label: 'Siti A.' }],
      ['asesmen', { index: 1, count: 2, label: 'Pak Darmo' }],
    ]);
    const done = await loket.post<CaseReply>(`/api/tasks/${mine[1]!.taskId}/complete`, {
      formData: { kebutuhan: 'Obat' },
    });
    expect(done.status).toBe(200);
    expect((await loket.get<CaseReply>(`/api/cases/${caseId}`)).body.data.penerima).toEqual([
      { nama: 'Siti A.', usia: 40 },
      { nama: 'Pak Darmo', usia: 72, kebutuhan: 'Obat' },
    ]);
  });

  it("a send-back for one person marks only that person's re-opened task in the inbox", async () => {
    const loket = await test.as('testkab', 'petugas');
    const opened = await loket.post<CaseReply>('/api/cases', {
      sopId: 'bantuan-per-penerima',
      data: {
        lokasi: 'Loa Kulu',
        penerima: [
          { nama: 'Siti A.', usia: 40 },
          { nama: 'Pak Darmo', usia: 72 },
          { nama: 'Rina', usia: 9 },
        ],
      },
    });
    const id = opened.body.id;
    const openTask = async (stepId: string, index?: number) =>
      (await loket.get<CaseReply>(`/api/cases/${id}`)).body.tasks.find(
        (t) => t.status === 'open' && t.stepId === stepId && (index === undefined || t.item?.index === index),
      )!;
    const complete = async (as: Awaited<ReturnType<TestServer['as']>>, taskId: string, body: object = {}) =>
      expect((await as.post(`/api/tasks/${taskId}/complete`, body)).status).toBe(200);
    await complete(loket, (await openTask('pendataan')).id);
    await complete(await test.as('testkab', 'desa'), (await openTask('verifikasi-desa')).id);
    await complete(await test.as('testkab', 'puskesmas'), (await openTask('verifikasi-puskesmas')).id, {
      formData: { wabah: false },
      choice: 'Aman',
    });
    await complete(loket, (await openTask('kirim-desa')).id);
    await complete(loket, (await openTask('rekap')).id);
    await complete(loket, (await openTask('asesmen', 0)).id, { formData: { kebutuhan: 'Tenda' } });
    const handOver = await openTask('penyerahan', 0);
    const back = await loket.post(`/api/tasks/${handOver.id}/send-back`, { reason: 'Kebutuhan Siti belum rinci' });
    expect(back.status).toBe(200);
    const inbox = await loket.get<Inbox>('/api/tasks/inbox');
    const assessments = inbox.body.items
      .filter((i) => i.caseId === id && i.stepId === 'asesmen')
      .map((i) => [i.person?.label, i.returnedReason]);
    expect(assessments).toEqual([
      ['Siti A.', 'Kebutuhan Siti belum rinci'],
      ['Pak Darmo', null],
      ['Rina', null],
    ]);
  });
});
