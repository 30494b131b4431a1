import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The DBA's SQL from SECURITY.md, as written there (the block starting with `-- alur-dba-setup`). */
export function dbaSetupSql(): string {
  const text = readFileSync(join(import.meta.dirname, '../../../SECURITY.md'), 'utf8');
  const block = /```sql\n(\s*-- alur-dba-setup[\s\S]*?)```/.exec(text)?.[1];
  if (!block) throw new Error('SECURITY.md has no alur-dba-setup block');
  return block.replace(/^ {2}/gm, '');
}

/** A database set up exactly as SECURITY.md says, with unique login and database names. */
export interface SplitLogins {
  database: string;
  owner: string;
  server: string;
  ownerUrl: string;
  serverUrl: string;
  drop: () => void;
}

function psql(adminUrl: string, sql: string): void {
  const run = spawnSync('psql', [adminUrl, '-v', 'ON_ERROR_STOP=1', '-q', '-f', '-'], { input: sql, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`psql failed: ${run.stderr}`);
}

/** Runs the DBA block (names made unique) as the superuser of `adminUrl` through psql. */
export function createSplitLogins(adminUrl: string): SplitLogins {
  const suffix = randomBytes(4).toString('hex');
  const names = { database: `alur_sec_${suffix}`, owner: `alur_owner_${suffix}`, server: `alur_server_${suffix}` };
  const sql = dbaSetupSql()
    .replace(/\balur_owner\b/g, names.owner)
    .replace(/\balur_server\b/g, names.server)
    .replace(/\bDATABASE alur\b/g, `DATABASE ${names.database}`);
  try {
    psql(adminUrl, sql);
  } catch (error) {
    // Test files migrating in parallel may create the cluster-wide group roles in the same instant; the
    // block stops at its first statement then (nothing else ran), so once more finds them there.
    if (!/duplicate key|already exists/.test((error as Error).message)) throw error;
    psql(adminUrl, sql);
  }
  const urlFor = (user: string) => {
    const url = new URL(adminUrl);
    url.username = user;
    url.password = user === names.owner ? 'ganti-sandi-pemilik' : 'ganti-sandi-server';
    url.pathname = `/${names.database}`;
    return url.toString();
  };
  return {
    ...names,
    ownerUrl: urlFor(names.owner),
    serverUrl: urlFor(names.server),
    drop: () =>
      psql(
        adminUrl,
        `DROP DATABASE IF EXISTS ${names.database} WITH (FORCE);\nDROP ROLE IF EXISTS ${names.server};\nDROP ROLE IF EXISTS ${names.owner};\n`,
      ),
  };
}
