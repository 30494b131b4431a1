import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../engine/app/appErrors.ts';
import type { AuthUser } from '../../engine/app/authUser.ts';
import { prepareLetter } from '../../engine/app/letters/letterDrafts.ts';
import { signLetter } from '../../engine/app/letters/signLetter.ts';
import { bsreSigner } from '../../engine/app/signing/bsreSigner.ts';
import { createDemoCa, issueDemoP12 } from '../../engine/app/signing/demoCertificateAuthority.ts';
import type { PdfSigner } from '../../engine/app/signing/pdfSigner.ts';
import { signWithP12 } from '../../engine/app/signing/signWithP12.ts';
import { withRegencyScope } from '../../engine/storage/regencyScope.ts';
import type { TaskState } from '../../engine/core/caseTypes.ts';
import { kutaiApplicant, permakananFirstStepChecklist } from '../support/kutaiApplicant.ts';
import { pdfSignatures } from '../support/pdfTools.ts';
import { databaseLabel } from '../support/testDatabase.ts';
import { startTestServer, type TestServer } from '../support/testServer.ts';

const NIK = '6402010102509999';
const PASSPHRASE = 'rahasia-bsre';

/**
 * A local stand-in of BSrE's Esign Client Service v2 sign endpoint (POST /api/v2/sign/pdf, Basic auth,
 * JSON { nik, passphrase, signatureProperties[], file[] } → { file[] }), signing with a demo key so the
 * answer is a real PAdES PDF; a wrong passphrase answers 400 as the service does.
 */
async function startBsreStandIn(): Promise<{
  url: string;
  requests: Array<Record<string, unknown>>;
  close: () => Promise<void>;
}> {
  const p12 = issueDemoP12(createDemoCa('bsre-uji'), { name: 'Penanda Tangan BSrE Uji' }).p12;
  const requests: Array<Record<string, unknown>> = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      void (async () => {
        const reply = (status: number, body: unknown): void => {
          res.writeHead(status, { 'content-type': 'application/json' });
          res.end(JSON.stringify(body));
        };
        if (req.method !== 'POST' || req.url !== '/api/v2/sign/pdf') return reply(404, { error: 'not found' });
        if (req.headers.authorization !== `Basic ${Buffer.from('alur:klien-rahasia').toString('base64')}`)
          return reply(401, { error: 'Unauthorized' });
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
        requests.push(body);
        const props = body.signatureProperties as
          Array<{ tampilan?: string; reason?: string; location?: string }> | undefined;
        const files = body.file as string[] | undefined;
        if (typeof body.nik !== 'string' || !/^\d{16}$/.test(body.nik) || !props?.[0]?.tampilan || !files?.[0])
          return reply(400, { error: 'Request tidak lengkap' });
        if (body.nik !== NIK || body.passphrase !== PASSPHRASE) return reply(400, { error: 'Passphrase anda salah' });
        const signed = await signWithP12(Buffer.from(files[0], 'base64'), p12, '', {
          name: 'Penanda Tangan BSrE Uji',
          reason: props[0].reason ?? '',
          location: props[0].location ?? '',
        });
        reply(200, { file: [signed.toString('base64')] });
      })();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe(`electronic signature: BSrE adapter and failed signings (${databaseLabel})`, () => {
  let test: TestServer;
  let bsre: Awaited<ReturnType<typeof startBsreStandIn>>;
  let kadis: AuthUser;
  let caseId: string;
  beforeAll(async () => {
    [test, bsre] = await Promise.all([startTestServer(), startBsreStandIn()]);
    // A case whose SK is ready to sign (paraf given), driven through the API like a user.
    const as = (role: string) => test.as('kutai-kartanegara', role);
    type CaseBody = { id: string; tasks: TaskState[] };
    const next = async (c: CaseBody, input: Record<string, unknown>): Promise<CaseBody> => {
      let current = c;
      for (const task of c.tasks.filter((t) => t.status === 'open'))
        current = (await (await as(task.role)).post<CaseBody>(`/api/tasks/${task.id}/complete`, input)).body;
      return current;
    };
    let c = (
      await (
        await as('staf-rehsos')
      ).post<CaseBody>('/api/cases', { sopId: 'bantuan-permakanan', data: kutaiApplicant })
    ).body;
    c = await next(c, { checklist: permakananFirstStepChecklist });
    c = await next(c, { checklist: { 'berkas-permohonan': true } });
    c = await next(c, {
      checklist: { 'formulir-asesmen': true },
      formData: { assessmentDate: '2026-12-01', selfCareAbility: 'Tidak mampu', eligible: true },
    });
    c = await next(c, { checklist: { 'draft-sk': true } });
    caseId = c.id;
    const me = (await (await as('kepala-dinas')).get<{ user: AuthUser }>('/api/auth/me')).body.user;
    kadis = { id: me.id, regencyId: 'kutai-kartanegara', username: me.username, name: me.name, roles: me.roles };
  }, 180_000);
  afterAll(async () => {
    await test?.stop();
    await bsre?.close();
  });

  const inScope = <T>(work: Parameters<typeof withRegencyScope<T>>[2]): Promise<T> =>
    withRegencyScope(test.server.db, 'kutai-kartanegara', work);
  const counter = (): Promise<number> =>
    inScope(async (trx) =>
      Number(((await trx('letter_counters').max('last_seq as n').first()) as { n: number | null }).n ?? 0),
    );
  const issuedCount = (): Promise<number> =>
    inScope(async (trx) =>
      Number(((await trx('issued_documents').count('* as n').first()) as { n: string | number }).n),
    );
  const settings = (password: string) => ({ baseUrl: bsre.url, username: 'alur', password, timeoutMs: 5000 });

  it('the BSrE adapter sends the documented request and returns the PAdES-signed PDF', async () => {
    const signer = bsreSigner(settings('klien-rahasia'));
    const pdf = await signer
      .signPdf(Buffer.from('%PDF-1.3\n'), { userId: 'u', regencyId: 'r', name: 'x', reason: 'r', location: 'l' })
      .catch((e: unknown) => e);
    // Without NIK and passphrase nothing is sent.
    expect(pdf).toBeInstanceOf(Error);
    expect(bsre.requests).toHaveLength(0);
  });

  it('a wrong passphrase, a broken service and an unreachable one each leave no number used and nothing issued', async () => {
    const draft = await inScope((trx) => prepareLetter(trx, kadis, caseId, 'sk-penerima'));
    // The paraf the SOP asks for, given directly (the API test covers who may give it).
    await inScope((trx) =>
      trx('letter_drafts')
        .where({ id: draft.id })
        .update({
          initials: JSON.stringify([
            {
              userId: 'k',
              name: 'Kabid',
              role: 'kabid-rehsos',
              roleName: 'Kepala Bidang Rehabilitasi Sosial',
              at: new Date().toISOString(),
            },
          ]),
        }),
    );
    const before = await counter();
    const attempts: Array<{ signer: PdfSigner; nik?: string; passphrase?: string; code: string }> = [
      { signer: bsreSigner(settings('klien-rahasia')), nik: NIK, passphrase: 'salah', code: 'UNPROCESSABLE' },
      { signer: bsreSigner(settings('kredensial-salah')), nik: NIK, passphrase: PASSPHRASE, code: 'UNPROCESSABLE' },
      {
        signer: bsreSigner({ ...settings('klien-rahasia'), baseUrl: 'http://127.0.0.1:9' }),
        nik: NIK,
        passphrase: PASSPHRASE,
        code: 'UNAVAILABLE',
      },
      {
        signer: { kind: 'local', signPdf: () => Promise.reject(new Error('kunci rusak')) },
        code: 'UNAVAILABLE',
      },
    ];
    for (const attempt of attempts) {
      // Caught inside the scope, so the surrounding transaction commits: only signLetter's own rollback can undo the number.
      const error = await inScope((trx) =>
        signLetter(trx, kadis, draft.id, {
          signer: attempt.signer,
          verifyUrl: (c) => `https://alur.example.go.id/verifikasi/${c}`,
          ...(attempt.nik ? { nik: attempt.nik } : {}),
          ...(attempt.passphrase ? { passphrase: attempt.passphrase } : {}),
        }).catch((e: unknown) => e),
      );
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe(attempt.code);
    }
    expect(await counter()).toBe(before);
    expect(await issuedCount()).toBe(0);

    // The right passphrase signs through BSrE: the first number of the register, a valid signature.
    const document = await inScope((trx) =>
      signLetter(trx, kadis, draft.id, {
        signer: bsreSigner(settings('klien-rahasia')),
        verifyUrl: (c) => `https://alur.example.go.id/verifikasi/${c}`,
        nik: NIK,
        passphrase: PASSPHRASE,
      }),
    );
    expect(document.number).toMatch(/^400\.9\/001\//);
    expect(document.signatureKind).toBe('bsre');
    const last = bsre.requests.at(-1)!;
    expect(last).toMatchObject({
      nik: NIK,
      passphrase: PASSPHRASE,
      signatureProperties: [{ tampilan: 'INVISIBLE', location: 'Tenggarong' }],
    });
    const pdf = await inScope(
      async (trx) => (await trx('issued_documents').where({ id: document.id }).first('pdf')) as { pdf: Buffer },
    );
    const report = pdfSignatures(Buffer.from(pdf.pdf));
    expect(report).toContain('Signature is Valid');
    expect(report).toContain('Penanda Tangan BSrE Uji');
  });
});
