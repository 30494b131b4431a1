import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TaskState } from '../../engine/core/caseTypes.ts';
import { ApiClient } from '../support/apiClient.ts';
import { databaseLabel } from '../support/testDatabase.ts';
import { startTestServer, type TestServer } from '../support/testServer.ts';
import { applicant, firstChecklist, writtenRows, type ErrorBody } from './support/securityFixture.ts';

/** Markup, script, SQL and template payloads: each must be stored as plain data and come back unchanged. */
const PAYLOADS = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(document.cookie)>',
  "javascript:alert('x')",
  "Siti' OR '1'='1",
  "x'); DROP TABLE cases; --",
  'Robert"; DELETE FROM case_events WHERE "1"="1',
  '{{constructor.constructor("return process")()}}',
  '${7*7} #{7*7} <%= 7*7 %>',
  '../../../../etc/passwd',
  '\u202Egnp.exe',
];

type CaseBody = { id: string; data: Record<string, unknown>; tasks: TaskState[] };

describe(`injection and XSS payloads are stored as data and returned escaped (${databaseLabel})`, () => {
  let test: TestServer;
  beforeAll(async () => {
    test = await startTestServer();
  }, 120_000);
  afterAll(async () => test?.stop());

  it('every free-text field of the case form keeps each payload verbatim; JSON answers never carry raw markup', async () => {
    const staff = await test.as('kutai-kartanegara', 'staf-rehsos');
    const textFields = ['fullName', 'address', 'village', 'district'];
    for (const payload of PAYLOADS) {
      const data = { ...applicant, ...Object.fromEntries(textFields.map((f) => [f, payload])) };
      const opened = await staff.post<CaseBody>('/api/cases', { sopId: 'bantuan-permakanan', data });
      expect(opened.status, payload).toBe(201);
      const read = await staff.get<CaseBody>(`/api/cases/${opened.body.id}`);
      for (const f of textFields) expect(read.body.data[f], `${f}: ${payload}`).toBe(payload);
      expect(read.headers.get('content-type')).toMatch(/^application\/json/);
      expect(read.text).not.toMatch(/<script|<img|"><|<%/);
      // The task form too: free text in the step's note and answers.
      const done = await staff.post<CaseBody>(`/api/tasks/${opened.body.tasks[0]!.id}/complete`, {
        checklist: firstChecklist,
        note: payload,
      });
      expect(done.status).toBe(200);
      const timeline = await staff.get<{ events: Array<{ type: string; payload: { note?: string } }> }>(
        `/api/cases/${opened.body.id}/timeline`,
      );
      expect(timeline.body.events.find((e) => e.type === 'task.completed')!.payload.note).toBe(payload);
      expect(timeline.text).not.toMatch(/<script|<img/);
    }
  });

  it('payloads in pattern-checked fields (NIK, KK, phone) are refused per field, with nothing written', async () => {
    const staff = await test.as('kutai-kartanegara', 'staf-rehsos');
    const before = await writtenRows(test.server.db);
    for (const payload of PAYLOADS) {
      for (const field of ['nik', 'kkNumber', 'phone', 'birthDate']) {
        const refused = await staff.post<ErrorBody>('/api/cases', {
          sopId: 'bantuan-permakanan',
          data: { ...applicant, [field]: payload },
        });
        expect(refused.status, `${field}: ${payload}`).toBe(400);
        expect(refused.body.error.reason).toBe('FORM_INVALID');
        expect(refused.text).not.toMatch(/<script|<img/);
      }
    }
    expect(await writtenRows(test.server.db)).toEqual(before);
  });

  it('SQL payloads in search terms, filters and path parameters are harmless: no rows leak, no table changes', async () => {
    const staff = await test.as('kutai-kartanegara', 'staf-dayasos');
    const before = await writtenRows(test.server.db);
    for (const payload of PAYLOADS) {
      const q = encodeURIComponent(payload);
      const search = await staff.get<{ items: unknown[] }>(`/api/cases?q=${q}&sopId=${q}&status=${q}`);
      expect(search.status, payload).toBe(200);
      // staf-dayasos sees no rehsos case, whatever the query says.
      expect(search.body.items).toEqual([]);
      for (const path of [
        `/api/cases/${q}`,
        `/api/cases/${q}/timeline`,
        `/api/attachments/${q}`,
        `/api/definitions/${q}`,
        `/api/public/status/${q}`,
      ]) {
        const response = await staff.get<ErrorBody>(path);
        expect([400, 404], `${path}`).toContain(response.status);
      }
      expect((await staff.post<ErrorBody>('/api/cases', { sopId: payload, data: applicant })).status).toBe(404);
    }
    // Only the searches were recorded (access log); nothing else moved.
    const after = await writtenRows(test.server.db);
    expect({ ...after, access_log: 0 }).toEqual({ ...before, access_log: 0 });
    // A tautology in the search term finds only the case whose name literally contains it.
    const kadis = await test.as('kutai-kartanegara', 'kepala-dinas');
    const all = await kadis.get<{ items: Array<{ applicantName: string }> }>(
      `/api/cases?q=${encodeURIComponent("' OR '1'='1")}`,
    );
    expect(all.body.items.map((i) => i.applicantName)).toEqual(["Siti' OR '1'='1"]);
    expect((await kadis.get<{ items: unknown[] }>('/api/cases')).body.items.length).toBeGreaterThan(5);
  });

  it('payloads in a YAML definition are published as data and served escaped; dangerous YAML is refused cleanly', async () => {
    const approver = await test.as('kutai-kartanegara', 'pengesah-sop');
    const v1 = await approver.get<{ source: string }>('/api/definitions/bantuan-permakanan/versions/1');
    const xss = "<img src=x onerror=alert(1)> Bantuan'; DROP TABLE cases; --";
    const source = v1.body.source
      .replace(/^name: .*$/m, `name: ${JSON.stringify(xss)}`)
      .replace(/activity: [^\n]*/, `activity: ${JSON.stringify('<script>fetch("//evil")</script>')}`);
    const published = await approver.post('/api/definitions/bantuan-permakanan/publish', { source });
    expect(published.status).toBe(201);
    const read = await approver.get<{ definition: { name: string; steps: Array<{ activity: string }> } }>(
      '/api/definitions/bantuan-permakanan',
    );
    expect(read.body.definition.name).toBe(xss);
    expect(read.body.definition.steps[0]!.activity).toBe('<script>fetch("//evil")</script>');
    expect(read.text).not.toMatch(/<img|<script/);
    const list = await approver.get('/api/definitions');
    expect(list.text).toContain('\\u003cimg src=x');

    const drafter = await test.as('kutai-kartanegara', 'penyusun-sop');
    const bomb = `a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\ng: [*f,*f,*f,*f,*f,*f,*f,*f,*f]\n`;
    for (const hostile of [
      bomb,
      'id: x\nname: !!js/function "function(){ return process.exit(1) }"\n',
      '!!python/object/apply:os.system ["rm -rf /"]\n',
      `${'['.repeat(5000)}`,
    ]) {
      const started = Date.now();
      const checked = await drafter.post<{ valid: boolean }>('/api/definitions/validate', { source: hostile });
      expect(checked.status).toBeLessThan(500);
      if (checked.status === 200) expect(checked.body.valid).toBe(false);
      expect(Date.now() - started).toBeLessThan(5_000);
    }
    // The server is still up and unchanged.
    expect((await new ApiClient(test.server.url).get('/api/health')).status).toBe(200);
  });

  it('prototype-pollution keys are plain data', async () => {
    const staff = await test.as('kutai-kartanegara', 'staf-rehsos');
    const raw = `{"sopId":"bantuan-permakanan","data":${JSON.stringify({ ...applicant }).replace(/}$/, ',"__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}}}')}}`;
    const response = await staff.request('POST', '/api/cases', raw, { contentType: 'application/json' });
    expect(response.status).toBeLessThan(500);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
