import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_ATTACHMENT_BYTES } from '../../engine/api/routes/attachmentRoutes.ts';
import { databaseLabel } from '../support/testDatabase.ts';
import { startTestServer, type TestServer } from '../support/testServer.ts';
import { PNG, applicant, openCase, writtenRows, type ErrorBody } from './support/securityFixture.ts';

const text = (s: string) => new TextEncoder().encode(s);

describe(`oversized and malformed uploads and JSON bodies end in clean 4xx with nothing written (${databaseLabel})`, () => {
  let test: TestServer;
  let caseId: string;
  beforeAll(async () => {
    test = await startTestServer();
    caseId = (await openCase(test)).id;
  }, 120_000);
  afterAll(async () => test?.stop());

  async function expectNothingWritten(run: () => Promise<void>): Promise<void> {
    const before = await writtenRows(test.server.db);
    await run();
    expect(await writtenRows(test.server.db)).toEqual(before);
  }

  it('uploads: too large, empty, disguised, scripted PDFs and bad document ids are refused', async () => {
    const staff = await test.as('kutai-kartanegara', 'staf-rehsos');
    const upload = (bytes: Uint8Array, query = 'doc=ktp-kk&name=ktp.png', contentType = 'image/png') =>
      staff.request<ErrorBody>('POST', `/api/cases/${caseId}/attachments?${query}`, undefined, {
        raw: bytes,
        contentType,
      });
    await expectNothingWritten(async () => {
      const huge = new Uint8Array(MAX_ATTACHMENT_BYTES + 1);
      huge.set(PNG);
      expect((await upload(huge)).status).toBe(413);
      expect((await upload(new Uint8Array(0))).status).toBe(400);
      const cases: Array<[string, Uint8Array]> = [
        ['windows program named .png', text('MZ\x90\x00 this program cannot be run in DOS mode')],
        ['HTML named .png', text('<!doctype html><script>alert(1)</script>')],
        ['SVG with script', text('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>')],
        ['ZIP (docx)', text('PK\x03\x04 word/document.xml')],
        [
          'PDF with JavaScript',
          text('%PDF-1.4\n1 0 obj << /OpenAction << /S /JavaScript /JS (app.alert(1)) >> >> endobj\n%%EOF'),
        ],
        ['PDF with embedded file', text('%PDF-1.4\n1 0 obj << /Type /EmbeddedFile >> endobj\n%%EOF')],
      ];
      for (const [what, bytes] of cases)
        expect((await upload(bytes, 'doc=ktp-kk&name=ktp.png', 'image/png')).status, what).toBe(415);
      expect((await upload(PNG, 'doc=../../etc&name=x.png')).status).toBe(400);
      expect((await upload(PNG, 'doc=ktp-kk&name=a%00b.png')).status).toBe(400);
    });
  });

  it('uploads: hostile file names are stored harmless (no directories, no control characters)', async () => {
    const staff = await test.as('kutai-kartanegara', 'staf-rehsos');
    for (const name of [
      '../../../etc/passwd.png',
      '..\\..\\windows\\system32\\a.png',
      '<script>alert(1)</script>.png',
      '.htaccess',
      'ktp\r\nSet-Cookie: x=1.png',
    ]) {
      const stored = await staff.request<{ id: string; fileName: string }>(
        'POST',
        `/api/cases/${caseId}/attachments?doc=ktp-kk&name=${encodeURIComponent(name)}`,
        undefined,
        { raw: PNG, contentType: 'image/png' },
      );
      expect(stored.status, name).toBe(201);
      expect(stored.body.fileName).not.toMatch(/[\\/<>\r\n]|^\./);
      const download = await staff.get(`/api/attachments/${stored.body.id}`);
      expect(download.status).toBe(200);
      expect(download.headers.get('content-type')).toBe('image/png');
      expect(download.headers.get('x-content-type-options')).toBe('nosniff');
      expect(download.headers.get('content-security-policy')).toMatch(/sandbox/);
      expect(download.headers.get('set-cookie')).toBeNull();
    }
  });

  it('JSON: malformed, wrong type, oversized, too deep, NUL characters and invalid path encoding', async () => {
    const staff = await test.as('kutai-kartanegara', 'staf-rehsos');
    await expectNothingWritten(async () => {
      const post = (body: string, contentType = 'application/json') =>
        staff.request<ErrorBody>('POST', '/api/cases', body, { contentType });
      expect((await post('{"sopId": ')).status).toBe(400);
      expect((await post('null')).status).toBe(400);
      expect((await post('[1,2,3]')).status).toBe(400);
      expect((await post('"teks"')).status).toBe(400);
      expect((await post('{"sopId":"bantuan-permakanan","data":"bukan objek"}')).status).toBe(400);
      expect((await post(JSON.stringify({ sopId: 'bantuan-permakanan', data: applicant }), 'text/plain')).status).toBe(
        400,
      );
      expect((await post(JSON.stringify({ sopId: 'bantuan-permakanan', data: applicant, extra: 1 }))).status).toBe(400);
      expect(
        (
          await post(
            JSON.stringify({ sopId: 'bantuan-permakanan', data: { ...applicant, notes: 'x'.repeat(300_000) } }),
          )
        ).status,
      ).toBe(413);
      const deep = `{"sopId":"bantuan-permakanan","data":{"a":${'['.repeat(20_000)}${']'.repeat(20_000)}}}`;
      const tooDeep = await post(deep);
      expect(tooDeep.status).toBe(400);
      expect(
        (
          await post(
            JSON.stringify({ sopId: 'bantuan-permakanan', data: { ...applicant, fullName: 'Siti\u0000Aminah' } }),
          )
        ).status,
      ).toBe(400);
      expect((await post('{"sopId":"bantuan-permakanan","data":{"fullName":"\\ud800"}}')).status).toBeLessThan(500);
      expect((await staff.get<ErrorBody>('/api/cases/%E0%A4%A')).status).toBe(400);
      expect((await staff.get<ErrorBody>('/api/cases?q=%00')).status).toBe(400);
      expect((await staff.get<ErrorBody>('/api/cases/abc%00def')).status).toBe(400);
      expect(
        (
          await staff.request<ErrorBody>('POST', `/api/cases/${caseId}/cancel`, '{"reason":', {
            contentType: 'application/json',
          })
        ).status,
      ).toBe(400);
    });
  });

  it('every refusal above has the one error shape, without stack traces or internals', async () => {
    const staff = await test.as('kutai-kartanegara', 'staf-rehsos');
    for (const response of [
      await staff.request<ErrorBody>('POST', '/api/cases', '{"sopId": ', { contentType: 'application/json' }),
      await staff.get<ErrorBody>('/api/cases?q=%00'),
    ]) {
      expect(Object.keys(response.body)).toEqual(['error']);
      expect(response.text).not.toMatch(/at .*\.ts:\d+|node_modules|SyntaxError|stack/);
    }
  });
});
