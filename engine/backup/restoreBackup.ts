import type { Knex } from 'knex';
import { SYSTEM_ROLE } from '../../migrations/rowLevelSecurity.ts';
import { knownMigrations, migrateToLatest } from '../storage/migrate.ts';
import { BackupError } from './backupError.ts';
import type { CheckedBackup } from './readBackup.ts';
import { tablesInDependencyOrder } from './tableOrder.ts';

/** Tables a freshly started server fills by itself; rows there do not make a database "in use". */
const BOOKKEEPING = new Set(['jobs', 'server_state']);
/** Rows go in statements of at most this much JSON text. */
const BATCH_CHARS = 8 * 1024 * 1024;

/** What a restore put back. */
export interface RestoreReport {
  tables: number;
  rows: number;
}

async function rowCounts(trx: Knex.Transaction, tables: readonly string[]): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for (const t of tables) {
    const row = (await trx.raw(`SELECT count(*)::int AS n FROM ${t}`)) as { rows: Array<{ n: number }> };
    counts.set(t, row.rows[0]?.n ?? 0);
  }
  return counts;
}

async function insertRows(trx: Knex.Transaction, table: string, lines: readonly string[]): Promise<void> {
  if (lines.length === 0) return;
  const columns = (
    (await trx.raw(
      // A generated column (regencies.webhooks) is derived again from the restored row, never written.
      `SELECT column_name FROM information_schema.columns WHERE table_schema = 'public' AND table_name = ? AND is_generated = 'NEVER'`,
      [table],
    )) as { rows: Array<{ column_name: string }> }
  ).rows.map((r) => r.column_name);
  // Columns the backup has; newer columns keep their defaults.
  const present = Object.keys(JSON.parse(lines[0]!) as Record<string, unknown>);
  const list = columns
    .filter((c) => present.includes(c))
    .map((c) => `"${c}"`)
    .join(', ');
  let batch: string[] = [];
  let size = 0;
  const flush = async (): Promise<void> => {
    if (batch.length === 0) return;
    await trx.raw(
      `INSERT INTO ${table} (${list}) SELECT ${list} FROM json_populate_recordset(null::${table}, ?::json)`,
      [`[${batch.join(',')}]`],
    );
    batch = [];
    size = 0;
  };
  for (const line of lines) {
    if (size + line.length > BATCH_CHARS) await flush();
    batch.push(line);
    size += line.length + 1;
  }
  await flush();
}

/** Moves every serial sequence past the restored ids, so new rows do not collide with restored ones. */
async function resetSequences(trx: Knex.Transaction): Promise<void> {
  const serials = (
    (await trx.raw(`SELECT table_name AS t, column_name AS c, pg_get_serial_sequence(quote_ident(table_name), column_name) AS s
      FROM information_schema.columns WHERE table_schema = 'public' AND column_default LIKE 'nextval(%'`)) as {
      rows: Array<{ t: string; c: string; s: string | null }>;
    }
  ).rows;
  for (const { t, c, s } of serials) {
    if (s === null) continue;
    await trx.raw(`SET LOCAL ROLE ${SYSTEM_ROLE}`);
    const max = (await trx.raw(`SELECT coalesce(max("${c}"), 0)::bigint AS m FROM ${t}`)) as {
      rows: Array<{ m: string }>;
    };
    await trx.raw('RESET ROLE');
    await trx.raw('SELECT setval(?::regclass, ?::bigint + 1, false)', [s, max.rows[0]?.m ?? '0']);
  }
}

/**
 * Restores a checked backup into `db` in one transaction: the schema is migrated first, then (only if
 * the database holds no data, or with `force`) every table is emptied and refilled in foreign-key order
 * as the system role, and sequences are moved on. Any failure rolls everything back.
 */
export async function restoreBackup(
  db: Knex,
  backup: CheckedBackup,
  options: { force: boolean; file: string },
): Promise<RestoreReport> {
  const known = new Set(knownMigrations());
  const unknown = backup.manifest.migrations.filter((m) => !known.has(m));
  if (unknown.length > 0)
    throw new BackupError(
      'BACKUP_NEWER',
      `Cadangan ini dibuat oleh versi Alur yang lebih baru (migrasi ${unknown.join(', ')} tidak dikenal). Perbarui Alur dulu (git pull, npm ci), lalu pulihkan lagi. Tidak ada data yang diubah.`,
      options.file,
    );
  await migrateToLatest(db);
  const tables = await tablesInDependencyOrder(db);
  const missing = backup.manifest.tables.map((t) => t.name).filter((t) => !tables.includes(t));
  if (missing.length > 0)
    throw new BackupError(
      'BACKUP_CORRUPT',
      `Cadangan berisi tabel yang tidak dikenal versi ini (${missing.join(', ')}). Tidak ada data yang diubah.`,
      options.file,
    );
  return db.transaction(async (trx) => {
    await trx.raw(`SET LOCAL ROLE ${SYSTEM_ROLE}`);
    const counts = await rowCounts(trx, tables);
    const inUse = [...counts].filter(([t, n]) => n > 0 && !BOOKKEEPING.has(t));
    if (inUse.length > 0 && !options.force)
      throw new BackupError(
        'DATABASE_NOT_EMPTY',
        `Basis data tujuan sudah berisi data (${inUse.map(([t, n]) => `${t}: ${n}`).join(', ')}). Pemulihan akan menghapus semuanya: ulangi dengan --force bila memang itu maksudnya (buat cadangan dulu). Tidak ada data yang diubah.`,
        options.file,
      );
    await trx.raw('RESET ROLE');
    // The append-only triggers guard the audit trails against the app; a restore replaces them whole.
    for (const t of tables) await trx.raw(`ALTER TABLE ${t} DISABLE TRIGGER USER`);
    await trx.raw(`TRUNCATE ${tables.join(', ')}`);
    for (const t of tables) await trx.raw(`ALTER TABLE ${t} ENABLE TRIGGER USER`);
    await trx.raw(`SET LOCAL ROLE ${SYSTEM_ROLE}`);
    let rows = 0;
    for (const t of tables) {
      const lines = backup.rows.get(t) ?? [];
      await insertRows(trx, t, lines);
      rows += lines.length;
    }
    await trx.raw('RESET ROLE');
    await resetSequences(trx);
    return { tables: backup.rows.size, rows };
  });
}
