import { Writable } from 'node:stream';
import type { Request, Response } from 'express';
import { describe, expect, it } from 'vitest';
import { errorHandler } from '../../engine/api/errorHandler.ts';
import { assertJsonDepth } from '../../engine/api/jsonDepth.ts';
import { assertCleanText } from '../../engine/api/cleanText.ts';
import { handlerFor } from '../../engine/api/routeHandler.ts';
import type { RouteSpec } from '../../engine/api/routeSpec.ts';
import { safeErrorForLog } from '../../engine/api/safeErrorForLog.ts';
import { hasActivePdfContent } from '../../engine/app/activePdfContent.ts';
import { AppError } from '../../engine/app/appErrors.ts';
import { escapeHtml } from '../../engine/app/letters/escapeHtml.ts';
import { renderTemplateHtml } from '../../engine/app/letters/renderTemplateHtml.ts';
import { hashPassword, verifyPassword } from '../../engine/app/passwords.ts';
import { profileFromRoles } from '../../engine/app/permissions/accessProfile.ts';
import { kindsAllow } from '../../engine/app/permissions/actions.ts';
import { hasArchiveAuthority } from '../../engine/app/permissions/archiveAuthority.ts';
import { scopeOf } from '../../engine/app/permissions/caseScope.ts';
import { mayOpenCase } from '../../engine/app/permissions/openScope.ts';
import { redactEventPayload } from '../../engine/core/anonymise/redactEventPayload.ts';
import { fieldFate, statisticalData } from '../../engine/core/anonymise/statisticalData.ts';
import type { RawRegency } from '../../engine/definition/sopTypes.ts';
import { createLogger } from '../../engine/server/createLogger.ts';

const roles: RawRegency['roles'] = [
  { id: 'kadis', name: 'Kepala Dinas', kind: 'kadis' },
  { id: 'sekretaris', name: 'Sekretaris', unit: 'set', kind: 'sekretaris' },
  { id: 'kabid-a', name: 'Kabid A', unit: 'a', kind: 'kabid' },
  { id: 'staf-a', name: 'Staf A', unit: 'a', kind: 'staff' },
  { id: 'staf-b', name: 'Staf B', unit: 'b' },
  { id: 'arsiparis', name: 'Pengelola Arsip', unit: 'set', kind: 'staff' },
  { id: 'auditor', name: 'Auditor', kind: 'auditor' },
  { id: 'admin', name: 'Admin', unit: 'set', kind: 'admin' },
  { id: 'penyusun', name: 'Penyusun', kind: 'drafter' },
];
const user = { id: 'u1', regencyId: 'r' };
const profile = (ids: string[], archiveApprovers?: string[], delegators: string[] = []) =>
  profileFromRoles(
    { ...user, roles: ids },
    delegators.map((id) => ({ fromUserId: id, fromName: id, roles: [] })),
    { roles, ...(archiveApprovers ? { archiveControl: { approvers: archiveApprovers } } : {}) },
  );
const sops = [
  { sopId: 'a1', unit: 'a', confidential: false },
  { sopId: 'a2-anak', unit: 'a', confidential: true },
  { sopId: 'b1', unit: 'b', confidential: false },
];

describe('permission policy (pure)', () => {
  it('builds profiles from role kinds and units; a role without kind is staff; delegations add roles and assignees', () => {
    const p = profile(['staf-b', 'kabid-a'], undefined, ['boss']);
    expect([...p.kinds].sort()).toEqual(['kabid', 'staff']);
    expect(p.staffUnits).toEqual(['b']);
    expect(p.kabidUnits).toEqual(['a']);
    expect(p.assignees).toEqual(['u1', 'boss']);
    expect(profile(['unknown-role']).kinds.size).toBe(0);
    const covering = profileFromRoles(
      { ...user, roles: ['staf-b'] },
      [{ fromUserId: 'boss', fromName: 'Kabid A', roles: ['kabid-a'] }],
      { roles },
    );
    expect(covering.roles).toEqual(['staf-b', 'kabid-a']);
    expect(covering.kabidUnits).toEqual(['a']);
    expect(covering.delegations.map((d) => d.fromName)).toEqual(['Kabid A']);
  });

  it('case scope: kadis and auditor all; sekretaris and admin all but confidential; kabid their unit; staff their unit’s non-confidential SOPs; drafter nothing but tasks', () => {
    expect(scopeOf(profile(['kadis']), sops)).toMatchObject({ all: true, exceptSops: [] });
    expect(scopeOf(profile(['auditor']), sops)).toMatchObject({ all: true, exceptSops: [] });
    expect(scopeOf(profile(['admin']), sops)).toMatchObject({ all: true, exceptSops: ['a2-anak'] });
    expect(scopeOf(profile(['kabid-a']), sops)).toMatchObject({ all: false, sops: ['a1', 'a2-anak'] });
    expect(scopeOf(profile(['staf-a']), sops)).toMatchObject({ all: false, sops: ['a1'] });
    expect(scopeOf(profile(['penyusun']), sops)).toMatchObject({ all: false, sops: [], roles: ['penyusun'] });
  });

  it('actions: deny by default; the auditor reads but holds no writing action; drafters cannot read cases', () => {
    const auditor = profile(['auditor']).kinds;
    expect(kindsAllow('case.read', auditor, true)).toBe(true);
    expect(kindsAllow('audit.read', auditor, true)).toBe(true);
    for (const write of [
      'case.open',
      'case.cancel',
      'case.decide',
      'task.act',
      'attachment.upload',
      'archive.request',
      'archive.decide',
      'output.prepare',
      'output.initial',
      'output.sign',
      'definition.publish',
      'delegation.create',
    ] as const)
      expect(kindsAllow(write, auditor, true), write).toBe(false);
    expect(kindsAllow('case.read', profile(['penyusun']).kinds, true)).toBe(false);
    expect(kindsAllow('case.read', new Set(), false)).toBe(false);
    expect(kindsAllow('public', new Set(), false)).toBe(true);
    expect(kindsAllow('audit.read', profile(['admin']).kinds, true)).toBe(false);
  });

  it('archive authority: kadis always; by default sekretaris and the kabid of the case’s unit; a regency list replaces the default', () => {
    expect(hasArchiveAuthority(profile(['kadis']), 'a')).toBe(true);
    expect(hasArchiveAuthority(profile(['sekretaris']), 'a')).toBe(true);
    expect(hasArchiveAuthority(profile(['kabid-a']), 'a')).toBe(true);
    expect(hasArchiveAuthority(profile(['kabid-a']), 'b')).toBe(false);
    expect(hasArchiveAuthority(profile(['staf-a']), 'a')).toBe(false);
    expect(hasArchiveAuthority(profile(['admin']), 'a')).toBe(false);
    expect(hasArchiveAuthority(profile(['arsiparis'], ['arsiparis']), 'a')).toBe(true);
    expect(hasArchiveAuthority(profile(['sekretaris'], ['arsiparis']), 'a')).toBe(false);
    expect(hasArchiveAuthority(profile(['kadis'], ['arsiparis']), 'a')).toBe(true);
  });

  it('opening cases: office-wide roles any SOP; others their unit’s SOPs or where their role does the first step', () => {
    expect(mayOpenCase(profile(['admin']), 'b', 'x')).toBe(true);
    expect(mayOpenCase(profile(['staf-a']), 'a', 'x')).toBe(true);
    expect(mayOpenCase(profile(['staf-a']), 'b', 'x')).toBe(false);
    expect(mayOpenCase(profile(['staf-a']), 'b', 'staf-a')).toBe(true);
    expect(mayOpenCase(profile(['auditor']), undefined, undefined)).toBe(false);
  });
});

describe('deny by default at runtime', () => {
  it('a route without a policy answers 403 NO_POLICY before its handler runs', async () => {
    let ran = false;
    const spec: RouteSpec = {
      method: 'get',
      path: '/api/tanpa-kebijakan',
      summary: 'x',
      tag: 'x',
      access: 'public',
      responses: {},
      handler: () => {
        ran = true;
        return Promise.resolve({});
      },
    };
    const handle = handlerFor(spec, undefined as never);
    const error = await handle(
      { params: {}, query: {}, get: () => undefined, headers: {} } as unknown as Request,
      {} as Response,
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).status).toBe(403);
    expect((error as AppError).reason).toBe('NO_POLICY');
    expect(ran).toBe(false);
  });
});

describe('anonymisation rules (pure)', () => {
  const schema = {
    type: 'object' as const,
    properties: {
      nik: { type: 'string', pattern: '^[0-9]{16}$' },
      fullName: { type: 'string' },
      birthDate: { type: 'string', format: 'date' },
      targetCategory: { type: 'string', enum: ['Lanjut Usia'] },
      pkhRecipient: { type: 'boolean' },
      dtsenDecile: { type: 'integer' },
      notes: { type: 'string' },
    },
  };

  it('keeps closed vocabularies and numbers, shrinks dates to years, removes free text and unknown fields', () => {
    expect(fieldFate(undefined)).toBe('remove');
    const result = statisticalData(
      {
        nik: '6402010102500001',
        fullName: 'Siti',
        birthDate: '1950-02-01',
        targetCategory: 'Lanjut Usia',
        pkhRecipient: false,
        dtsenDecile: 2,
        notes: 'rumah di RT 3',
        extra: 'x',
      },
      [schema],
    );
    expect(result.data).toEqual({
      birthDate: '1950',
      targetCategory: 'Lanjut Usia',
      pkhRecipient: false,
      dtsenDecile: 2,
    });
    expect(result.removed.sort()).toEqual(['extra', 'fullName', 'nik', 'notes']);
  });

  it('redacts event payloads: form answers become field names, notes and explanations go, reasons lose number runs; the rest stays', () => {
    const redacted = redactEventPayload({
      formData: { fullName: 'Siti', findings: 'x' },
      checklist: { ktp: true },
      note: 'Siti, HP 081234567890',
      reason: 'NIK 6402010102500001 ganda',
      outcome: 'ditolak',
      criteria: [{ id: 'usia', passed: true, explanations: ['Usia 75'] }],
      tasks: [{ id: 't1', dueAt: '2025-01-01' }],
    });
    expect(redacted).toEqual({
      formFields: ['fullName', 'findings'],
      checklist: { ktp: true },
      reason: 'NIK •••••••••••••••• ganda',
      outcome: 'ditolak',
      criteria: [{ id: 'usia', passed: true }],
      tasks: [{ id: 't1', dueAt: '2025-01-01' }],
    });
  });
});

describe('input and output hardening (pure)', () => {
  it('escapes HTML and renders letter templates with every placeholder and the template text escaped', () => {
    expect(escapeHtml(`<a href="x" onclick='y'>&\``)).toBe(
      '&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;&#96;',
    );
    const html = renderTemplateHtml('Menetapkan {{fullName}} <b>tebal</b>\nNIK {{nik}} {{missing}}', {
      fullName: '<script>alert(1)</script>',
      nik: '"><img src=x onerror=alert(1)>',
    });
    expect(html).toBe(
      'Menetapkan &lt;script&gt;alert(1)&lt;/script&gt; &lt;b&gt;tebal&lt;/b&gt;<br>\nNIK &quot;&gt;&lt;img src=x onerror=alert(1)&gt; …',
    );
    expect(html).not.toMatch(/<(?!br>)/);
  });

  it('finds active content in PDFs, also behind #xx name escapes', () => {
    const pdf = (body: string) => new TextEncoder().encode(`%PDF-1.7\n${body}\n%%EOF`);
    expect(hasActivePdfContent(pdf('1 0 obj << /Type /Page >> endobj'))).toBe(false);
    expect(hasActivePdfContent(pdf('<< /OpenAction << /S /JavaScript /JS (app.alert(1)) >> >>'))).toBe(true);
    expect(hasActivePdfContent(pdf('<< /S /J#61vaScript >>'))).toBe(true);
    expect(hasActivePdfContent(pdf('<< /Launch /F (cmd.exe) >>'))).toBe(true);
    expect(hasActivePdfContent(pdf('<< /AAPL:Keywords (x) >>'))).toBe(false);
  });

  it('refuses deep nesting and NUL characters with 400', () => {
    let deep: unknown = 'x';
    for (let i = 0; i < 40; i++) deep = [deep];
    expect(() => assertJsonDepth(deep)).toThrow(AppError);
    expect(() => assertJsonDepth({ a: { b: { c: [1, 2, { d: 1 }] } } })).not.toThrow();
    expect(() => assertCleanText({ a: ['ok', 'bad\u0000'] }, '/body')).toThrow(/NUL/);
    expect(() => assertCleanText({ ['k\u0000']: 1 }, '/body')).toThrow(/NUL/);
    expect(() => assertCleanText({ a: 'baik' }, '/body')).not.toThrow();
  });

  it('hashes passwords with salted scrypt and verifies in constant time', async () => {
    const a = await hashPassword('rahasia-panjang');
    const b = await hashPassword('rahasia-panjang');
    expect(a).toMatch(/^scrypt\$16384\$8\$1\$/);
    expect(a).not.toBe(b);
    expect(await verifyPassword('rahasia-panjang', a)).toBe(true);
    expect(await verifyPassword('rahasia-panjanG', a)).toBe(false);
    expect(await verifyPassword('x', 'md5$abc')).toBe(false);
  });
});

describe('no personal data or internals in logs and error responses', () => {
  function capture(): { lines: string[]; stream: Writable } {
    const lines: string[] = [];
    return {
      lines,
      stream: new Writable({
        write: (chunk: Buffer, _enc, done) => {
          lines.push(chunk.toString());
          done();
        },
      }),
    };
  }

  it('the logger removes personal-data keys at the top level and one level down', () => {
    const { lines, stream } = capture();
    const logger = createLogger('info', stream);
    logger.info(
      {
        nik: '6402010102500001',
        data: { fullName: 'Siti' },
        case: { applicantNik: '6402010102500001', id: 'c1' },
        password: 'x',
        count: 3,
      },
      'uji',
    );
    expect(lines.join('')).not.toMatch(/6402010102500001|Siti|"password"/);
    expect(lines.join('')).toMatch(/"count":3/);
    expect(lines.join('')).toMatch(/"id":"c1"/);
  });

  it('an unexpected error is logged with number runs masked and without driver detail, and answered without a stack', () => {
    const { lines, stream } = capture();
    const error = Object.assign(new Error('duplicate key value for 6402010102500001'), {
      code: '23505',
      detail: 'Key (applicant_nik)=(6402010102500001) already exists.',
    });
    expect(safeErrorForLog(error)).toMatchObject({
      code: '23505',
      message: 'duplicate key value for ••••••••••••0001',
    });
    let sent: unknown;
    const headers: Record<string, string> = {};
    const res = {
      headersSent: false,
      statusCode: 0,
      setHeader: (name: string, value: string) => {
        headers[name.toLowerCase()] = value;
        return res;
      },
      end: (text: string) => {
        sent = JSON.parse(text);
        return res;
      },
    } as unknown as Response;
    errorHandler(createLogger('info', stream))(
      error,
      { method: 'GET', route: undefined } as unknown as Request,
      res,
      () => undefined,
    );
    expect(res.statusCode).toBe(500);
    expect(JSON.stringify(sent)).not.toMatch(/stack|6402|duplicate|at /);
    expect(JSON.stringify(sent)).toContain(headers['x-correlation-id']);
    expect(lines.join('')).not.toMatch(/6402010102500001|applicant_nik/);
    expect(lines.join('')).toMatch(/23505/);
  });
});
