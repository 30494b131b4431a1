import { createHash, randomBytes } from 'node:crypto';
import type { Knex } from 'knex';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BackupError } from '../../engine/backup/backupError.ts';
import { createBackup, type Backup } from '../../engine/backup/createBackup.ts';
import { readBackup } from '../../engine/backup/readBackup.ts';
import { restoreBackup } from '../../engine/backup/restoreBackup.ts';
import { tablesInDependencyOrder } from '../../engine/backup/tableOrder.ts';
import { openDatabase } from '../../engine/storage/database.ts';
import { withSystemScope } from '../../engine/storage/regencyScope.ts';
import { caseFixture, openCase } from '../security/support/securityFixture.ts';
import { databaseLabel, freshDatabase } from '../support/testDatabase.ts';
import { startTestServer, type TestServer } from '../support/testServer.ts';

/** Row count of every data table, read as the system role (all regencies). */
async function counts(db: Knex): Promise<Record<string, number>> {
  const tables = await tablesInDependencyOrder(db);
  return withSystemScope(db, async (trx) => {
    const out: Record<string, number> = {};
    for (const t of tables) out[t] = Number(((await trx(t).count('* as n').first()) as { n: string | number }).n);
    return out;
  });
}

/** SHA-256 of every attachment's bytes, by id. */
async function attachmentDigests(db: Knex): Promise<Record<string, string>> {
  return withSystemScope(db, async (trx) => {
    const rows = (await trx('attachments').select('id', 'content')) as Array<{ id: string; content: Buffer }>;
    return Object.fromEntries(rows.map((r) => [r.id, createHash('sha256').update(r.content).digest('hex')]));
  });
}

describe(`backup and restore (${databaseLabel})`, () => {
  let source: TestServer;
  let target: Knex;
  let dropTarget: () => Promise<void>;
  let backup: Backup;

  beforeAll(async () => {
    source = await startTestServer();
    await caseFixture(source);
    // Two more cases with larger attachments of random bytes (a scan is not compressible either).
    const staff = await source.as('kutai-kartanegara', 'staf-rehsos');
    for (let i = 0; i < 2; i++) {
      const opened = await openCase(source);
      const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), randomBytes(150_000)]);
      const upload = await staff.request(
        'POST',
        `/api/cases/${opened.id}/attachments?doc=ktp-kk&name=scan${i}.png`,
        undefined,
        {
          raw: png,
          contentType: 'image/png',
        },
      );
      expect(upload.status).toBe(201);
    }
    const database = await freshDatabase();
    dropTarget = database.drop;
    target = openDatabase(database.target);
    backup = await createBackup(source.server.db);
  }, 180_000);

  afterAll(async () => {
    await target.destroy();
    await dropTarget();
    await source.stop();
  });

  it('the manifest lists every data table with its rows and checksum', async () => {
    const sourceCounts = await counts(source.server.db);
    expect(Object.fromEntries(backup.manifest.tables.map((t) => [t.name, t.rows]))).toEqual(sourceCounts);
    expect(sourceCounts.cases).toBe(3);
    expect(sourceCounts.attachments).toBe(3);
    expect(sourceCounts.case_events).toBeGreaterThan(3);
    expect(sourceCounts.issued_documents).toBe(1);
    expect(backup.manifest.migrations).toContain('014_server_state');
  });

  it('restores into an empty database with identical counts and identical attachment bytes', async () => {
    const report = await restoreBackup(target, readBackup(backup.bytes, 'mem.zip'), { force: false, file: 'mem.zip' });
    expect(report.rows).toBe(backup.manifest.tables.reduce((s, t) => s + t.rows, 0));
    expect(await counts(target)).toEqual(await counts(source.server.db));
    expect(await attachmentDigests(target)).toEqual(await attachmentDigests(source.server.db));
    // Restored rows keep their typed values (jsonb stays JSON, timestamps stay timestamps).
    const [original, restored] = await Promise.all(
      [source.server.db, target].map((db) =>
        withSystemScope(db, (trx) => trx('case_events').orderBy('id').first() as Promise<Record<string, unknown>>),
      ),
    );
    expect(restored).toEqual(original);
    // Sequences moved on: a new event gets an id after the restored ones.
    const next = (await target.raw(`SELECT nextval(pg_get_serial_sequence('case_events', 'id'))::bigint AS n`)) as {
      rows: Array<{ n: string }>;
    };
    const max = await withSystemScope(target, (trx) => trx('case_events').max('id as m').first());
    expect(Number(next.rows[0]!.n)).toBeGreaterThan(Number((max as { m: string }).m));
  });

  it('refuses to restore over a database holding data without --force, changing nothing', async () => {
    const before = await counts(target);
    await expect(
      restoreBackup(target, readBackup(backup.bytes, 'mem.zip'), { force: false, file: 'mem.zip' }),
    ).rejects.toThrow(/sudah berisi data.*--force/);
    expect(await counts(target)).toEqual(before);
  });

  it('with --force replaces the contents (the append-only audit trails included)', async () => {
    await restoreBackup(target, readBackup(backup.bytes, 'mem.zip'), { force: true, file: 'mem.zip' });
    expect(await counts(target)).toEqual(await counts(source.server.db));
    expect(await attachmentDigests(target)).toEqual(await attachmentDigests(source.server.db));
  });

  it('a corrupt or truncated file fails with a clear Indonesian message before anything is touched', async () => {
    const before = await counts(target);
    const flipped = Buffer.from(backup.bytes);
    const middle = Math.floor(flipped.length / 2);
    flipped[middle] = (flipped[middle] ?? 0) ^ 0xff;
    const truncated = backup.bytes.slice(0, Math.floor(backup.bytes.length * 0.7));
    for (const bytes of [flipped, truncated, Buffer.from('bukan cadangan')]) {
      let error: unknown;
      try {
        await restoreBackup(target, readBackup(bytes, 'rusak.zip'), { force: true, file: 'rusak.zip' });
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(BackupError);
      expect((error as BackupError).code).toBe('BACKUP_CORRUPT');
      expect((error as BackupError).message).toMatch(/Berkas cadangan rusak .*Tidak ada data yang diubah/);
    }
    expect(await counts(target)).toEqual(before);
  });
});
