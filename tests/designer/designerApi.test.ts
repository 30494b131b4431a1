import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseState } from '../../engine/core/caseTypes.ts';
import type { CaseEvent } from '../../engine/core/events.ts';
import { kutaiApplicant } from '../support/kutaiApplicant.ts';
import { databaseLabel } from '../support/testDatabase.ts';
import { startTestServer, type TestServer } from '../support/testServer.ts';

const REGENCY = 'kutai-kartanegara';
type Revision = { revision: number; savedByName: string };
type WorkingCopy = { revision: number; source: string; status: string; publishedVersion: number | null };

describe(`designer API (${databaseLabel})`, () => {
  let test: TestServer;
  beforeAll(async () => {
    test = await startTestServer();
  }, 120_000);
  afterAll(async () => test?.stop());

  const drafter = () => test.as(REGENCY, 'penyusun-sop');
  const approver = () => test.as(REGENCY, 'pengesah-sop');
  const header = {
    number: 'P-099/DINSOS/SET/000.9.3.3/12/2026',
    effectiveDate: '2026-12-07',
    signer: { name: 'Drs. Pengesah Uji', nip: '19630824 199403 1 007', title: 'Kepala Dinas Sosial' },
  };

  it('lists the regency SOPs for drafters and approvers only', async () => {
    const list = await (
      await drafter()
    ).get<{
      sops: Array<{
        sopId: string;
        status: string;
        publishedVersion: number;
        effectiveDate: string | null;
        changedBy: string;
      }>;
    }>('/api/designer/sops');
    expect(list.status).toBe(200);
    const sandang = list.body.sops.find((s) => s.sopId === 'bantuan-sandang')!;
    expect(sandang).toMatchObject({ status: 'published', publishedVersion: 1, effectiveDate: '2025-01-06' });
    expect((await (await test.as(REGENCY, 'staf-rehsos')).get('/api/designer/sops')).status).toBe(403);
    expect((await (await approver()).get('/api/designer/sops')).status).toBe(200);
  });

  it('creates from the template, keeps every save and refuses a save based on an old revision with both revisions', async () => {
    const d = await drafter();
    const created = await d.post<{ revision: Revision }>('/api/designer/sops', {
      sopId: 'layanan-uji',
      name: 'Layanan Uji',
      from: { template: true },
    });
    expect(created.status).toBe(201);
    expect(created.body.revision.revision).toBe(1);
    expect(
      (await d.post('/api/designer/sops', { sopId: 'layanan-uji', name: 'Lagi', from: { template: true } })).status,
    ).toBe(409);
    const copy = (await d.get<WorkingCopy>('/api/designer/sops/layanan-uji')).body;
    expect(copy).toMatchObject({ revision: 1, status: 'draft', publishedVersion: null });
    const second = await d.post<{ revision: Revision }>('/api/designer/sops/layanan-uji/drafts', {
      source: copy.source.replace('name: Layanan Uji', 'name: Layanan Uji Dua'),
      baseRevision: 1,
    });
    expect(second.status).toBe(201);
    expect(second.body.revision.revision).toBe(2);
    const other = await approver();
    const stale = await other.post<{ error: { reason: string }; conflict: { baseRevision: number; latest: Revision } }>(
      '/api/designer/sops/layanan-uji/drafts',
      { source: copy.source, baseRevision: 1 },
    );
    expect(stale.status).toBe(409);
    expect(stale.body.error.reason).toBe('DRAFT_CONFLICT');
    expect(stale.body.conflict.baseRevision).toBe(1);
    expect(stale.body.conflict.latest.revision).toBe(2);
    // Two drafters saving on the same base at the same moment: exactly one wins, nothing is lost silently.
    const racing = await Promise.all([
      d.post('/api/designer/sops/layanan-uji/drafts', { source: `${copy.source}# a\n`, baseRevision: 2 }),
      other.post('/api/designer/sops/layanan-uji/drafts', { source: `${copy.source}# b\n`, baseRevision: 2 }),
    ]);
    expect(racing.map((r) => r.status).sort()).toEqual([201, 409]);
    // Another regency's drafters see nothing of these drafts (row-level security).
    const elsewhere = await test.as('bengkayang', 'penyusun-sop');
    expect((await elsewhere.get('/api/designer/sops/layanan-uji')).status).toBe(404);
    expect(
      (await elsewhere.get<{ sops: Array<{ sopId: string }> }>('/api/designer/sops')).body.sops.some(
        (x) => x.sopId === 'layanan-uji',
      ),
    ).toBe(false);
    const history = await d.get<{ revisions: Revision[] }>('/api/designer/sops/layanan-uji/history');
    expect(history.body.revisions.map((r) => r.revision)).toEqual([3, 2, 1]);
    const diff = await d.get<{ diff: { added: number; removed: number } }>(
      '/api/designer/sops/layanan-uji/diff?from=r1&to=r2',
    );
    expect(diff.body.diff).toMatchObject({ added: 1, removed: 1 });
  });

  it('submits, lets only an approver publish, and staff can open a case of it at once', async () => {
    const d = await drafter();
    const copy = (await d.get<WorkingCopy>('/api/designer/sops/layanan-uji')).body;
    const broken = await d.post<{ revision: Revision }>('/api/designer/sops/layanan-uji/drafts', {
      source: copy.source.replace('actor: petugas\n', 'actor: petugass\n'),
      baseRevision: copy.revision,
    });
    const refused = await d.post<{ error: { details: Array<{ message: string }> } }>(
      '/api/designer/sops/layanan-uji/submit',
      { revision: broken.body.revision.revision },
    );
    expect(refused.status).toBe(422);
    expect(refused.body.error.details[0]!.message).toMatch(/^\d+:\d+ Pelaksana `petugass`/);
    const fixed = await d.post<{ revision: Revision }>('/api/designer/sops/layanan-uji/drafts', {
      source: copy.source,
      baseRevision: broken.body.revision.revision,
    });
    const revision = fixed.body.revision.revision;
    expect((await d.post('/api/designer/sops/layanan-uji/submit', { revision, note: 'Mohon diperiksa' })).status).toBe(
      200,
    );
    expect((await d.get<WorkingCopy>('/api/designer/sops/layanan-uji')).body.status).toBe('submitted');
    expect((await d.post('/api/designer/sops/layanan-uji/submit', { revision, note: 'Mohon diperiksa' })).status).toBe(
      409,
    );
    expect((await d.post('/api/designer/sops/layanan-uji/publish', { revision, ...header })).status).toBe(403);
    const a = await approver();
    const waiting = await a.get<{ sops: Array<{ sopId: string; revision: number; canApprove: boolean }> }>(
      '/api/designer/waiting',
    );
    expect(waiting.body.sops).toContainEqual(
      expect.objectContaining({ sopId: 'layanan-uji', revision, canApprove: true, note: 'Mohon diperiksa' }),
    );
    expect((await d.get('/api/designer/waiting')).status).toBe(403);
    const form = await a.get<{ signer: { name: string } }>('/api/designer/sops/layanan-uji/publish-form');
    expect(form.body.signer.name).not.toBe('');
    // Nomor SOP, Tanggal Efektif and the signer are required: missing ones are a clear 400, nothing published.
    const { number: _n, ...noNumber } = header;
    expect((await a.post('/api/designer/sops/layanan-uji/publish', { revision, ...noNumber })).status).toBe(400);
    const blank = await a.post<{ error: { message: string } }>('/api/designer/sops/layanan-uji/publish', {
      revision,
      ...header,
      number: '  ',
    });
    expect(blank.status).toBe(400);
    expect(blank.body.error.message).toContain('Nomor SOP');
    const published = await a.post<{ version: number; created: boolean }>('/api/designer/sops/layanan-uji/publish', {
      revision,
      ...header,
    });
    expect(published.status).toBe(201);
    expect(published.body).toEqual({ version: 1, created: true });
    expect((await d.get<WorkingCopy>('/api/designer/sops/layanan-uji')).body).toMatchObject({
      status: 'published',
      publishedVersion: 1,
    });
    const history = await d.get<{ versions: Array<{ version: number }> }>('/api/designer/sops/layanan-uji/history');
    expect(history.status).toBe(200);
    const v1 = await d.get<{ diff: { lines: Array<{ text: string }> } }>(
      '/api/designer/sops/layanan-uji/diff?from=r' + revision + '&to=v1',
    );
    expect(JSON.stringify(v1.body)).toContain('P-099/DINSOS/SET/000.9.3.3/12/2026');
    expect(JSON.stringify(v1.body)).toContain('effective: 2026-12-07');
    const staff = await test.as(REGENCY, 'petugas-pengaduan');
    const opened = await staff.post<{ id: string; tasks: Array<{ id: string }> }>('/api/cases', {
      sopId: 'layanan-uji',
      data: { fullName: 'Budi', nik: '6402010102500009' },
    });
    expect(opened.status).toBe(201);
  });

  it('four eyes: an approver who edited the text cannot publish it; another approver (admin) can', async () => {
    const a = await approver();
    const copy = (await a.get<WorkingCopy>('/api/designer/sops/layanan-uji')).body;
    const edited = await a.post<{ revision: Revision }>('/api/designer/sops/layanan-uji/drafts', {
      source: copy.source.replace('time: 15 menit', 'time: 20 menit'),
      baseRevision: copy.revision,
    });
    expect(edited.status).toBe(201);
    const revision = edited.body.revision.revision;
    expect((await (await drafter()).post('/api/designer/sops/layanan-uji/submit', { revision })).status).toBe(200);
    const waiting = await a.get<{ sops: Array<{ sopId: string; canApprove: boolean }> }>('/api/designer/waiting');
    expect(waiting.body.sops.find((w) => w.sopId === 'layanan-uji')).toMatchObject({ canApprove: false });
    const refused = await a.post<{ error: { reason: string; message: string } }>(
      '/api/designer/sops/layanan-uji/publish',
      { revision, ...header },
    );
    expect(refused.status).toBe(403);
    expect(refused.body.error).toMatchObject({ reason: 'OWN_EDIT' });
    expect(refused.body.error.message).toContain('Pengesah lain');
    const other = await test.as(REGENCY, 'admin');
    const published = await other.post<{ version: number }>('/api/designer/sops/layanan-uji/publish', {
      revision,
      ...header,
    });
    expect(published.status).toBe(201);
    expect(published.body.version).toBe(2);
  });

  it('moves running cases to a new version only after a dry run and a confirmation, as a timeline event', async () => {
    const staff = await test.as(REGENCY, 'staf-rehsos');
    const running = await staff.post<{ id: string }>('/api/cases', {
      sopId: 'bantuan-permakanan',
      data: kutaiApplicant,
    });
    expect(running.status).toBe(201);
    const d = await drafter();
    const copy = (await d.get<WorkingCopy>('/api/designer/sops/bantuan-permakanan')).body;
    expect(copy.revision).toBe(0);
    const changed = copy.source.replace(
      'requirements: [surat-permohonan, ktp-kk, foto-penerima, foto-rumah]',
      'requirements: [surat-permohonan, ktp-kk, foto-penerima]',
    );
    expect(changed).not.toBe(copy.source);
    const saved = await d.post<{ revision: Revision }>('/api/designer/sops/bantuan-permakanan/drafts', {
      source: changed,
      baseRevision: 0,
    });
    expect(saved.status).toBe(201);
    await d.post('/api/designer/sops/bantuan-permakanan/submit', { revision: 1 });
    const a = await approver();
    expect(
      (
        await a.post<{ version: number }>('/api/designer/sops/bantuan-permakanan/publish', {
          revision: 1,
          ...(await a.get<typeof header>('/api/designer/sops/bantuan-permakanan/publish-form')).body,
        })
      ).body.version,
    ).toBe(2);
    expect((await d.get('/api/designer/sops/bantuan-permakanan/migration')).status).toBe(403);
    const plan = await a.get<{
      toVersion: number;
      cases: Array<{ caseId: string; fromVersion: number; landsOn: { id: string } | null; missingData: unknown[] }>;
    }>('/api/designer/sops/bantuan-permakanan/migration');
    expect(plan.status).toBe(200);
    const entry = plan.body.cases.find((c) => c.caseId === running.body.id)!;
    expect(entry).toMatchObject({ fromVersion: 1, landsOn: { id: 'usulan' }, missingData: [] });
    const moved = await a.post<{ moved: Array<{ toVersion: number }> }>(
      '/api/designer/sops/bantuan-permakanan/migration',
      { toVersion: 2, caseIds: [running.body.id] },
    );
    expect(moved.status).toBe(200);
    expect(moved.body.moved[0]!.toVersion).toBe(2);
    const timeline = await staff.get<{ events: CaseEvent[] }>(`/api/cases/${running.body.id}/timeline`);
    expect(timeline.body.events.find((e) => e.type === 'case.migrated')?.payload).toMatchObject({
      fromVersion: 1,
      toVersion: 2,
      stepId: 'usulan',
    });
    const kase = await staff.get<CaseState & { tasks: Array<{ id: string; status: string }> }>(
      `/api/cases/${running.body.id}`,
    );
    const task = kase.body.tasks.find((t) => t.status === 'open')!;
    const done = await staff.post(`/api/tasks/${task.id}/complete`, {
      checklist: { 'surat-permohonan': true, 'ktp-kk': true, 'foto-penerima': true },
    });
    expect(done.status).toBe(200);
    expect(
      (await a.post('/api/designer/sops/bantuan-permakanan/migration', { toVersion: 2, caseIds: [running.body.id] }))
        .status,
    ).toBe(409);
  });

  it('reverts to an old version as a new draft revision and diffs versions', async () => {
    const d = await drafter();
    const reverted = await d.post<{ revision: Revision }>('/api/designer/sops/bantuan-permakanan/revert', {
      version: 1,
      baseRevision: 1,
    });
    expect(reverted.status).toBe(201);
    expect(reverted.body.revision.revision).toBe(2);
    const diff = await d.get<{ diff: { lines: Array<{ kind: string; text?: string }> } }>(
      '/api/designer/sops/bantuan-permakanan/diff?from=v1&to=v2',
    );
    // Number and effective date came from the draft (prefilled); the signer is the approver who published.
    expect(diff.body.diff.lines.filter((l) => l.kind === 'removed').map((l) => l.text)).toEqual([
      expect.stringMatching(/^approvedBy: /),
      expect.stringContaining('foto-rumah'),
    ]);
    expect((await d.get('/api/designer/sops/bantuan-permakanan/diff?from=x1&to=v2')).status).toBe(400);
    // Without refs: the latest published version against the newest draft.
    expect(
      (await d.get<{ from: string; to: string }>('/api/designer/sops/bantuan-permakanan/diff')).body,
    ).toMatchObject({ from: 'Versi 2', to: 'Revisi 2' });
  });

  it('copies another regency SOP into a draft of this regency', async () => {
    const d = await drafter();
    const library = await d.get<{ regencies: Array<{ regencyId: string; sops: Array<{ sopId: string }> }> }>(
      '/api/designer/library',
    );
    expect(library.body.regencies.find((r) => r.regencyId === 'bangkalan')?.sops.length).toBeGreaterThan(10);
    const copied = await d.post('/api/designer/sops', {
      sopId: 'salinan-napza',
      name: 'Salinan',
      from: { copy: { regencyId: 'bangkalan', sopId: 'fasilitasi-korban-napza' } },
    });
    expect(copied.status).toBe(201);
    const copy = (await d.get<WorkingCopy>('/api/designer/sops/salinan-napza')).body;
    expect(copy.source).toContain('id: salinan-napza');
    expect(copy.source).toContain('regency: kutai-kartanegara');
  });

  it('imports a pack all-or-nothing after a validation report, and exports the pack as a zip', async () => {
    const d = await drafter();
    const template = (await d.get<WorkingCopy>('/api/designer/sops/layanan-uji')).body.source;
    const good = template.replace('id: layanan-uji', 'id: impor-satu').replace(/^status: .*$/m, 'status: draft');
    const bad = template.replace('id: layanan-uji', 'id: impor-dua').replace('actor: kepala\n', 'actor: kepalaa\n');
    const zip = (files: Record<string, string>) =>
      zipSync(Object.fromEntries(Object.entries(files).map(([n, c]) => [`pack/${n}`, strToU8(c)])));
    const check = await d.request<{
      valid: boolean;
      files: Array<{ file: string; action: string; errors: Array<{ line: number; message: string }> }>;
    }>('POST', '/api/designer/import/check', undefined, {
      raw: zip({ 'impor-satu.yaml': good, 'impor-dua.yaml': bad, 'regency.yaml': 'id: x' }),
      contentType: 'application/zip',
    });
    expect(check.status).toBe(200);
    expect(check.body.valid).toBe(false);
    expect(check.body.files.find((f) => f.file === 'impor-dua.yaml')!.errors[0]!.message).toContain('kepalaa');
    expect(check.body.files.find((f) => f.file === 'regency.yaml')!.action).toBe('skip');
    const refused = await d.request('POST', '/api/designer/import', undefined, {
      raw: zip({ 'impor-satu.yaml': good, 'impor-dua.yaml': bad }),
      contentType: 'application/zip',
    });
    expect(refused.status).toBe(422);
    expect((await d.get('/api/designer/sops/impor-satu')).status).toBe(404);
    const saved = await d.request<{ saved: Array<{ sopId: string; revision: number }> }>(
      'POST',
      '/api/designer/import?bases=impor-satu:0',
      undefined,
      { raw: zip({ 'impor-satu.yaml': good }), contentType: 'application/zip' },
    );
    expect(saved.status).toBe(201);
    expect(saved.body.saved).toEqual([{ sopId: 'impor-satu', revision: 1 }]);
    expect(
      (
        await d.request('POST', '/api/designer/import?bases=impor-satu:0', undefined, {
          raw: zip({ 'impor-satu.yaml': good }),
          contentType: 'application/zip',
        })
      ).status,
    ).toBe(409);
    const exported = await fetch(`${test.server.url}/api/designer/export`, { headers: { cookie: await cookieOf(d) } });
    expect(exported.headers.get('content-type')).toBe('application/zip');
    const files = unzipSync(new Uint8Array(await exported.arrayBuffer()));
    expect(Object.keys(files)).toContain('kutai-kartanegara/regency.yaml');
    expect(strFromU8(files['kutai-kartanegara/layanan-uji.yaml']!)).toContain('status: published');
    expect(Object.keys(files)).toContain('kutai-kartanegara/impor-satu.yaml');
  });
});

/** The session cookie of a test client (for a binary download through fetch). */
async function cookieOf(client: { request: (m: string, p: string) => Promise<{ headers: Headers }> }): Promise<string> {
  const response = await client.request('GET', '/api/auth/me');
  return response.headers.get('set-cookie')?.split(';')[0] ?? (client as unknown as { cookie: string }).cookie;
}
