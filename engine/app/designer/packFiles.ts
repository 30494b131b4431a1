import { strToU8, zipSync } from 'fflate';

/** One file of a regency pack. */
export interface PackFile {
  name: string;
  content: string;
}

/** Zips a pack as `<folder>/<file>`, the layout `alur validate` and the server's folder loading read. */
export function zipPack(folder: string, files: PackFile[]): Uint8Array {
  return zipSync(Object.fromEntries(files.map((f) => [`${folder}/${f.name}`, strToU8(f.content)])), {
    level: 6,
    mtime: new Date('2025-01-01T00:00:00Z'),
  });
}
