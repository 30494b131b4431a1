import { execFile } from 'node:child_process';
import { appendFileSync, chownSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { onInterrupt } from './cleanup.ts';

// A throwaway PostgreSQL 15 primary with a synchronous streaming standby on loopback, built with
// initdb and pg_basebackup: for the failover bench and the multi-host test. PostgreSQL refuses to
// run as root, so when this process is root the server programs run as the `postgres` user.

const run = promisify(execFile);

/** Where Debian's PostgreSQL 15 keeps initdb, pg_ctl and pg_basebackup (PG_BIN overrides). */
const PG_BIN = process.env.PG_BIN ?? '/usr/lib/postgresql/15/bin';

/** A primary + standby pair; `stopPrimary` and `promoteStandby` are the two halves of a manual failover. */
export interface ReplicaPair {
  /** libpq-style URL of both hosts, writing only to the primary. */
  url: (database: string) => string;
  primaryUrl: (database: string) => string;
  standbyUrl: (database: string) => string;
  /** Stops the primary as a crash would (pg_ctl stop -m immediate). */
  stopPrimary: () => Promise<void>;
  /** Makes the standby the primary (pg_ctl promote, waits until it accepts writes). */
  promoteStandby: () => Promise<void>;
  /** Stops both servers and removes their data directories. */
  remove: () => Promise<void>;
}

/** Options of a pair: two free loopback ports; `fast` turns fsync off (tests: the OS survives, a durable disk is not needed). */
export interface ReplicaPairOptions {
  ports: [number, number];
  fast?: boolean;
  /** `remote_apply`: a commit returns once the standby shows it (read-your-writes on the standby); default `on`. */
  synchronousCommit?: 'on' | 'remote_apply';
  log?: (message: string) => void;
}

async function pgTool(asPostgres: boolean, tool: string, args: string[]): Promise<string> {
  const program = join(PG_BIN, tool);
  const { stdout } = asPostgres
    ? await run('runuser', ['-u', 'postgres', '--', program, ...args], { cwd: '/' })
    : await run(program, args);
  return stdout;
}

async function idOf(flag: '-u' | '-g'): Promise<number> {
  const { stdout } = await run('id', [flag, 'postgres']);
  return Number(stdout.trim());
}

function hostUrl(port: number, database: string): string {
  return `postgres://postgres@127.0.0.1:${port}/${database}`;
}

/** Waits until the server on `port` answers and accepts writes. */
async function waitWritable(port: number, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const client = new pg.Client({ connectionString: hostUrl(port, 'postgres'), connectionTimeoutMillis: 1_000 });
    client.on('error', () => undefined);
    try {
      await client.connect();
      const { rows } = await client.query<{ r: boolean }>('SELECT pg_is_in_recovery() AS r');
      if (rows[0]?.r === false) return;
    } catch {
      // not up yet
    } finally {
      await client.end().catch(() => undefined);
    }
    if (Date.now() > until) throw new Error(`server on ${port} did not accept writes within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Builds and starts the pair; the standby is in sync (synchronous_standby_names = '*') before this returns. */
export async function startReplicaPair(options: ReplicaPairOptions): Promise<ReplicaPair> {
  const log = options.log ?? (() => undefined);
  const [primaryPort, standbyPort] = options.ports;
  const asPostgres = process.getuid?.() === 0;
  const base = mkdtempSync(join(tmpdir(), 'alur-replica-'));
  if (asPostgres) chownSync(base, await idOf('-u'), await idOf('-g'));
  const primaryDir = join(base, 'primary');
  const standbyDir = join(base, 'standby');
  const tool = (name: string, args: string[]): Promise<string> => pgTool(asPostgres, name, args);
  const stop = async (dir: string): Promise<void> => {
    if (existsSync(join(dir, 'postmaster.pid')))
      await tool('pg_ctl', ['stop', '-D', dir, '-m', 'immediate', '-w']).catch(() => undefined);
  };
  const remove = async (): Promise<void> => {
    await stop(standbyDir);
    await stop(primaryDir);
    rmSync(base, { recursive: true, force: true });
  };
  const done = onInterrupt(remove);
  try {
    log(`initdb ${primaryDir}`);
    await tool('initdb', ['-D', primaryDir, '-U', 'postgres', '-A', 'trust', '--no-sync', '-E', 'UTF8', '--locale=C']);
    const common = [
      "listen_addresses = '127.0.0.1'",
      "unix_socket_directories = ''",
      'max_connections = 60',
      'shared_buffers = 32MB',
      'max_wal_senders = 4',
      `fsync = ${options.fast ? 'off' : 'on'}`,
      // Replication connects over loopback; initdb's pg_hba.conf trusts 127.0.0.1 for it with -A trust.
    ];
    appendFileSync(
      join(primaryDir, 'postgresql.conf'),
      [
        ...common,
        `port = ${primaryPort}`,
        "synchronous_standby_names = '*'",
        `synchronous_commit = ${options.synchronousCommit ?? 'on'}`,
        '',
      ].join('\n'),
    );
    await tool('pg_ctl', ['start', '-D', primaryDir, '-w', '-l', join(base, 'primary.log')]);
    log(`pg_basebackup → ${standbyDir}`);
    await tool('pg_basebackup', [
      '-h',
      '127.0.0.1',
      '-p',
      String(primaryPort),
      '-U',
      'postgres',
      '-D',
      standbyDir,
      '-R',
      '-X',
      'stream',
      '-c',
      'fast',
    ]);
    // The standby's own settings: its port, and no synchronous standby of its own once promoted (it
    // would wait forever for one); the operator adds the old primary back as its standby later.
    appendFileSync(
      join(standbyDir, 'postgresql.auto.conf'),
      [`port = ${standbyPort}`, "synchronous_standby_names = ''", ''].join('\n'),
    );
    await tool('pg_ctl', ['start', '-D', standbyDir, '-w', '-l', join(base, 'standby.log')]);
    // Synchronous from here: a commit on the primary returns only once the standby has it on disk.
    const primary = new pg.Client({ connectionString: hostUrl(primaryPort, 'postgres') });
    await primary.connect();
    try {
      for (let i = 0; ; i++) {
        const { rows } = await primary.query<{ sync_state: string }>('SELECT sync_state FROM pg_stat_replication');
        if (rows.some((r) => r.sync_state === 'sync')) break;
        if (i > 100) throw new Error('the standby did not become synchronous within 10 s');
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    } finally {
      await primary.end();
    }
    log(`primary 127.0.0.1:${primaryPort}, synchronous standby 127.0.0.1:${standbyPort}`);
  } catch (error) {
    await remove();
    done();
    throw error;
  }
  return {
    url: (database) =>
      `postgres://postgres@127.0.0.1:${primaryPort},127.0.0.1:${standbyPort}/${database}?target_session_attrs=read-write`,
    primaryUrl: (database) => hostUrl(primaryPort, database),
    standbyUrl: (database) => hostUrl(standbyPort, database),
    stopPrimary: async () => {
      await tool('pg_ctl', ['stop', '-D', primaryDir, '-m', 'immediate', '-w']);
    },
    promoteStandby: async () => {
      await tool('pg_ctl', ['promote', '-D', standbyDir, '-w']);
      await waitWritable(standbyPort, 30_000);
    },
    remove: () => remove().finally(done),
  };
}
