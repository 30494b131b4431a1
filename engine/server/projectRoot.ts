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

/**
 * A file or folder shipped with the sources (calendar, region and password data, fonts), by its path from
 * the project root: a module's own folder is `engine/…` in the sources but `dist/server` once compiled, so
 * data beside a module is never found by `import.meta.dirname` from the bundle.
 */
export function shippedPath(fromRoot: string): string {
  return join(projectRoot(), fromRoot);
}
