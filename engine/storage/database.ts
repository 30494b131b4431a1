import knexModule, { type Knex } from 'knex';
import ClientPgLite from 'knex-pglite';
import { mkdirSync } from 'node:fs';
import { connectionLimitsFromEnv, pgConnectionOptions, type ConnectionLimits } from './connectionLimits.ts';
import { pgPoolHooks } from './postgresClient.ts';

const knex = knexModule as unknown as (config: Knex.Config) => Knex;

/**
 * Where the data lives: a PostgreSQL server (DATABASE_URL) or embedded PGlite (a folder, or memory).
 * On a server, statements are prepared per connection unless `prepareStatements` is false.
 */
export type DatabaseTarget =
  | { kind: 'postgres'; url: string; prepareStatements?: boolean; limits?: Partial<ConnectionLimits> }
  | { kind: 'pglite'; dataDir?: string };

/** Picks the database from the environment: DATABASE_URL wins (ALUR_DB_PREPARE=0: no prepared statements); otherwise PGlite in ALUR_DATA_DIR (default ./data/pglite). */
export function databaseTargetFromEnv(env: NodeJS.ProcessEnv = process.env): DatabaseTarget {
  if (env.DATABASE_URL)
    return { kind: 'postgres', url: env.DATABASE_URL, prepareStatements: env.ALUR_DB_PREPARE !== '0' };
  return { kind: 'pglite', dataDir: env.ALUR_DATA_DIR ?? 'data/pglite' };
}

/** Opens a knex instance on the target; the same queries run on both. */
export function openDatabase(target: DatabaseTarget): Knex {
  if (target.kind === 'postgres') {
    const limits = { ...connectionLimitsFromEnv(), ...target.limits };
    const hooks = pgPoolHooks({ prepareStatements: target.prepareStatements ?? true });
    return knex({
      client: 'pg',
      connection: pgConnectionOptions(target.url, limits) as Knex.PgConnectionConfig,
      acquireConnectionTimeout: limits.acquireMs,
      pool: { min: 0, max: Number(process.env.ALUR_DB_POOL ?? 10), ...hooks },
    });
  }
  if (target.dataDir !== undefined) mkdirSync(target.dataDir, { recursive: true });
  return knex({
    client: ClientPgLite,
    dialect: 'postgres',
    connection: target.dataDir !== undefined ? { filename: target.dataDir } : {},
  } as Knex.Config);
}

/** Describes the target without secrets (no password in logs). */
export function describeTarget(target: DatabaseTarget): string {
  if (target.kind === 'pglite') return `PGlite (${target.dataDir ?? 'memori'})`;
  const url = new URL(target.url);
  return `PostgreSQL ${url.hostname}:${url.port || '5432'}${url.pathname}`;
}
