import type { Knex } from 'knex';

/** The value stored under `key` in `server_state`, if any. */
export async function serverStateOf<T>(db: Knex, key: string): Promise<T | undefined> {
  const row = (await db('server_state').where({ key }).first()) as { value: T } | undefined;
  return row?.value;
}

/** Stores `value` under `key` in `server_state` (replacing what was there). */
export async function putServerState(db: Knex, key: string, value: unknown): Promise<void> {
  await db('server_state')
    .insert({ key, value: JSON.stringify(value), updated_at: db.fn.now() })
    .onConflict('key')
    .merge();
}

/** What the definition tables look like now: any publish or draft since changes it. */
export async function definitionTablesMark(db: Knex): Promise<string> {
  const versions = (await db('definition_versions').max('id as id').first()) as { id: string | number | null };
  const definitions = (await db('definitions').max('updated_at as at').count('* as n').first()) as {
    at: Date | string | null;
    n: string | number;
  };
  const at = definitions.at instanceof Date ? definitions.at.toISOString() : String(definitions.at);
  return `${String(versions.id)}|${at}|${String(definitions.n)}`;
}
