import type { Knex } from 'knex';
import { openDatabase, type DatabaseTarget } from './database.ts';
import { migrateToLatest, pendingMigrations } from './migrate.ts';

/**
 * The login that owns the schema and runs migrations (and restores): `ALUR_MIGRATION_DATABASE_URL` in a
 * split setup (SECURITY.md: the running server logs in as an ordinary login that owns nothing), otherwise
 * the server's own database target (PGlite, or a single PostgreSQL login).
 */
export function ownerTargetFromEnv(target: DatabaseTarget, env: NodeJS.ProcessEnv = process.env): DatabaseTarget {
  const url = env.ALUR_MIGRATION_DATABASE_URL;
  return target.kind === 'postgres' && url ? { kind: 'postgres', url } : target;
}

/** Why a server whose login may not migrate cannot start (Indonesian, says what to run). */
const NOT_MIGRATED =
  'Skema basis data belum mutakhir dan login server tidak berhak mengubahnya. Jalankan `npx alur migrate` dengan ALUR_MIGRATION_DATABASE_URL (login pemilik skema), atau beri server ALUR_MIGRATION_DATABASE_URL.';

/**
 * Brings the schema up to date before a server starts. With a separate owner login the migrations run on
 * their own short-lived connection as that owner; with a single login, only when something is pending
 * (so a login without rights to migrate starts fine on a schema an owner already brought up to date).
 */
export async function prepareSchema(db: Knex, target: DatabaseTarget, owner: DatabaseTarget): Promise<void> {
  if (target.kind === 'pglite') return migrateToLatest(db);
  if (owner.kind === 'postgres' && owner.url === target.url) {
    let pending: number;
    try {
      pending = (await pendingMigrations(db)).length;
    } catch (error) {
      if (isPermissionError(error)) throw new Error(NOT_MIGRATED, { cause: error });
      throw error;
    }
    if (pending === 0) return;
  }
  if (owner.kind === 'pglite') return migrateToLatest(db);
  // Migrations may rebuild indexes of large tables: no request timeouts on their connection.
  const migrator = openDatabase({ ...owner, limits: { statementMs: 0, queryMs: 0, lockMs: 60_000 } });
  try {
    await migrateToLatest(migrator);
  } catch (error) {
    if (isPermissionError(error)) throw new Error(NOT_MIGRATED, { cause: error });
    throw error;
  } finally {
    await migrator.destroy();
  }
}

/** PostgreSQL's insufficient_privilege (42501), e.g. an ordinary login creating tables in a PostgreSQL 15 schema. */
function isPermissionError(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === '42501';
}
