import { existsSync, lstatSync, renameSync, rmSync, symlinkSync } from 'node:fs';

/**
 * Points `link` at `target` atomically: a new symlink renamed over the old one, so a reader always finds
 * a complete build (the old or the new), never an empty or half-written folder.
 */
export function swapSymlink(link: string, target: string): void {
  if (existsSync(link) && !lstatSync(link).isSymbolicLink()) {
    // A plain folder from an older layout: moved aside once.
    renameSync(link, `${link}-legacy-${Date.now()}`);
  }
  const temporary = `${link}.swap-${process.pid}`;
  rmSync(temporary, { force: true });
  symlinkSync(target, temporary);
  renameSync(temporary, link);
}
