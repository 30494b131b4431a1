import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { Writable } from 'node:stream';
import { Type } from '@sinclair/typebox';
import express from 'express';
import type { Knex } from 'knex';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorHandler } from '../../engine/api/errorHandler.ts';
import { errorKindOf } from '../../engine/app/operationalFailure.ts';
import { createLogger } from '../../engine/server/createLogger.ts';
import { openDatabase, type DatabaseTarget } from '../../engine/storage/database.ts';
import { migrateToLatest } from '../../engine/storage/migrate.ts';
import { listDefinitions, saveDraft } from '../../engine/storage/definitionRepository.ts';
import { listRegencyNames } from '../../engine/storage/regencyNames.ts';
import { withSystemScope } from '../../engine/storage/regencyScope.ts';
import { Nullable, Timestamp } from '../../engine/storage/rowColumns.ts';
import { RowDecodeError, rowDecoder } from '../../engine/storage/rowDecoder.ts';
import { sqlRows } from '../../engine/storage/sqlRows.ts';
import { databaseLabel, freshDatabase } from '../support/testDatabase.ts';

const staff = rowDecoder(
  'users (test)',
  Type.Object({ id: Type.String(), display_name: Type.String(), locked_until: Nullable(Timestamp) }),
);

/** The error a decoder throws for `result`, or undefined when it decodes. */
function failureOf(decode: () => unknown): RowDecodeError | undefined {
  try {
    decode();
    return undefined;
  } catch (error) {
    if (error instanceof RowDecodeError) return error;
    throw error;
  }
}

describe('rowDecoder', () => {
  it('hands back the rows it was given once they match (extra columns allowed)', () => {
    const rows = [
      { id: 'u1', display_name: 'Siti', locked_until: null, extra: 1 },
      { id: 'u2', display_name: 'Budi', locked_until: new Date() },
    ];
    expect(staff.rows(rows)).toBe(rows);
    expect(staff.first(rows[0])).toBe(rows[0]);
    expect(staff.first(undefined)).toBeUndefined();
    expect(staff.one(rows[1])).toBe(rows[1]);
  });

  it('a renamed column fails, naming the query, the row and the column, never the value', () => {
    const renamed = [
      { id: 'u1', display_name: 'Siti', locked_until: null },
      { id: 'u2', name: 'Budi Rahasia', locked_until: null },
    ];
    const error = failureOf(() => staff.rows(renamed));
    expect(error).toMatchObject({ code: 'ROW_UNDECODABLE', query: 'users (test)', path: '/1/display_name' });
    expect(error?.message).toContain('users (test)');
    expect(error?.message).not.toContain('Budi');
    expect(failureOf(() => staff.first({ id: 7, display_name: 'x', locked_until: null }))?.path).toBe('/0/id');
    expect(failureOf(() => staff.one(undefined))?.path).toBe('/0');
    expect(failureOf(() => staff.rows({ rows: [] }))?.problem).toBe('Expected a list of rows');
  });

  it('is a bug to the error handler: unexpected, so answered 500 and logged', () => {
    expect(errorKindOf(new RowDecodeError('q', '/0/x', 'Expected string'))).toBe('unexpected');
  });
});

describe(`rows decoded at the storage edge (${databaseLabel})`, () => {
  let db: Knex;
  let target: DatabaseTarget;
  let drop: () => Promise<void>;

  beforeAll(async () => {
    const fresh = await freshDatabase();
    drop = fresh.drop;
    target = fresh.target;
    db = openDatabase(target);
    await migrateToLatest(db);
    await db('regencies').insert({
      id: 'kab-uji',
      name: 'Kabupaten Uji',
      config: JSON.stringify({}),
      content_hash: 'h',
    });
    await withSystemScope(db, (trx) =>
      saveDraft(trx, 'kab-uji', 'layanan-rahasia', 'Layanan Rahasia', undefined, 'id: layanan-rahasia'),
    );
  }, 120_000);

  const definitionsOfKabUji = (on = db) => withSystemScope(on, (trx) => listDefinitions(trx, 'kab-uji'));

  afterAll(async () => {
    await db.destroy();
    await drop();
  });

  it('a storage module reads typed rows from the real driver', async () => {
    expect(await listRegencyNames(db)).toEqual([{ id: 'kab-uji', name: 'Kabupaten Uji' }]);
    expect((await definitionsOfKabUji()).map((d) => d.name)).toEqual(['Layanan Rahasia']);
    const rows = await sqlRows(db, 'SELECT ? AS id, ? AS display_name, now() AS locked_until', ['u1', 'Siti'], staff);
    expect(rows[0]?.locked_until).toBeInstanceOf(Date);
  });

  // `SELECT *` reads are where a rename used to slip through: the row simply came back without `status`.
  it('after a migration renames a column, the read fails loudly and is answered 500 with the query named in the log', async () => {
    await db.raw('ALTER TABLE definitions RENAME COLUMN status TO state');
    // A server started after the migration: new connections, no statement prepared before the rename (an
    // in-memory PGlite is one database per handle, and prepares nothing across statements: the same handle).
    const migrated = target.kind === 'pglite' ? db : openDatabase(target);
    try {
      const error = await definitionsOfKabUji(migrated).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(RowDecodeError);
      expect(error).toMatchObject({ query: 'definitions', path: '/0/status' });

      const lines: Array<Record<string, unknown>> = [];
      const logger = createLogger(
        'info',
        new Writable({
          write(chunk: Buffer, _encoding, done) {
            lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
            done();
          },
        }),
      );
      const app = express();
      app.get('/definitions', async (_req, res, next) => {
        try {
          res.json(await definitionsOfKabUji(migrated));
        } catch (e) {
          next(e);
        }
      });
      app.use(errorHandler(logger));
      const server: Server = await new Promise((resolve) => {
        const s = app.listen(0, '127.0.0.1', () => resolve(s));
      });
      const { port } = server.address() as AddressInfo;
      const response = await fetch(`http://127.0.0.1:${port}/definitions`);
      await new Promise((resolve) => server.close(resolve));
      expect(response.status).toBe(500);
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatchObject({ level: 50, kind: 'unexpected' });
      expect(JSON.stringify(lines)).toContain('Rows of definitions');
      expect(JSON.stringify(lines)).toContain('/0/status');
      expect(JSON.stringify(lines)).not.toContain('Layanan Rahasia');
    } finally {
      if (migrated !== db) await migrated.destroy();
      await db.raw('ALTER TABLE definitions RENAME COLUMN state TO status');
    }
  });
});
