import pg from 'pg';
import { onInterrupt } from './cleanup.ts';

/** A database created for one benchmark part on the PostgreSQL server. */
export interface BenchDatabase {
  name: string;
  url: string;
  drop: () => Promise<void>;
}

async function adminQuery(serverUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * Creates a fresh database `alur_bench_<suffix>` (dropping a leftover of an interrupted run first).
 * `BENCH_DB_TAG` adds a tag to the name, so two work trees can bench on one server without dropping each other's.
 */
export async function createBenchDatabase(serverUrl: string, suffix: string): Promise<BenchDatabase> {
  const tag = process.env.BENCH_DB_TAG ?? '';
  const full = tag ? `${tag}_${suffix}` : suffix;
  if (!/^[a-z0-9_]+$/.test(full)) throw new Error(`bad database suffix ${full}`);
  const name = `alur_bench_${full}`;
  await adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await adminQuery(serverUrl, `CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const drop = (): Promise<void> => adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  const done = onInterrupt(drop);
  return { name, url: url.toString(), drop: () => drop().finally(done) };
}
