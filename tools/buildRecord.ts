import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Files every build depends on besides its own sources: dependency versions and configuration. */
export const ALWAYS_INPUTS = ['package-lock.json', 'tsconfig.json', 'vite.config.ts'];

/**
 * What a build was made from: the project files the bundler actually read (relative paths) and a SHA-256
 * over their names and bytes. A new import needs an edit to a listed file, so an unchanged hash means
 * an unchanged build.
 */
export interface BuildRecord {
  hash: string;
  files: string[];
}

/** Hashes `files` (relative to root); a missing file hashes as missing, so deleting one also changes the hash. */
export function hashInputs(root: string, files: readonly string[]): string {
  const hash = createHash('sha256');
  for (const file of [...new Set(files)].sort()) {
    const path = join(root, file);
    hash.update(`${file}\0`);
    hash.update(existsSync(path) ? readFileSync(path) : 'missing');
    hash.update('\0');
  }
  return hash.digest('hex');
}

/** Builds the record of a finished build. */
export function recordOf(root: string, files: readonly string[]): BuildRecord {
  const all = [...new Set([...ALWAYS_INPUTS, ...files])].sort();
  return { hash: hashInputs(root, all), files: all };
}

/** Writes the record beside the output. */
export function writeRecord(path: string, record: BuildRecord): void {
  writeFileSync(path, `${JSON.stringify(record, null, 1)}\n`);
}

/** True when the output at `recordPath` was built from exactly today's inputs. */
export function isCurrent(root: string, recordPath: string): boolean {
  if (!existsSync(recordPath)) return false;
  try {
    const record = JSON.parse(readFileSync(recordPath, 'utf8')) as BuildRecord;
    return Array.isArray(record.files) && record.hash === hashInputs(root, record.files);
  } catch {
    return false;
  }
}
