import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

function addFolder(hash: ReturnType<typeof createHash>, root: string, path: string): void {
  for (const name of readdirSync(path).sort()) {
    const full = join(path, name);
    if (statSync(full).isDirectory()) addFolder(hash, root, full);
    else {
      hash.update(`${full.slice(root.length)}\0`);
      hash.update(readFileSync(full));
      hash.update('\0');
    }
  }
}

/** A SHA-256 over the names and bytes of every file in a folder (the SOP packs), in a stable order. */
export function folderFingerprint(root: string): string {
  const hash = createHash('sha256');
  addFolder(hash, root, root);
  return hash.digest('hex');
}
