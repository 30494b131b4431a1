import { appendFileSync, cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Knex } from 'knex';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syncIfChanged } from '../../engine/app/syncIfChanged.ts';
import { openDatabase } from '../../engine/storage/database.ts';
import { migrateToLatest } from '../../engine/storage/migrate.ts';
import { definitionsDir } from '../support/testServer.ts';
import { freshDatabase } from '../support/testDatabase.ts';

describe('syncIfChanged: an unchanged restart skips re-validating the SOP folder', () => {
  let db: Knex;
  let drop: () => Promise<void>;
  let folder: string;
  beforeAll(async () => {
    const database = await freshDatabase();
    drop = database.drop;
    db = openDatabase(database.target);
    await migrateToLatest(db);
    folder = mkdtempSync(join(tmpdir(), 'issue-14-sops-'));
    cpSync(join(definitionsDir, 'bangkalan'), join(folder, 'bangkalan'), { recursive: true });
  }, 60_000);
  afterAll(async () => {
    await db.destroy();
    await drop();
  });

  it('syncs the first time, then reuses the report', async () => {
    const first = await syncIfChanged(db, folder, 'code-1');
    expect(first.skipped).toBe(false);
    expect(first.regencies).toEqual(['bangkalan']);
    const again = await syncIfChanged(db, folder, 'code-1');
    expect(again.skipped).toBe(true);
    expect(again.regencies).toEqual(['bangkalan']);
    expect(again.unchanged + again.published.length).toBe(first.unchanged + first.published.length);
  });

  it('syncs again after new code, an edited file, or a publish made elsewhere', async () => {
    expect((await syncIfChanged(db, folder, 'code-2')).skipped).toBe(false);
    expect((await syncIfChanged(db, folder, 'code-2')).skipped).toBe(true);
    appendFileSync(join(folder, 'bangkalan/regency.yaml'), '\n# komentar\n');
    expect((await syncIfChanged(db, folder, 'code-2')).skipped).toBe(false);
    expect((await syncIfChanged(db, folder, 'code-2')).skipped).toBe(true);
    await db('definitions')
      .where({ regency_id: 'bangkalan' })
      .update({ updated_at: new Date(Date.now() + 60_000) });
    expect((await syncIfChanged(db, folder, 'code-2')).skipped).toBe(false);
  });

  it('always syncs when running from sources (no code version)', async () => {
    expect((await syncIfChanged(db, folder, undefined)).skipped).toBe(false);
    expect((await syncIfChanged(db, folder, undefined)).skipped).toBe(false);
  });
});
