import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ArchiveRequest } from '../../engine/app/archive/archiveRequestTypes.ts';
import type { CaseEvent } from '../../engine/core/events.ts';
import { withSystemScope } from '../../engine/storage/regencyScope.ts';
import { databaseLabel } from '../support/testDatabase.ts';
import { startTestServer, type TestServer } from '../support/testServer.ts';
import { openCase, writtenRows, type ErrorBody } from './support/securityFixture.ts';

type One = { request: ArchiveRequest };
type Many = { requests: ArchiveRequest[] };
const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString();

describe(`archive control register (Lampiran II.D.3) (${databaseLabel})`, () => {
  let test: TestServer;
  let caseId: string;
  beforeAll(async () => {
    test = await startTestServer();
    caseId = (await openCase(test)).id;
  }, 120_000);
  afterAll(async () => test?.stop());

  it('a request needs a kind, a real reason, a recipient, and for a loan a due-back date within 90 days', async () => {
    const staff = await test.as('kutai-kartanegara', 'staf-rehsos');
    const before = await writtenRows(test.server.db);
    for (const body of [
      {},
      { kind: 'borrow', reason: 'Pemeriksaan', recipient: 'Inspektorat' },
      { kind: 'borrow', reason: 'Pemeriksaan oleh Inspektorat', recipient: 'Inspektorat' },
      { kind: 'borrow', reason: 'Pemeriksaan oleh Inspektorat', recipient: 'Inspektorat', dueBackAt: inDays(-1) },
      { kind: 'borrow', reason: 'Pemeriksaan oleh Inspektorat', recipient: 'Inspektorat', dueBackAt: inDays(120) },
      { kind: 'lend', reason: 'Pemeriksaan oleh Inspektorat', recipient: 'Inspektorat' },
    ]) {
      expect(
        (await staff.post<ErrorBody>(`/api/cases/${caseId}/archive-requests`, body)).status,
        JSON.stringify(body),
      ).toBe(400);
    }
    expect(await writtenRows(test.server.db)).toEqual(before);
  });

  it('borrow → approve by the unit’s kabid → hand-over → overdue → return, each step on the case timeline', async () => {
    const staff = await test.as('kutai-kartanegara', 'staf-rehsos');
    const made = await staff.post<One>(`/api/cases/${caseId}/archive-requests`, {
      kind: 'borrow',
      reason: 'Pemeriksaan berkas oleh Inspektorat Daerah',
      recipient: 'Inspektorat Daerah',
      dueBackAt: inDays(7),
    });
    expect(made.status).toBe(201);
    const id = made.body.request.id;
    expect(made.body.request).toMatchObject({ status: 'requested', kind: 'borrow', overdue: false });

    // Not authorised: the requester's own kind, another unit's kabid, the admin, the auditor.
    for (const role of ['staf-rehsos', 'tksk', 'kabid-dayasos', 'admin', 'auditor']) {
      const refused = await (
        await test.as('kutai-kartanegara', role)
      ).post<ErrorBody>(`/api/archive-requests/${id}/approve`, {});
      expect(refused.status, role).toBe(403);
    }
    expect(
      (await (await test.as('bangkalan', 'kepala-dinas')).post<ErrorBody>(`/api/archive-requests/${id}/approve`, {}))
        .status,
    ).toBe(404);

    const kabid = await test.as('kutai-kartanegara', 'kabid-rehsos');
    expect((await kabid.post<ErrorBody>(`/api/archive-requests/${id}/hand-over`, {})).status).toBe(409);
    const approved = await kabid.post<One>(`/api/archive-requests/${id}/approve`, {
      note: 'Disetujui, kembalikan utuh',
    });
    expect(approved.body.request).toMatchObject({ status: 'approved', decisionNote: 'Disetujui, kembalikan utuh' });
    expect((await kabid.post<ErrorBody>(`/api/archive-requests/${id}/approve`, {})).status).toBe(409);
    const sekretaris = await test.as('kutai-kartanegara', 'sekretaris');
    const handed = await sekretaris.post<One>(`/api/archive-requests/${id}/hand-over`, {});
    expect(handed.body.request.status).toBe('handed_over');

    // Time passes beyond the due-back date: the loan shows up as overdue.
    await withSystemScope(test.server.db, (trx) =>
      trx('archive_requests')
        .where({ id })
        .update({ due_back_at: new Date(Date.now() - 86_400_000) }),
    );
    const overdue = await kabid.get<Many>('/api/archive-requests?overdue=true');
    expect(overdue.body.requests.map((r) => [r.id, r.overdue, r.trackingCode?.startsWith('ALR-')])).toEqual([
      [id, true, true],
    ]);
    expect(JSON.stringify(overdue.body)).not.toMatch(/Siti|6402010102500001/);
    expect(
      (await (await test.as('kutai-kartanegara', 'staf-dayasos')).get<Many>('/api/archive-requests?overdue=true')).body
        .requests,
    ).toEqual([]);

    const returned = await kabid.post<One>(`/api/archive-requests/${id}/return`, { note: 'Lengkap' });
    expect(returned.body.request).toMatchObject({ status: 'returned', overdue: false, returnNote: 'Lengkap' });
    expect((await kabid.get<Many>('/api/archive-requests?overdue=true')).body.requests).toEqual([]);

    const timeline = await staff.get<{ events: CaseEvent[] }>(`/api/cases/${caseId}/timeline`);
    const archiveEvents = timeline.body.events.filter(
      (e) => e.type.startsWith('archive.') && 'requestId' in e.payload && e.payload.requestId === id,
    );
    expect(archiveEvents.map((e) => [e.type, e.by.name])).toEqual([
      ['archive.requested', expect.stringContaining('Staf Bidang Rehsos')],
      ['archive.approved', expect.stringContaining('Kepala Bidang Rehabilitasi')],
      ['archive.handedOver', expect.stringContaining('Sekretaris')],
      ['archive.returned', expect.stringContaining('Kepala Bidang Rehabilitasi')],
    ]);
    expect(archiveEvents[0]!.payload).toMatchObject({
      kind: 'borrow',
      reason: 'Pemeriksaan berkas oleh Inspektorat Daerah',
      recipient: 'Inspektorat Daerah',
    });
    expect(timeline.body.events.map((e) => e.seq)).toEqual(timeline.body.events.map((_, i) => i + 1));
  });

  it('nobody approves their own request; a refusal needs its reason; a copy is complete once handed over', async () => {
    const kabid = await test.as('kutai-kartanegara', 'kabid-rehsos');
    const own = await kabid.post<One>(`/api/cases/${caseId}/archive-requests`, {
      kind: 'send',
      reason: 'Pengiriman berkas rujukan ke Dinas Sosial Provinsi',
      recipient: 'Dinas Sosial Provinsi Kalimantan Timur',
    });
    const ownApproval = await kabid.post<ErrorBody>(`/api/archive-requests/${own.body.request.id}/approve`, {});
    expect([ownApproval.status, ownApproval.body.error.reason]).toEqual([403, 'OWN_REQUEST']);
    const kadis = await test.as('kutai-kartanegara', 'kepala-dinas');
    expect((await kadis.post<ErrorBody>(`/api/archive-requests/${own.body.request.id}/refuse`, {})).status).toBe(400);
    const refused = await kadis.post<One>(`/api/archive-requests/${own.body.request.id}/refuse`, {
      note: 'Gunakan surat rujukan resmi',
    });
    expect(refused.body.request).toMatchObject({ status: 'refused', decisionNote: 'Gunakan surat rujukan resmi' });
    expect((await kadis.post<ErrorBody>(`/api/archive-requests/${own.body.request.id}/hand-over`, {})).status).toBe(
      409,
    );

    const staff = await test.as('kutai-kartanegara', 'staf-rehsos');
    const copy = await staff.post<One>(`/api/cases/${caseId}/archive-requests`, {
      kind: 'copy',
      reason: 'Salinan untuk pengajuan BPJS Kesehatan',
      recipient: 'BPJS Kesehatan Cabang Samarinda',
    });
    expect(copy.body.request.dueBackAt).toBeNull();
    await kadis.post(`/api/archive-requests/${copy.body.request.id}/approve`, {});
    const handed = await kadis.post<One>(`/api/archive-requests/${copy.body.request.id}/hand-over`, {});
    expect(handed.body.request.status).toBe('completed');
    expect((await kadis.post<ErrorBody>(`/api/archive-requests/${copy.body.request.id}/return`, {})).status).toBe(409);
    const list = await kadis.get<Many>(`/api/cases/${caseId}/archive-requests`);
    expect(list.body.requests.map((r) => r.status).sort()).toEqual(['completed', 'refused', 'returned']);
  });

  it('two officials approving at once: one succeeds, the other gets 409, one event', async () => {
    const staff = await test.as('kutai-kartanegara', 'staf-rehsos');
    const made = await staff.post<One>(`/api/cases/${caseId}/archive-requests`, {
      kind: 'copy',
      reason: 'Salinan untuk pemeriksaan BPK',
      recipient: 'BPK Perwakilan',
    });
    const [a, b] = await Promise.all([
      (await test.as('kutai-kartanegara', 'kabid-rehsos')).post(
        `/api/archive-requests/${made.body.request.id}/approve`,
        {},
      ),
      (await test.as('kutai-kartanegara', 'sekretaris')).post(
        `/api/archive-requests/${made.body.request.id}/approve`,
        {},
      ),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const timeline = await staff.get<{ events: CaseEvent[] }>(`/api/cases/${caseId}/timeline`);
    expect(
      timeline.body.events.filter((e) => e.type === 'archive.approved' && e.payload.requestId === made.body.request.id),
    ).toHaveLength(1);
  });
});
