import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { cpus, loadavg, release, totalmem } from 'node:os';
import pg from 'pg';
import { repoRoot } from './benchSop.ts';
import { findPgbench } from './pgbench.ts';

/** What the numbers were measured on. */
export interface MachineDescription {
  cpuModel: string;
  cores: number;
  memoryGb: number;
  os: string;
  node: string;
  postgres: string | null;
  postgresSettings: Record<string, string>;
  pgbench: string | null;
  commit: string | null;
  uncommittedFiles: number | null;
  loadAverageAtStart: number[];
}

function osName(): string {
  if (!existsSync('/etc/os-release')) return `Linux ${release()}`;
  const pretty = /^PRETTY_NAME="?([^"\n]+)"?/m.exec(readFileSync('/etc/os-release', 'utf8'))?.[1];
  return `${pretty ?? 'Linux'}, kernel ${release()}`;
}

function git(args: string[]): string | null {
  try {
    return execFileSync('git', args, { cwd: repoRoot, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return null;
  }
}

const SETTINGS = [
  'shared_buffers',
  'work_mem',
  'max_connections',
  'synchronous_commit',
  'fsync',
  'wal_level',
  'max_wal_size',
  'jit',
  'max_parallel_workers_per_gather',
];

/** Describes CPU, memory, OS, Node, the PostgreSQL server (version and the settings that matter here), pgbench and the commit. */
export async function describeMachine(serverUrl: string): Promise<MachineDescription> {
  let postgres: string | null = null;
  const postgresSettings: Record<string, string> = {};
  try {
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    postgres = (await client.query<{ v: string }>('SELECT version() AS v')).rows[0]!.v.split(' on ')[0]!;
    for (const row of (
      await client.query<{ name: string; setting: string; unit: string | null }>(
        `SELECT name, setting, unit FROM pg_settings WHERE name = ANY($1)`,
        [SETTINGS],
      )
    ).rows) {
      postgresSettings[row.name] =
        row.unit === '8kB' ? `${(Number(row.setting) * 8) / 1024} MB` : `${row.setting}${row.unit ?? ''}`;
    }
    await client.end();
  } catch {
    postgres = null;
  }
  const status = git(['status', '--porcelain']);
  return {
    cpuModel: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memoryGb: Math.round(totalmem() / 1024 ** 3),
    os: osName(),
    node: process.version,
    postgres,
    postgresSettings,
    pgbench: (await findPgbench())?.version ?? null,
    commit: git(['rev-parse', '--short', 'HEAD']),
    uncommittedFiles: status === null ? null : status.split('\n').filter((l) => l.length > 0).length,
    loadAverageAtStart: loadavg().map((x) => Number(x.toFixed(2))),
  };
}
