import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The folder holding package.json, found by walking up from this module: the same answer whether the
 * server runs from its TypeScript sources (engine/server) or from the compiled bundle (dist/server).
 */
export function projectRoot(from = import.meta.dirname): string {
  let dir = from;
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`package.json tidak ditemukan di atas ${from}`);
    dir = parent;
  }
  return dir;
}
