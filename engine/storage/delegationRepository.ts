import { Type, type Static } from '@sinclair/typebox';
import type { Knex } from 'knex';
import { DelegationSchema } from '../contracts/delegationContracts.ts';
import { BigNumber, JsonObject, Timestamp } from './rowColumns.ts';
import { rowDecoder } from './rowDecoder.ts';

/** A delegation as its list shows it (column names kept as the API has always answered them). */
export type DelegationRow = Static<typeof DelegationSchema>;

// Compiled once, at module load.
const storedRows = rowDecoder(
  'delegations (with staff names)',
  Type.Composite([
    Type.Omit(DelegationSchema, ['id', 'starts_at', 'ends_at', 'created_at']),
    Type.Object({ id: BigNumber, starts_at: Timestamp, ends_at: Timestamp, created_at: Timestamp }),
  ]),
);
const insertedIds = rowDecoder('delegations (new id)', Type.Object({ id: BigNumber }));
const runningRows = rowDecoder(
  'delegations (running)',
  Type.Object({ id: BigNumber, from_user_id: Type.String(), created_by: Type.String() }),
);
const roleKindRows = rowDecoder(
  'regencies (role kinds)',
  Type.Object({ config: JsonObject<{ roles: Array<{ id: string; kind?: string }> }>() }),
);

const iso = (value: Date | string) => new Date(value).toISOString();

/** The regency's delegations, newest start first (at most 200), with both staff names. */
export async function listDelegations(db: Knex, regencyId: string): Promise<DelegationRow[]> {
  const rows = storedRows.rows(
    await db('delegations as d')
      .leftJoin('users as f', 'f.id', 'd.from_user_id')
      .leftJoin('users as t', 't.id', 'd.to_user_id')
      .where('d.regency_id', regencyId)
      .orderBy('d.starts_at', 'desc')
      .limit(200)
      .select('d.*', 'f.display_name as from_name', 't.display_name as to_name'),
  );
  return rows.map((r) => ({
    id: String(r.id),
    regency_id: r.regency_id,
    from_user_id: r.from_user_id,
    to_user_id: r.to_user_id,
    kind: r.kind,
    starts_at: iso(r.starts_at),
    ends_at: iso(r.ends_at),
    created_by: r.created_by,
    created_at: iso(r.created_at),
    ended_by: r.ended_by,
    end_reason: r.end_reason,
    from_name: r.from_name,
    to_name: r.to_name,
  }));
}

/** Stores a delegation; its new id. */
export async function insertDelegation(
  db: Knex,
  d: {
    regencyId: string;
    fromUserId: string;
    toUserId: string;
    kind: string;
    startsAt: string;
    endsAt: string;
    createdBy: string;
  },
): Promise<number> {
  const [row] = insertedIds.rows(
    await db('delegations')
      .insert({
        regency_id: d.regencyId,
        from_user_id: d.fromUserId,
        to_user_id: d.toUserId,
        kind: d.kind,
        starts_at: d.startsAt,
        ends_at: d.endsAt,
        created_by: d.createdBy,
      })
      .returning('id'),
  );
  return Number(row!.id);
}

/** A delegation of the regency that has not ended yet at `now`, or undefined. */
export async function runningDelegation(
  db: Knex,
  regencyId: string,
  id: string,
  now: Date,
): Promise<{ id: string; fromUserId: string; createdBy: string } | undefined> {
  const row = runningRows.first(
    await db('delegations')
      .where({ id, regency_id: regencyId })
      .andWhere('ends_at', '>', now)
      .first('id', 'from_user_id', 'created_by'),
  );
  return row ? { id: String(row.id), fromUserId: row.from_user_id, createdBy: row.created_by } : undefined;
}

/** Ends a delegation now (never before its start), keeping who ended it and why. */
export async function endDelegation(db: Knex, id: string, endedBy: string, reason: string, now: Date): Promise<void> {
  await db('delegations')
    .where({ id })
    .update({
      ends_at: db.raw('GREATEST(starts_at, ?::timestamptz)', [now.toISOString()]),
      ended_by: endedBy,
      end_reason: reason,
    });
}

/** The role ids and kinds of the regency's settings. */
export async function regencyRoleKinds(db: Knex, regencyId: string): Promise<Array<{ id: string; kind?: string }>> {
  const row = roleKindRows.first(await db('regencies').where({ id: regencyId }).first('config'));
  return row?.config.roles ?? [];
}
