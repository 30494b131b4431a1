import type { Knex } from 'knex';

/** Keys and indexes of some tables, as PostgreSQL itself prints them, to drop for a bulk load and put back exactly. */
export interface SavedSchemaObjects {
  foreignKeys: Array<{ table: string; name: string; definition: string }>;
  keys: Array<{ table: string; name: string; definition: string }>;
  indexes: Array<{ name: string; definition: string }>;
}

/** Lists constraints and indexes of the tables (and foreign keys pointing at them), in a stable order. */
export async function describeSchemaObjects(db: Knex, tables: readonly string[]): Promise<SavedSchemaObjects> {
  const constraints = (await db.raw(
    `SELECT conrelid::regclass::text AS table, conname AS name, contype AS type, pg_get_constraintdef(oid) AS definition
       FROM pg_constraint
      WHERE contype IN ('p', 'u', 'f') AND (conrelid::regclass::text = ANY(?) OR (contype = 'f' AND confrelid::regclass::text = ANY(?)))
      ORDER BY 1, 2`,
    [[...tables], [...tables]],
  )) as { rows: Array<{ table: string; name: string; type: string; definition: string }> };
  const indexes = (await db.raw(
    `SELECT i.indexname AS name, i.indexdef AS definition
       FROM pg_indexes i
      WHERE i.schemaname = 'public' AND i.tablename = ANY(?)
        AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = (quote_ident(i.schemaname) || '.' || quote_ident(i.indexname))::regclass)
      ORDER BY 1`,
    [[...tables]],
  )) as { rows: Array<{ name: string; definition: string }> };
  return {
    foreignKeys: constraints.rows
      .filter((c) => c.type === 'f')
      .map(({ table, name, definition }) => ({ table, name, definition })),
    keys: constraints.rows
      .filter((c) => c.type !== 'f')
      .map(({ table, name, definition }) => ({ table, name, definition })),
    indexes: indexes.rows,
  };
}

/** Drops the keys and indexes (foreign keys first), returning what was dropped. */
export async function dropForBulkLoad(db: Knex, tables: readonly string[]): Promise<SavedSchemaObjects> {
  const saved = await describeSchemaObjects(db, tables);
  for (const fk of saved.foreignKeys) await db.raw(`ALTER TABLE ${fk.table} DROP CONSTRAINT ${fk.name}`);
  for (const index of saved.indexes) await db.raw(`DROP INDEX ${index.name}`);
  for (const key of saved.keys) await db.raw(`ALTER TABLE ${key.table} DROP CONSTRAINT ${key.name}`);
  return saved;
}

/** Puts the keys, indexes and foreign keys back exactly as they were (foreign keys are validated again). */
export async function restoreAfterBulkLoad(
  db: Knex,
  saved: SavedSchemaObjects,
  log?: (m: string) => void,
): Promise<void> {
  // One connection, so the session setting applies to every statement below.
  await db.transaction(async (trx) => {
    await trx.raw(`SET LOCAL maintenance_work_mem = '1GB'`);
    const timed = async (what: string, sql: string): Promise<void> => {
      const started = performance.now();
      await trx.raw(sql);
      log?.(`  ${what}: ${((performance.now() - started) / 1000).toFixed(1)} s`);
    };
    for (const key of saved.keys)
      await timed(key.name, `ALTER TABLE ${key.table} ADD CONSTRAINT ${key.name} ${key.definition}`);
    for (const index of saved.indexes) await timed(index.name, index.definition);
    for (const fk of saved.foreignKeys)
      await timed(fk.name, `ALTER TABLE ${fk.table} ADD CONSTRAINT ${fk.name} ${fk.definition}`);
  });
}
