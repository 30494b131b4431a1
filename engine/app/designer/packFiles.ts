import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { AppError } from '../appErrors.ts';

/** One file of a regency pack. */
export interface PackFile {
  name: string;
  content: string;
}

const MAX_FILES = 200;
const MAX_UNZIPPED_BYTES = 20 * 1024 * 1024;

/** The base name of a path inside a zip (packs may hold a folder named after the regency). */
function baseName(path: string): string {
  return path.split('/').pop() ?? path;
}

/**
 * Reads the YAML files of a zipped pack (any folder depth; other files and macOS metadata are skipped).
 * Refuses archives that would unpack to too many files or bytes (zip bombs).
 */
export function unzipPack(zip: Uint8Array): PackFile[] {
  let entries: Record<string, Uint8Array>;
  let total = 0;
  let count = 0;
  try {
    entries = unzipSync(zip, {
      filter: (file) => {
        const wanted =
          /\.ya?ml$/i.test(file.name) && !file.name.startsWith('__MACOSX/') && !baseName(file.name).startsWith('.');
        if (!wanted) return false;
        total += file.originalSize;
        count += 1;
        if (count > MAX_FILES || total > MAX_UNZIPPED_BYTES)
          throw new AppError('PAYLOAD_TOO_LARGE', 'Arsip zip terlalu besar atau berisi terlalu banyak berkas.');
        return true;
      },
    });
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError('VALIDATION_FAILED', 'Berkas bukan arsip zip yang dapat dibaca.', '/zip');
  }
  return Object.entries(entries)
    .map(([name, bytes]) => ({ name: baseName(name), content: strFromU8(bytes) }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** Zips a pack as `<folder>/<file>`, the layout `alur validate` and the server's folder loading read. */
export function zipPack(folder: string, files: PackFile[]): Uint8Array {
  return zipSync(Object.fromEntries(files.map((f) => [`${folder}/${f.name}`, strToU8(f.content)])), {
    level: 6,
    mtime: new Date('2025-01-01T00:00:00Z'),
  });
}
