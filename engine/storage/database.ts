import knexModule, { type Knex } from 'knex';
import ClientPgLite from 'knex-pglite';
import { mkdirSync } from 'node:fs';
import { connectionLimitsFromEnv, pgConnectionOptions, type ConnectionLimits } from './connectionLimits.ts';
import { parseHostList } from './hostList.ts';
import { HostSelector } from './hostSelector.ts';
import { pgPoolHooks } from './postgresClient.ts';

const knex = knexModule as unknown as (config: Knex.Config) => Knex;

/**
 * Where the data lives: a PostgreSQL server (DATABASE_URL, libpq-style several hosts allowed) or
 * embedded PGlite (a folder, or memory). On a server, statements are prepared per connection unless
 * `prepareStatements` is false; `readUrl` (ALUR_DATABASE_READ_URL) is a standby for read-only work.
 */
export type DatabaseTarget =
  | {
      kind: 'postgres';
      url: string;
      readUrl?: string;
      prepareStatements?: boolean;
      limits?: Partial<ConnectionLimits>;
    }
  | { kind: 'pglite'; dataDir?: string };

/** Picks the database from the environment: DATABASE_URL wins (ALUR_DB_PREPARE=0: no prepared statements; ALUR_DATABASE_READ_URL: a standby for reads); otherwise PGlite in ALUR_DATA_DIR (default ./data/pglite). */
export function databaseTargetFromEnv(env: NodeJS.ProcessEnv = process.env): DatabaseTarget {
  if (env.DATABASE_URL)
    return {
      kind: 'postgres',
      url: env.DATABASE_URL,
      ...(env.ALUR_DATABASE_READ_URL ? { readUrl: env.ALUR_DATABASE_READ_URL } : {}),
      prepareStatements: env.ALUR_DB_PREPARE !== '0',
    };
  return { kind: 'pglite', dataDir: env.ALUR_DATA_DIR ?? 'data/pglite' };
}

/** The knex connection of a server URL: fixed settings for one host, a host choice (HostSelector) for several. */
function serverConnection(
  url: string,
  limits: ConnectionLimits,
): { connection: Knex.Config['connection']; hosts?: HostSelector } {
  const list = parseHostList(url);
  if (list.hosts.length === 1 && list.targetSessionAttrs === 'any')
    return { connection: pgConnectionOptions(list.urlFor(list.hosts[0]!), limits) as Knex.PgConnectionConfig };
  const hosts = new HostSelector(list, (hostUrl) => pgConnectionOptions(hostUrl, limits));
  // knex's types do not know node-postgres's `stream` option, which the settings carry.
  return { connection: async () => (await hosts.connectionSettings()) as Knex.PgConnectionConfig, hosts };
}

/** Opens a knex instance on the target; the same queries run on both. */
export function openDatabase(target: DatabaseTarget): Knex {
  if (target.kind === 'postgres') {
    const limits = { ...connectionLimitsFromEnv(), ...target.limits };
    const { connection, hosts } = serverConnection(target.url, limits);
    const hooks = pgPoolHooks({ prepareStatements: target.prepareStatements ?? true, ...(hosts ? { hosts } : {}) });
    return knex({
      client: 'pg',
      connection,
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

/** The database for read-only work (ALUR_DATABASE_READ_URL, e.g. a standby), if one is given; otherwise reads use the primary. */
export function openReadDatabase(target: DatabaseTarget): Knex | undefined {
  if (target.kind !== 'postgres' || !target.readUrl) return undefined;
  const { readUrl, ...rest } = target;
  return openDatabase({ ...rest, url: readUrl });
}

/** Describes the target without secrets (no password in logs). */
export function describeTarget(target: DatabaseTarget): string {
  if (target.kind === 'pglite') return `PGlite (${target.dataDir ?? 'memori'})`;
  const list = parseHostList(target.url);
  const path = new URL(list.urlFor(list.hosts[0]!)).pathname;
  const hosts = list.hosts.map(({ host, port }) => `${host}:${port}`).join(',');
  const attrs = list.targetSessionAttrs === 'any' ? '' : ` (${list.targetSessionAttrs})`;
  const read = target.readUrl ? `; baca: ${describeTarget({ kind: 'postgres', url: target.readUrl })}` : '';
  return `PostgreSQL ${hosts}${path}${attrs}${read}`;
}
