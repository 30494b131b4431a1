import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXPORT_REPORTS } from '../../engine/app/monitoring/exports/exportReportNames.ts';
import { ApiClient } from '../support/apiClient.ts';
import { databaseLabel } from '../support/testDatabase.ts';
import { startTestServer, type TestServer } from '../support/testServer.ts';
import { caseFixture } from '../security/support/securityFixture.ts';
import { requestsFor, type FuzzOperation, type FuzzRequest, type JsonSchema } from './support/fuzzRequests.ts';

/** Total generated requests (at least 10,000 in CI); ALUR_FUZZ_RUNS changes it, ALUR_FUZZ_SEED the seed. */
const TOTAL = Number(process.env.ALUR_FUZZ_RUNS ?? 10_000);
const SEED = Number(process.env.ALUR_FUZZ_SEED ?? 20_261_206);
const IN_FLIGHT = 6;

/** Signed-in roles of every kind (and another regency's staff), plus a client without a session. */
const ROLES: Array<[string, string]> = [
  ['kutai-kartanegara', 'staf-rehsos'],
  ['kutai-kartanegara', 'tksk'],
  ['kutai-kartanegara', 'kabid-rehsos'],
  ['kutai-kartanegara', 'kepala-dinas'],
  ['kutai-kartanegara', 'penyusun-sop'],
  ['kutai-kartanegara', 'pengesah-sop'],
  ['kutai-kartanegara', 'auditor'],
  ['kutai-kartanegara', 'admin'],
  ['bangkalan', 'petugas-loket'],
];
const ANONYMOUS = 'tanpa-sesi';

type OpenApi = {
  paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema?: JsonSchema }> } }>>;
};

function operationsOf(document: OpenApi): FuzzOperation[] {
  return Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, operation]) => {
      const content = operation.requestBody?.content ?? {};
      const bodySchema = content['application/json']?.schema;
      return {
        method,
        path,
        rawBody: 'application/octet-stream' in content,
        ...(bodySchema ? { bodySchema } : {}),
      };
    }),
  );
}

describe(`fuzzing every route of the OpenAPI document never yields a 5xx (${databaseLabel})`, () => {
  let test: TestServer;
  const clients = new Map<string, ApiClient>();
  let known: Record<string, string[]>;
  beforeAll(async () => {
    test = await startTestServer();
    const fixture = await caseFixture(test);
    for (const [regency, role] of ROLES) clients.set(`${regency}.${role}`, await test.as(regency, role));
    clients.set(ANONYMOUS, new ApiClient(test.server.url));
    known = {
      caseId: [fixture.caseId],
      taskId: [fixture.taskId],
      attachmentId: [fixture.attachmentId],
      requestId: [fixture.requestId],
      documentId: [fixture.documentId],
      code: [fixture.verificationCode],
      trackingCode: [fixture.trackingCode],
      userId: [fixture.staffUserId],
      sopId: ['bantuan-permakanan', 'pengaduan-langsung', 'santunan-kukar-idaman', 'tidak-ada'],
      version: ['1', '2'],
      outputId: ['sk-penetapan', 'surat-penolakan', 'tidak-ada'],
      report: [...EXPORT_REPORTS],
      format: ['csv', 'xlsx', 'pdf'],
      year: ['2026', '2025', '1999'],
      any: [
        fixture.caseId,
        fixture.taskId,
        fixture.trackingCode,
        'bantuan-permakanan',
        'ktp-kk',
        'copy',
        'kutai-kartanegara',
      ],
    };
  }, 180_000);
  afterAll(async () => test?.stop());

  async function send(request: FuzzRequest): Promise<number> {
    // Logging in or out would change a shared client's session: those routes always use a fresh client.
    const fresh = request.path.startsWith('/api/auth/log');
    const client = fresh ? new ApiClient(test.server.url) : clients.get(request.client)!;
    const response = await client.request(request.method, request.path, request.body, {
      ...(request.raw ? { raw: request.raw } : {}),
      ...(request.contentType ? { contentType: request.contentType } : {}),
    });
    return response.status;
  }

  it(`${TOTAL} generated requests (seed ${SEED}) across every route and body answer below 500`, async () => {
    const document = (await clients.get(ANONYMOUS)!.get<OpenApi>('/api/openapi.json')).body;
    const operations = operationsOf(document);
    expect(operations.length).toBeGreaterThan(60);
    const perOperation = Math.ceil(TOTAL / operations.length);
    const names = [...clients.keys()];
    const requests = operations.flatMap((operation, i) =>
      fc.sample(requestsFor(operation, names, known), { seed: SEED + i, numRuns: perOperation }),
    );
    expect(requests.length).toBeGreaterThanOrEqual(TOTAL);
    const failures: string[] = [];
    const statuses = new Map<number, number>();
    const timePerOperation = new Map<string, number>();
    const started = Date.now();
    let next = 0;
    const worker = async () => {
      while (next < requests.length) {
        const request = requests[next++]!;
        const begun = performance.now();
        const status = await send(request);
        const key = `${request.method} ${request.template}`;
        timePerOperation.set(key, (timePerOperation.get(key) ?? 0) + performance.now() - begun);
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
        if (status >= 500)
          failures.push(
            `${status} ${request.client} ${request.method} ${request.path} ${(request.body ?? `[${request.raw?.length ?? 0} bytes]`).slice(0, 300)}`,
          );
      }
    };
    await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
    const seconds = (Date.now() - started) / 1000;
    console.log(
      `fuzz: ${requests.length} requests over ${operations.length} operations in ${seconds.toFixed(1)} s; statuses ${JSON.stringify(Object.fromEntries([...statuses].sort()))}`,
    );
    const slowest = [...timePerOperation].sort((a, b) => b[1] - a[1]).slice(0, 6);
    console.log(`slowest operations (total ms): ${slowest.map(([k, ms]) => `${k} ${ms.toFixed(0)}`).join('; ')}`);
    // Most requests must reach past the door (not all 401/403), or the fuzzing tests nothing.
    const reached = [...statuses].filter(([s]) => s !== 401 && s !== 403).reduce((n, [, c]) => n + c, 0);
    expect(reached).toBeGreaterThan(requests.length / 3);
    expect(failures.slice(0, 30)).toEqual([]);
  }, 900_000);
});
