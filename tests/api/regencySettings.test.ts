import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI_ACTOR } from '../../engine/app/accounts/accountEvents.ts';
import { createAccount } from '../../engine/app/accounts/accountService.ts';
import { zipPack } from '../../engine/app/designer/packFiles.ts';
import { syncDefinitionFolder } from '../../engine/app/syncDefinitionFolder.ts';
import { getRegency } from '../../engine/storage/definitionRepository.ts';
import { ApiClient } from '../support/apiClient.ts';
import { databaseLabel } from '../support/testDatabase.ts';
import { definitionsDir, startTestServer, type TestServer } from '../support/testServer.ts';

type Copy = { revision: number; source: string; status: string; publishedVersion: number | null };
type Problem = { code: string; file: string; line: number; column: number; message: string };
type ErrorBody = { error: { code: string; reason?: string; message: string; details?: Array<{ message: string }> } };

const HEAD = 'dr. I Made Putra Negara, M.M.';
const NEW_HEAD = 'Dra. Maria Goreti, M.Si.';

describe(`regency settings in the designer and the new-regency wizard (${databaseLabel})`, () => {
  let test: TestServer;
  let folder: string;
  let admin: ApiClient;
  let approver: ApiClient;
  let platform: ApiClient;

  beforeAll(async () => {
    // One regency keeps the start short; its folder is a copy, so nothing in sop-definitions/ is touched.
    folder = mkdtempSync(join(tmpdir(), 'alur-regency-settings-'));
    cpSync(join(definitionsDir, 'bengkayang'), join(folder, 'bengkayang'), { recursive: true });
    test = await startTestServer({ definitionsDir: folder });
    admin = await test.as('bengkayang', 'admin');
    approver = await test.as('bengkayang', 'pengesah-sop');
    await createAccount(
      test.server.db,
      {
        regencyId: 'bengkayang',
        username: 'platform.root',
        name: 'Admin Platform',
        roles: ['admin'],
        credential: { kind: 'password', password: 'kunci platform utama' },
        platformAdmin: true,
      },
      CLI_ACTOR,
    );
    platform = new ApiClient(test.server.url);
    await platform.login('platform.root', 'kunci platform utama');
  }, 180_000);
  afterAll(async () => {
    await test?.stop();
    rmSync(folder, { recursive: true, force: true });
  });

  async function newestCopy(): Promise<Copy> {
    const r = await admin.get<Copy>('/api/designer/regency');
    expect(r.status).toBe(200);
    return r.body;
  }

  it('opens the regency.yaml in force, comments included', async () => {
    const copy = await newestCopy();
    expect(copy.revision).toBe(0);
    expect(copy.source).toContain('# Kabupaten Bengkayang');
    expect(copy.source).toContain(HEAD);
  });

  it('reports a broken regency file with positioned errors; a draft may hold them, submitting may not', async () => {
    const copy = await newestCopy();
    const broken = copy.source.replace(
      '- { id: tagana, name: Taruna Siaga Bencana (Tagana), unit: pjrs, kind: staff }',
      '- { id: tagana, name: Taruna Siaga Bencana (Tagana), unit: pjr, kind: staff }',
    );
    expect(broken).not.toBe(copy.source);
    const line = broken.split('\n').findIndex((l) => l.includes('unit: pjr,')) + 1;
    const checked = await admin.post<{ valid: boolean; errors: Problem[] }>('/api/designer/regency/validate', {
      source: broken,
    });
    expect(checked.body.valid).toBe(false);
    expect(checked.body.errors).toHaveLength(1);
    expect(checked.body.errors[0]).toMatchObject({ code: 'UNKNOWN_UNIT', file: 'regency.yaml', line });
    expect(checked.body.errors[0]!.message).toContain('pjrs');
    const saved = await admin.post<{ revision: { revision: number } }>('/api/designer/regency/drafts', {
      source: broken,
      baseRevision: 0,
    });
    expect(saved.status).toBe(201);
    const submit = await admin.post<ErrorBody>('/api/designer/regency/submit', { revision: 1 });
    expect(submit.status).toBe(422);
    expect(submit.body.error.message).toContain('Pengaturan kabupaten masih berisi kesalahan');
    expect(submit.body.error.details![0]!.message).toMatch(new RegExp(`^${line}:\\d+ `));
  });

  it('a value in the wrong format is explained in words, not with the regular expression', async () => {
    const copy = await newestCopy();
    const wrong = copy.source.replace('end: "16:00"', 'end: "15:300"');
    const checked = await admin.post<{ errors: Problem[] }>('/api/designer/regency/validate', { source: wrong });
    expect(checked.body.errors).toHaveLength(1);
    expect(checked.body.errors[0]!.message).toBe(
      'Jam selesai bernilai `15:300` yang tidak sesuai format yang diminta. Misalnya 16:00.',
    );
  });

  it('a stale save is refused with both revisions (409), like an SOP draft', async () => {
    const copy = await newestCopy();
    const stale = await admin.post<ErrorBody>('/api/designer/regency/drafts', { source: copy.source, baseRevision: 0 });
    expect(stale.status).toBe(409);
    expect(stale.body.error.reason).toBe('DRAFT_CONFLICT');
  });

  it('an approved change is in force at once: new letterhead and calendar, SOPs republished, no restart', async () => {
    const copy = await newestCopy();
    const before = (
      await test.server.db('definition_versions').where({ regency_id: 'bengkayang' }).count('* as n')
    )[0] as {
      n: string | number;
    };
    const fixed = copy.source
      .replace('unit: pjr, kind: staff', 'unit: pjrs, kind: staff')
      .replace(HEAD, NEW_HEAD)
      .replace(
        '  hours: { start: "07:30", end: "16:00" }',
        '  hours: { start: "07:30", end: "16:00" }\n  holidays:\n    - { date: 2026-12-21, name: Hari Jadi Kabupaten Bengkayang, kind: libur-daerah }',
      );
    const saved = await admin.post<{ revision: { revision: number } }>('/api/designer/regency/drafts', {
      source: fixed,
      baseRevision: copy.revision,
    });
    expect(saved.status).toBe(201);
    const revision = saved.body.revision.revision;
    expect((await admin.post('/api/designer/regency/submit', { revision, note: 'Kepala dinas baru' })).status).toBe(
      200,
    );
    const published = await approver.post<{ version: number; republished: Array<{ sopId: string }> }>(
      '/api/designer/regency/publish',
      { revision },
    );
    expect(published.status).toBe(200);
    expect(published.body.version).toBe(1);
    const sops = (
      await test.server
        .db('definitions')
        .where({ regency_id: 'bengkayang' })
        .whereNotNull('latest_version')
        .count('* as n')
    )[0] as { n: string | number };
    expect(published.body.republished).toHaveLength(Number(sops.n));
    const current = await admin.get<{ regency: { office: { head: { name: string } } } }>('/api/regencies/current');
    expect(current.body.regency.office.head.name).toBe(NEW_HEAD);
    const after = (
      await test.server.db('definition_versions').where({ regency_id: 'bengkayang' }).count('* as n')
    )[0] as {
      n: string | number;
    };
    expect(Number(after.n)).toBe(Number(before.n) + Number(sops.n));
    const latest = (await test.server
      .db('definition_versions')
      .where({ regency_id: 'bengkayang', sop_id: 'santunan-kematian' })
      .orderBy('version', 'desc')
      .first('regency_snapshot')) as {
      regency_snapshot: { office: { head: { name: string } }; calendar: { holidays: unknown[] } };
    };
    expect(latest.regency_snapshot.office.head.name).toBe(NEW_HEAD);
    expect(latest.regency_snapshot.calendar.holidays).toHaveLength(1);
    expect((await newestCopy()).status).toBe('published');
  });

  it('history lists the approved version and the revisions; the diff shows the changed line', async () => {
    const history = await approver.get<{
      versions: Array<{ version: number; publishedBy: string }>;
      revisions: unknown[];
    }>('/api/designer/regency/history');
    expect(history.body.versions).toEqual([expect.objectContaining({ version: 1 })]);
    expect(history.body.revisions).toHaveLength(2);
    const diff = await approver.get<{
      from: string;
      to: string;
      diff: { lines: Array<{ kind: string; text: string }> };
    }>('/api/designer/regency/diff?from=r1&to=v1');
    expect(diff.status).toBe(200);
    const text = JSON.stringify(diff.body.diff);
    expect(text).toContain(NEW_HEAD);
    expect((await approver.get<ErrorBody>('/api/designer/regency/diff?from=x1')).status).toBe(400);
  });

  it('a restart does not read the folder’s regency.yaml over settings edited in the app', async () => {
    await syncDefinitionFolder(test.server.db, folder);
    expect((await getRegency(test.server.db, 'bengkayang'))!.office.head!.name).toBe(NEW_HEAD);
  });

  it('a change that would break published SOPs is refused at approval, naming the SOP files and lines', async () => {
    const copy = await newestCopy();
    const without = copy.source.replace(/\n  - \{ id: petugas-pelayanan,[^\n]*/, '');
    expect(without).not.toBe(copy.source);
    const saved = await admin.post<{ revision: { revision: number } }>('/api/designer/regency/drafts', {
      source: without,
      baseRevision: copy.revision,
    });
    const revision = saved.body.revision.revision;
    expect((await admin.post('/api/designer/regency/submit', { revision })).status).toBe(200);
    const refused = await approver.post<ErrorBody>('/api/designer/regency/publish', { revision });
    expect(refused.status).toBe(422);
    expect(refused.body.error.reason).toBe('REGENCY_BREAKS_SOPS');
    expect(refused.body.error.message).toMatch(/SOP terbit tidak sah/);
    expect(refused.body.error.details!.some((d) => /^pbi-jaminan-kesehatan-dtsen\.yaml \d+:\d+ /.test(d.message))).toBe(
      true,
    );
    expect((await getRegency(test.server.db, 'bengkayang'))!.roles.some((r) => r.id === 'petugas-pelayanan')).toBe(
      true,
    );
    expect(
      (await approver.post('/api/designer/regency/return', { revision, note: 'Peran masih dipakai SOP' })).status,
    ).toBe(200);
  });

  it('refuses staff, drafters and approvers what is not theirs', async () => {
    const staff = await test.as('bengkayang', 'petugas-pelayanan');
    const drafter = await test.as('bengkayang', 'penyusun-sop');
    expect((await staff.get('/api/designer/regency')).status).toBe(403);
    expect((await drafter.get('/api/designer/regency')).status).toBe(403);
    const copy = await newestCopy();
    const bySomeoneElse = { source: copy.source, baseRevision: copy.revision };
    const refused = await approver.post<ErrorBody>('/api/designer/regency/drafts', bySomeoneElse);
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toMatch(/[a-z]/);
    expect((await drafter.post('/api/designer/regency/drafts', bySomeoneElse)).status).toBe(403);
    expect((await staff.post('/api/designer/regency/publish', { revision: copy.revision })).status).toBe(403);
    expect((await approver.get('/api/designer/regency')).status).toBe(200);
    const renamed = copy.source.replace('id: bengkayang', 'id: bengkulu');
    const other = await admin.post<ErrorBody>('/api/designer/regency/drafts', {
      source: renamed,
      baseRevision: copy.revision,
    });
    expect(other.status).toBe(400);
    expect(other.body.error.message).toContain('berbeda dengan kabupaten yang disunting');
  });

  type Report = {
    valid: boolean;
    savableAsDrafts: boolean;
    files: Array<{ file: string; action: string; errors: Problem[]; note: string | null }>;
  };

  it('an admin’s pack import checks regency.yaml first and counts, not lists, the SOP errors it causes', async () => {
    const copy = await newestCopy();
    const sop = (await test.server
      .db('definition_versions')
      .where({ regency_id: 'bengkayang', sop_id: 'santunan-kematian' })
      .orderBy('version', 'desc')
      .first('source')) as { source: string };
    const broken = copy.source.replace(
      '  - { id: sekretariat, name: Sekretariat Dinas, short: SET }',
      '  - { id: sekretariat, name: Sekretariat Dinas, short: SET, kepala: x }',
    );
    expect(broken).not.toBe(copy.source);
    const zip = zipPack('bengkayang', [
      { name: 'regency.yaml', content: broken },
      { name: 'santunan-kematian.yaml', content: sop.source },
    ]);
    const checked = await admin.request<Report>('POST', '/api/designer/import/check', undefined, {
      raw: zip,
      contentType: 'application/zip',
    });
    expect(checked.status).toBe(200);
    const [settings, sopReport] = checked.body.files;
    expect(settings).toMatchObject({ file: 'regency.yaml', action: 'settings' });
    expect(settings!.errors.map((e) => e.code)).toEqual(['SCHEMA_UNKNOWN_KEY']);
    expect(sopReport!.errors).toEqual([]);
    expect(sopReport!.note).toMatch(
      /^\d+ rujukan ke pengaturan kabupaten tidak dapat diperiksa sampai regency\.yaml diperbaiki\.$/,
    );
    expect(checked.body.valid).toBe(false);
    expect(checked.body.savableAsDrafts).toBe(false);
    // A drafter's import skips regency.yaml and checks the SOP against the settings in force.
    const drafter = await test.as('bengkayang', 'penyusun-sop');
    const skipped = await drafter.request<Report>('POST', '/api/designer/import/check', undefined, {
      raw: zip,
      contentType: 'application/zip',
    });
    expect(skipped.body.files[0]).toMatchObject({ action: 'skip', errors: [] });
    expect(skipped.body.valid).toBe(true);
  });

  it('an admin imports a valid regency.yaml as a settings draft; a file with errors only with keepInvalid', async () => {
    const copy = await newestCopy();
    const changed = copy.source.replace('Jl. Guna Baru Trans Rangkang', 'Jl. Guna Baru Trans Rangkang No. 2');
    const sop = (await test.server
      .db('definition_versions')
      .where({ regency_id: 'bengkayang', sop_id: 'santunan-kematian' })
      .orderBy('version', 'desc')
      .first('source')) as { source: string };
    const wrong = sop.source.replace(/role: petugas-pelayanan\b/, 'role: petugas-pelayan');
    expect(wrong).not.toBe(sop.source);
    const zip = zipPack('bengkayang', [
      { name: 'regency.yaml', content: changed },
      { name: 'santunan-kematian.yaml', content: wrong },
    ]);
    const refused = await admin.request<{ report: Report }>('POST', '/api/designer/import', undefined, {
      raw: zip,
      contentType: 'application/zip',
    });
    expect(refused.status).toBe(422);
    expect(refused.body.report.savableAsDrafts).toBe(true);
    const kept = await admin.request<{ saved: Array<{ sopId: string; revision: number }> }>(
      'POST',
      '/api/designer/import?keepInvalid=1',
      undefined,
      { raw: zip, contentType: 'application/zip' },
    );
    expect(kept.status).toBe(201);
    expect(kept.body.saved.map((s) => s.sopId).sort()).toEqual(['@regency', 'santunan-kematian']);
    const after = await newestCopy();
    expect(after.source).toContain('No. 2');
    expect(after.revision).toBe(copy.revision + 1);
    // The settings draft is not an SOP: the designer's SOP list does not show it.
    const list = await admin.get<{ sops: Array<{ sopId: string }> }>('/api/designer/sops');
    expect(list.body.sops.some((s) => s.sopId.startsWith('@'))).toBe(false);
  });

  const wizard = {
    id: 'paser',
    name: 'Kabupaten Paser',
    regionCode: '64.01',
    timezone: 'WITA',
    office: {
      name: 'Dinas Sosial Kabupaten Paser',
      parent: 'PEMERINTAH KABUPATEN PASER',
      address: 'Jl. Kusuma Bangsa, Tana Paser',
      head: { name: 'Hj. Siti Aminah, S.Sos.', title: 'Kepala Dinas Sosial Kabupaten Paser' },
    },
    admin: { username: 'rahmat.admin', name: 'Rahmat Hidayat', credential: 'activation' },
  };

  it('the wizard refuses bad input with Indonesian 4xx messages naming the field', async () => {
    const cases: Array<[Record<string, unknown>, number, string, RegExp]> = [
      [{ regionCode: '6401' }, 400, '/regionCode', /dua angka, titik, dua angka/],
      [{ regionCode: '64.99' }, 400, '/regionCode', /tidak ada dalam daftar kabupaten\/kota Kemendagri/],
      [{ name: 'Kabupaten Pasir' }, 400, '/name', /64\.01 adalah Kabupaten Paser \(Kalimantan Timur\)/],
      [{ id: 'Paser Baru' }, 400, '/id', /huruf kecil, angka dan tanda hubung/],
      [{ id: 'bengkayang' }, 409, '/id', /sudah terdaftar/],
      [
        { id: 'bengkayang-2', name: 'Kabupaten Bengkayang', regionCode: '61.07' },
        409,
        '/regionCode',
        /sudah terdaftar di Alur/,
      ],
      [{ admin: { ...wizard.admin, username: 'A' } }, 400, '/username', /Nama pengguna "A" tidak dapat dipakai/],
    ];
    for (const [change, status, path, message] of cases) {
      const r = await platform.post<ErrorBody & { error: { path?: string } }>('/api/admin/regencies', {
        ...wizard,
        ...change,
      });
      expect(r.status, JSON.stringify(change)).toBe(status);
      expect(r.body.error.message).toMatch(message);
      expect(r.body.error.path).toBe(path);
    }
    const zone = await platform.post<ErrorBody>('/api/admin/regencies', { ...wizard, timezone: 'CET' });
    expect(zone.status).toBe(400);
    expect(await getRegency(test.server.db, 'paser')).toBeUndefined();
  });

  it('only a platform admin may create a regency', async () => {
    const r = await admin.post<ErrorBody>('/api/admin/regencies', wizard);
    expect(r.status).toBe(403);
    expect(r.body.error.message).toBe('Hanya admin platform yang dapat membuat kabupaten baru.');
    expect((await approver.post('/api/admin/regencies', wizard)).status).toBe(403);
    expect((await approver.get('/api/admin/regencies/codes')).status).toBe(403);
  });

  it('creates the regency without a file or restart; its first admin activates and edits its settings', async () => {
    const codes = await platform.get<{ regencies: Array<{ code: string; name: string }> }>(
      '/api/admin/regencies/codes',
    );
    expect(codes.body.regencies).toHaveLength(514);
    const created = await platform.post<{ regencyId: string; admin: { issued: { activationToken: string } } }>(
      '/api/admin/regencies',
      wizard,
    );
    expect(created.status).toBe(201);
    const stored = (await getRegency(test.server.db, 'paser'))!;
    expect(stored).toMatchObject({ name: 'Kabupaten Paser', regionCode: '64.01', province: 'Kalimantan Timur' });
    expect(stored.calendar.timezone).toBe('Asia/Makassar');
    const anon = new ApiClient(test.server.url);
    const activated = await anon.post('/api/auth/activate', {
      token: created.body.admin.issued.activationToken,
      password: 'pesisir tanah grogot',
    });
    expect(activated.status).toBe(200);
    const paserAdmin = new ApiClient(test.server.url);
    await paserAdmin.login('rahmat.admin', 'pesisir tanah grogot');
    const copy = await paserAdmin.get<Copy>('/api/designer/regency');
    expect(copy.body.source).toContain('regionCode: "64.01"');
    const people = await paserAdmin.post('/api/accounts', {
      username: 'nur.penyusun',
      name: 'Nur Aisyah',
      roles: ['penyusun-sop'],
      credential: 'temporary',
    });
    expect(people.status).toBe(201);
    // The new regency is not in the folder: a restart's sync leaves it as the app made it.
    await syncDefinitionFolder(test.server.db, folder);
    expect((await getRegency(test.server.db, 'paser'))!.office.head!.name).toBe('Hj. Siti Aminah, S.Sos.');
  });
});
