import { Type } from '@sinclair/typebox';
import type { Knex } from 'knex';
import { BigNumber, Nullable, Timestamp } from '../rowColumns.ts';
import { rowDecoder } from '../rowDecoder.ts';

// Compiled once, at module load.
const stateRows = rowDecoder('server_state', Type.Object({ value: Type.Unknown() }));
const versionMarkRows = rowDecoder('definition_versions (newest id)', Type.Object({ id: Nullable(BigNumber) }));
const definitionMarkRows = rowDecoder(
  'definitions (newest change, count)',
  Type.Object({ at: Nullable(Timestamp), n: BigNumber }),
);

/** The value stored under `key` in `server_state`, if any (its reader checks its shape). */
export async function serverStateOf(db: Knex, key: string): Promise<unknown> {
  const row = stateRows.first(await db('server_state').where({ key }).first());
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
  const versions = versionMarkRows.one(await db('definition_versions').max('id as id').first());
  const definitions = definitionMarkRows.one(await db('definitions').max('updated_at as at').count('* as n').first());
  const at = definitions.at instanceof Date ? definitions.at.toISOString() : String(definitions.at);
  return `${String(versions.id)}|${at}|${String(definitions.n)}`;
}
