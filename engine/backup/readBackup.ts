import { createHash } from 'node:crypto';
import { strFromU8, unzipSync } from 'fflate';
import { BackupError } from './backupError.ts';
import { MANIFEST_FILE, type BackupManifest } from './backupFormat.ts';

/** A backup whose every table file matched its checksum and parsed: safe to restore. */
export interface CheckedBackup {
  manifest: BackupManifest;
  /** Rows per table, as JSON text lines (PostgreSQL turns them back into typed rows). */
  rows: Map<string, string[]>;
}

const TABLE_NAME = /^[a-z_][a-z0-9_]*$/;

function corrupt(file: string, what: string): BackupError {
  return new BackupError(
    'BACKUP_CORRUPT',
    `Berkas cadangan rusak (${what}). Tidak ada data yang diubah. Gunakan berkas cadangan lain, atau salin ulang berkas ini dari tempat penyimpanannya.`,
    file,
  );
}

/**
 * Opens and checks a backup archive completely before anything is restored: the zip, the manifest,
 * each table file's size, SHA-256 and row count, and that every line is JSON. Any fault is a
 * BackupError with an Indonesian message; nothing has been touched at that point.
 */
export function readBackup(bytes: Uint8Array, file: string): CheckedBackup {
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(bytes);
  } catch {
    throw corrupt(file, 'bukan arsip zip yang utuh');
  }
  const manifestBytes = entries[MANIFEST_FILE];
  if (!manifestBytes) throw corrupt(file, `${MANIFEST_FILE} tidak ada; ini bukan cadangan Alur`);
  let manifest: BackupManifest;
  try {
    manifest = JSON.parse(strFromU8(manifestBytes)) as BackupManifest;
  } catch {
    throw corrupt(file, `${MANIFEST_FILE} tidak terbaca`);
  }
  if (manifest.format !== 'alur-backup' || manifest.version !== 1 || !Array.isArray(manifest.tables))
    throw corrupt(file, 'format atau versi cadangan tidak dikenal');
  const rows = new Map<string, string[]>();
  for (const table of manifest.tables) {
    if (!TABLE_NAME.test(table.name)) throw corrupt(file, `nama tabel tidak sah "${String(table.name)}"`);
    const content = entries[table.file];
    if (!content) throw corrupt(file, `${table.file} tidak ada`);
    const sha = createHash('sha256').update(content).digest('hex');
    if (content.length !== table.bytes || sha !== table.sha256)
      throw corrupt(file, `checksum ${table.file} tidak cocok`);
    const lines = strFromU8(content).split('\n');
    lines.pop();
    if (lines.length !== table.rows) throw corrupt(file, `jumlah baris ${table.file} tidak cocok`);
    lines.forEach((line, index) => {
      try {
        JSON.parse(line);
      } catch {
        throw corrupt(file, `${table.file} baris ${index + 1} bukan JSON`);
      }
    });
    rows.set(table.name, lines);
  }
  return { manifest, rows };
}
