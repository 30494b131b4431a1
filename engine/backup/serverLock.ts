import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { BackupError } from './backupError.ts';

/**
 * What a server running on a PGlite folder leaves beside it (`<folder>.server.json`, readable only by
 * its OS user): its process id, its address, and a random token the `alur` CLI on this machine shows
 * to ask it for a backup. PGlite is single-process, so the folder itself stays the server's.
 */
export interface ServerLock {
  pid: number;
  url: string;
  token: string;
  startedAt: string;
}

/** Where the lock of a PGlite folder lives. */
export function lockPath(dataDir: string): string {
  return `${resolve(dataDir)}.server.json`;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The lock of a live server on this folder, or undefined (none, or left by a process that is gone). */
export function readServerLock(dataDir: string): ServerLock | undefined {
  const path = lockPath(dataDir);
  if (!existsSync(path)) return undefined;
  try {
    const lock = JSON.parse(readFileSync(path, 'utf8')) as ServerLock;
    return typeof lock.pid === 'number' && alive(lock.pid) ? lock : undefined;
  } catch {
    return undefined;
  }
}

/** Refuses when another live process holds the folder (two processes on one PGlite folder corrupt it). */
export function assertFolderFree(dataDir: string): void {
  const lock = readServerLock(dataDir);
  if (lock)
    throw new BackupError(
      'FOLDER_IN_USE',
      `Folder data ${resolve(dataDir)} sedang dipakai server Alur lain (pid ${lock.pid}, ${lock.url}). Hentikan server itu dulu, atau pakai folder lain (ALUR_DATA_DIR).`,
    );
}

/** Claims the folder for this server with its control token; returns a function that releases it. */
export function writeServerLock(dataDir: string, url: string, token: string): { release: () => void } {
  const lock: ServerLock = { pid: process.pid, url, token, startedAt: new Date().toISOString() };
  writeFileSync(lockPath(dataDir), JSON.stringify(lock), { mode: 0o600 });
  return {
    release: () => {
      const current = readServerLock(dataDir);
      if (current?.token === token || current === undefined) rmSync(lockPath(dataDir), { force: true });
    },
  };
}
