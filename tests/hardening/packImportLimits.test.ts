import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServerProcess, type ServerProcess } from '../../bench/lib/serverProcess.ts';
import { DEMO_PASSWORD } from '../../engine/app/demoUsers.ts';
import { ApiClient, type ApiResponse } from '../support/apiClient.ts';
import { databaseLabel, freshDatabase } from '../support/testDatabase.ts';
import { definitionsDir } from '../support/testServer.ts';
import type { ErrorBody } from '../security/support/securityFixture.ts';
import { lyingBomb, manyEntries, nested } from './support/hostileZips.ts';

const REGENCY = 'kutai-kartanegara';

/** Health answers measured from a second client while `run` is in flight. */
async function healthDuring<T>(
  baseUrl: string,
  run: () => Promise<T>,
): Promise<{ value: T; probes: number[]; runMs: number }> {
  const probes: number[] = [];
  let done = false;
  const started = performance.now();
  const pending = run().finally(() => {
    done = true;
  });
  const probing = (async () => {
    while (!done) {
      const sent = performance.now();
      const response = await fetch(`${baseUrl}/api/health`);
      await response.arrayBuffer();
      if (response.status !== 200) throw new Error(`health ${response.status}`);
      probes.push(performance.now() - sent);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  })();
  const value = await pending;
  const runMs = performance.now() - started;
  await probing;
  return { value, probes, runMs };
}

function reasonOf(response: ApiResponse): string | undefined {
  return (response.body as unknown as ErrorBody).error?.reason;
}

describe(`pack import: a hostile zip is refused and never stalls the server (${databaseLabel})`, () => {
  // The server runs in its own process, so the probing client never shares its event loop.
  let server: ServerProcess;
  let cleanUp: () => Promise<void>;
  let drafter: ApiClient;
  const check = (zip: Uint8Array) =>
    drafter.request('POST', '/api/designer/import/check', undefined, { raw: zip, contentType: 'application/zip' });

  beforeAll(async () => {
    const database = await freshDatabase();
    const dataDir = mkdtempSync(join(tmpdir(), 'alur-pack-'));
    server = await startServerProcess(
      database.target.kind === 'postgres' ? database.target : { kind: 'pglite', dataDir },
      definitionsDir,
    );
    cleanUp = async () => {
      await server.stop();
      await database.drop();
      rmSync(dataDir, { recursive: true, force: true });
    };
    drafter = new ApiClient(server.url);
    await drafter.login(`${REGENCY}.penyusun-sop`, DEMO_PASSWORD);
  }, 180_000);
  afterAll(() => cleanUp?.());

  it(
    'refuses a 4 MB zip bomb whose headers declare 1 kB, while /api/health answers in < 200 ms',
    // Two cores shared by many processes: one slow probe can be the machine's; a stalled loop fails every try.
    { retry: 2 },
    async () => {
      const bomb = lyingBomb(4_000);
      expect(bomb.length).toBeGreaterThan(3_500_000);
      const quiet = await healthDuring(server.url, () => new Promise((resolve) => setTimeout(resolve, 1_500)));
      console.info(`quiet: ${quiet.probes.length} health probes, slowest ${Math.max(...quiet.probes).toFixed(0)} ms`);
      const { value, probes, runMs } = await healthDuring(server.url, () => check(bomb));
      expect(value.status).toBe(413);
      expect(reasonOf(value)).toBe('PACK_INFLATED_TOO_LARGE');
      expect((value.body as unknown as ErrorBody).error.message).toMatch(/melebihi 8 MB.*benar-benar dibuka/);
      console.info(
        `hostile import ${runMs.toFixed(0)} ms; ${probes.length} health probes, slowest ${Math.max(...probes).toFixed(0)} ms`,
      );
      expect(probes.length).toBeGreaterThan(0);
      expect(Math.max(...probes)).toBeLessThan(200);
    },
  );

  it('unpacks at most two packs at once; more at the same moment get a 429 instead of a third core', async () => {
    const bomb = lyingBomb(4_000);
    const answers = await Promise.all(Array.from({ length: 4 }, () => check(bomb)));
    for (const response of answers) expect([413, 429]).toContain(response.status);
    expect(answers.filter((r) => r.status === 413).length).toBeGreaterThanOrEqual(1);
    const busy = answers.find((r) => r.status === 429);
    if (busy) expect(reasonOf(busy)).toBe('PACK_BUSY');
  });

  it('refuses the same bomb on the importing route, saving nothing', async () => {
    const response = await drafter.request('POST', '/api/designer/import', undefined, {
      raw: lyingBomb(100),
      contentType: 'application/zip',
    });
    expect(response.status).toBe(413);
    expect(reasonOf(response)).toBe('PACK_INFLATED_TOO_LARGE');
  });

  it('refuses an archive with too many entries, counting entries of every kind', async () => {
    const response = await check(manyEntries(1_500));
    expect(response.status).toBe(413);
    expect(reasonOf(response)).toBe('PACK_TOO_MANY_ENTRIES');
    expect((response.body as unknown as ErrorBody).error.message).toContain('lebih dari 1000 entri');
  });

  it('opens a pack zipped once more, refuses zips nested deeper, and counts a bomb inside a zip', async () => {
    const pack = zipSync({ 'pack/regency.yaml': strToU8('id: x\n') });
    const once = await check(nested(pack, 1));
    expect(once.status).toBe(200);
    const deep = await check(nested(pack, 2));
    expect(deep.status).toBe(422);
    expect(reasonOf(deep)).toBe('PACK_TOO_DEEP');
    expect((deep.body as unknown as ErrorBody).error.message).toContain('lebih dari 2 tingkat');
    const innerBomb = await check(nested(lyingBomb(50), 1));
    expect(innerBomb.status).toBe(413);
    expect(reasonOf(innerBomb)).toBe('PACK_INFLATED_TOO_LARGE');
  });

  it('answers 400 for bytes that are not a zip or a truncated zip', async () => {
    const notZip = await check(strToU8('bukan zip sama sekali'));
    expect(notZip.status).toBe(400);
    const truncated = await check(lyingBomb(20).subarray(0, 5_000));
    expect(truncated.status).toBe(400);
  });
});
