import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RouteSpec } from '../../engine/api/routeSpec.ts';
import { allRoutes } from '../../engine/api/routes/allRoutes.ts';
import { CLI_ACTOR } from '../../engine/app/accounts/accountEvents.ts';
import { createAccount } from '../../engine/app/accounts/accountService.ts';
import { CASE_TARGETS } from '../../engine/app/permissions/caseTargets.ts';
import type { RoleKind } from '../../engine/definition/sopTypes.ts';
import { ApiClient } from '../support/apiClient.ts';
import { databaseLabel } from '../support/testDatabase.ts';
import { testLogoPng } from '../support/testImage.ts';
import { startTestServer, type TestServer } from '../support/testServer.ts';
import { caseFixture, freshClient, writtenRows, type CaseFixture, type ErrorBody } from './support/securityFixture.ts';

/**
 * The access matrix: every route of allRoutes() × every kind of user × own/other regency. The expected
 * answer comes from the table below — the rules written out independently of the permission
 * module — so a route without a policy, or with an action this table does not know, fails here.
 */

const READERS: readonly RoleKind[] = ['staff', 'kabid', 'kadis', 'sekretaris', 'admin', 'auditor'];
const WORKERS: readonly RoleKind[] = ['staff', 'kabid', 'kadis', 'sekretaris', 'admin'];
type Rule = 'public' | 'signed-in' | 'archive-authority' | readonly RoleKind[];

/** Who may do what (the specification; deny by default: an action missing here fails its routes). */
const EXPECTED_RULES: Record<string, Rule> = {
  public: 'public',
  session: 'signed-in',
  'regency.read': 'signed-in',
  'users.read': 'signed-in',
  // Account administration: the regency's admins (another regency's accounts answer 404 in the handler).
  'accounts.manage': ['admin'],
  'catalogue.read': 'signed-in',
  'definition.read': 'signed-in',
  'definition.validate': ['drafter', 'approver', 'admin'],
  'definition.publish': ['approver', 'admin'],
  'delegation.read': 'signed-in',
  'delegation.create': ['staff', 'kabid', 'kadis', 'sekretaris', 'drafter', 'approver', 'admin'],
  'task.inbox': 'signed-in',
  'task.act': WORKERS,
  'case.search': READERS,
  'case.open': WORKERS,
  'case.read': READERS,
  'case.export': READERS,
  'case.cancel': WORKERS,
  'case.decide': ['kabid', 'kadis', 'sekretaris', 'admin'],
  'attachment.read': READERS,
  'attachment.upload': WORKERS,
  'output.read': READERS,
  'output.prepare': WORKERS,
  'output.initial': WORKERS,
  'output.sign': WORKERS,
  'output.revoke': ['kabid', 'kadis', 'admin'],
  'archive.read': READERS,
  'archive.request': WORKERS,
  'archive.decide': 'archive-authority',
  'archive.record': 'archive-authority',
  'audit.read': ['auditor', 'kadis'],
  'monitoring.read': ['kabid', 'kadis', 'sekretaris', 'admin', 'auditor'],
  'notification.read': ['staff', 'kabid', 'kadis', 'sekretaris', 'drafter', 'approver', 'admin'],
  'notification.admin': ['admin'],
  'calendar.read': ['drafter', 'approver', 'admin'],
  'calendar.manage': ['admin'],
  'system.backup': ['admin'],
  'regency.settings.read': ['admin', 'approver'],
  'regency.settings.edit': ['admin'],
  'regency.settings.approve': ['admin', 'approver'],
  'regency.create': ['admin'],
};

/** Path parameters that point into a case (the test's own list; it must cover the module's). */
const CASE_PARAMS = ['caseId', 'taskId', 'attachmentId', 'documentId', 'requestId', 'draftId'];

/** A user of the matrix and what the rules say about the fixture case (Kutai, bantuan-permakanan, unit rehsos, task for staf-rehsos). */
interface Subject {
  label: string;
  regency?: string;
  role?: string;
  kind?: RoleKind;
  seesCase: boolean;
  archiveAuthority: boolean;
}

const HOME = 'kutai-kartanegara';
const subjects: Subject[] = [
  { label: 'anonim', seesCase: false, archiveAuthority: false },
  {
    label: 'staf unit (tugas)',
    regency: HOME,
    role: 'staf-rehsos',
    kind: 'staff',
    seesCase: true,
    archiveAuthority: false,
  },
  {
    label: 'staf unit (tanpa tugas)',
    regency: HOME,
    role: 'tksk',
    kind: 'staff',
    seesCase: true,
    archiveAuthority: false,
  },
  {
    label: 'staf unit lain',
    regency: HOME,
    role: 'staf-dayasos',
    kind: 'staff',
    seesCase: false,
    archiveAuthority: false,
  },
  { label: 'kabid unit', regency: HOME, role: 'kabid-rehsos', kind: 'kabid', seesCase: true, archiveAuthority: true },
  {
    label: 'kabid unit lain',
    regency: HOME,
    role: 'kabid-dayasos',
    kind: 'kabid',
    seesCase: false,
    archiveAuthority: false,
  },
  { label: 'kadis', regency: HOME, role: 'kepala-dinas', kind: 'kadis', seesCase: true, archiveAuthority: true },
  {
    label: 'sekretaris',
    regency: HOME,
    role: 'sekretaris',
    kind: 'sekretaris',
    seesCase: true,
    archiveAuthority: true,
  },
  {
    label: 'penyusun SOP',
    regency: HOME,
    role: 'penyusun-sop',
    kind: 'drafter',
    seesCase: false,
    archiveAuthority: false,
  },
  {
    label: 'pengesah SOP',
    regency: HOME,
    role: 'pengesah-sop',
    kind: 'approver',
    seesCase: false,
    archiveAuthority: false,
  },
  { label: 'auditor', regency: HOME, role: 'auditor', kind: 'auditor', seesCase: true, archiveAuthority: false },
  { label: 'admin', regency: HOME, role: 'admin', kind: 'admin', seesCase: true, archiveAuthority: false },
  {
    label: 'admin kabupaten lain',
    regency: 'bangkalan',
    role: 'admin',
    kind: 'admin',
    seesCase: false,
    archiveAuthority: false,
  },
  {
    label: 'auditor kabupaten lain',
    regency: 'bangkalan',
    role: 'auditor',
    kind: 'auditor',
    seesCase: false,
    archiveAuthority: false,
  },
  {
    label: 'staf kabupaten lain',
    regency: 'bangkalan',
    role: 'staf-rehsos',
    kind: 'staff',
    seesCase: false,
    archiveAuthority: false,
  },
];

type Expectation = 'allowed' | 401 | 403 | 404;

/** Finer rules some handlers add on top of their action (the matrix checks those too). */
const HANDLER_RULES: Record<string, (subject: Subject) => Expectation | undefined> = {
  // The yearly evaluation of an SOP: a kabid evaluates the SOPs of their own unit only.
  '/api/monitoring/evaluation/{sopId}/{year}': (s) =>
    s.kind === 'kabid' && s.regency === HOME && !s.seesCase ? 403 : undefined,
  '/api/monitoring/evaluation/{sopId}/{year}.html': (s) =>
    s.kind === 'kabid' && s.regency === HOME && !s.seesCase ? 403 : undefined,
};

function expectationFor(spec: RouteSpec, subject: Subject): Expectation {
  const action = spec.policy?.action;
  if (!action)
    throw new Error(
      `${spec.method.toUpperCase()} ${spec.path} has no policy: every route must declare one (deny by default)`,
    );
  const rule = EXPECTED_RULES[action];
  if (!rule) throw new Error(`action ${action} of ${spec.path} is not in the matrix's rules: write down who may do it`);
  if (rule === 'public') return 'allowed';
  if (!subject.regency || !subject.kind) return 401;
  if (
    rule === 'archive-authority'
      ? !WORKERS.includes(subject.kind)
      : rule !== 'signed-in' && !rule.includes(subject.kind)
  )
    return 403;
  if (spec.kinds && !spec.kinds.includes(subject.kind)) return 403;
  const touchesCase = CASE_PARAMS.some((p) => spec.path.includes(`{${p}}`));
  if (!touchesCase) return HANDLER_RULES[spec.path]?.(subject) ?? 'allowed';
  if (subject.regency !== HOME) return 404;
  if (rule === 'archive-authority') return subject.archiveAuthority ? 'allowed' : 403;
  return subject.seesCase ? 'allowed' : 403;
}

const POLICY_REASONS = ['NO_POLICY', 'ROLE_NOT_ALLOWED', 'OUT_OF_SCOPE'];

describe(`access matrix: every route × role × regency (${databaseLabel})`, () => {
  let test: TestServer;
  let fixture: CaseFixture;
  let params: Record<string, string>;
  beforeAll(async () => {
    test = await startTestServer();
    fixture = await caseFixture(test);
    // A throwaway account for the account routes: the matrix disables and resets it.
    await createAccount(
      test.server.db,
      {
        regencyId: HOME,
        username: 'matriks.sasaran',
        name: 'Sasaran Matriks',
        roles: ['staf-rehsos'],
        credential: { kind: 'temporary' },
      },
      CLI_ACTOR,
    );
    // A source document of the home regency, for the designer's import routes.
    const drafter = await test.as(HOME, 'penyusun-sop');
    const seed = readFileSync(join(import.meta.dirname, '../fixtures/seeds/kutai-kartanegara-sop-2025.md'));
    const imported = await drafter.request<{ documentId: number }>(
      'POST',
      '/api/designer/documents?fileName=kutai-kartanegara-sop-2025.md',
      undefined,
      { raw: seed, contentType: 'application/octet-stream' },
    );
    if (imported.status !== 201) throw new Error(`source document fixture: ${imported.status}`);
    // The home regency's logo, for the logo image route (a generated test image).
    const logo = await (
      await test.as(HOME, 'admin')
    ).request<{ logo: { id: string } }>('PUT', '/api/regencies/current/logo', undefined, {
      raw: testLogoPng(120, 120),
      contentType: 'image/png',
    });
    if (logo.status !== 200) throw new Error(`logo fixture: ${logo.status}`);
    params = {
      ...fixture,
      sopId: 'bantuan-permakanan',
      version: '1',
      userId: fixture.staffUserId,
      code: fixture.verificationCode,
      outputId: 'sk-uji',
      year: '2025',
      report: 'register',
      format: 'csv',
      deliveryId: '1',
      username: 'matriks.sasaran',
      delegationId: '1',
      sourceDocumentId: String(imported.body.documentId),
      logoId: logo.body.logo.id,
      regencyId: HOME,
    };
  }, 120_000);
  afterAll(async () => test?.stop());

  /** Query strings some reads need to succeed (an export states its reason). */
  const QUERIES: Record<string, string> = { '/api/exports/{report}.{format}': '?reason=Pemeriksaan%20matriks%20akses' };

  function pathOf(spec: RouteSpec): string {
    const path = spec.path.replace(/\{(\w+)\}/g, (_m, name: string) => {
      const value = params[name];
      if (value === undefined)
        throw new Error(`no fixture for path parameter {${name}} of ${spec.path}: add one to the matrix`);
      return encodeURIComponent(value);
    });
    return path + (QUERIES[spec.path] ?? '');
  }

  async function clientOf(spec: RouteSpec, subject: Subject): Promise<ApiClient> {
    if (!subject.regency) return new ApiClient(test.server.url);
    // Logging out ends the session, so it gets a session of its own.
    if (spec.path === '/api/auth/logout')
      return freshClient(test, subject.regency, subject.role!, (url) => new ApiClient(url));
    return test.as(subject.regency, subject.role!);
  }

  it('the matrix knows every case-bearing parameter the permission module checks', () => {
    expect(CASE_PARAMS.sort()).toEqual(Object.keys(CASE_TARGETS).sort());
  });

  it('every route declares a policy with a known action', () => {
    const missing = allRoutes()
      .filter((r) => !r.policy || !(r.policy.action in EXPECTED_RULES))
      .map((r) => `${r.method.toUpperCase()} ${r.path}`);
    expect(missing).toEqual([]);
  });

  it.each(allRoutes().map((r) => [`${r.method.toUpperCase()} ${r.path}`, r] as const))('%s', async (_name, spec) => {
    const mismatches: string[] = [];
    for (const subject of subjects) {
      const expected = expectationFor(spec, subject);
      const client = await clientOf(spec, subject);
      const before = expected === 'allowed' ? undefined : await writtenRows(test.server.db);
      // Writes send an empty body: allowed callers then meet validation (400) and change nothing.
      const response = await client.request<ErrorBody>(
        spec.method.toUpperCase(),
        pathOf(spec),
        spec.method === 'get' ? undefined : {},
      );
      const reason = response.body?.error?.reason;
      const policyDenied =
        (response.status === 403 && POLICY_REASONS.includes(reason ?? '')) ||
        (response.status === 404 && reason === 'TARGET_NOT_FOUND');
      let ok: boolean;
      if (expected === 401) ok = response.status === 401;
      else if (expected === 403) ok = response.status === 403 && POLICY_REASONS.includes(reason ?? '');
      else if (expected === 404) ok = response.status === 404 && reason === 'TARGET_NOT_FOUND';
      // Reads of one's own regency must succeed outright (fixtures exist); elsewhere any non-policy answer will do.
      else if (spec.method === 'get' && spec.access === 'user' && subject.regency === HOME)
        ok = response.status === 200;
      else ok = response.status !== 401 && !policyDenied && response.status < 500;
      if (!ok)
        mismatches.push(
          `${subject.label}: expected ${expected}, got ${response.status} ${reason ?? response.body?.error?.code ?? ''}`,
        );
      if (before) {
        const after = await writtenRows(test.server.db);
        if (JSON.stringify(after) !== JSON.stringify(before))
          mismatches.push(
            `${subject.label}: a refused request wrote rows ${JSON.stringify(before)} → ${JSON.stringify(after)}`,
          );
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('an auditor is refused every write except signing out (exports and revealing a masked NIK are reads sent by POST)', async () => {
    const auditor = await test.as(HOME, 'auditor');
    const readsByPost = ['session', 'case.export', 'case.read'];
    const writes = allRoutes().filter(
      (r) => r.method !== 'get' && r.access === 'user' && !readsByPost.includes(r.policy?.action ?? ''),
    );
    expect(writes.length).toBeGreaterThanOrEqual(15);
    for (const spec of writes) {
      const response = await auditor.request<ErrorBody>(spec.method.toUpperCase(), pathOf(spec), {});
      expect(response.status, `${spec.method} ${spec.path}`).toBe(403);
    }
  });
});
