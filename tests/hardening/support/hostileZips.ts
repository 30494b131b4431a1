import { constants, deflateRawSync } from 'node:zlib';

/** One entry written byte by byte, so its headers can say what they like. */
interface RawEntry {
  name: string;
  /** The stored bytes (raw deflate when `method` is 8). */
  data: Uint8Array;
  method: 0 | 8;
  /** The uncompressed size both headers declare (a lie for a bomb). */
  declaredSize: number;
}

/** Builds a zip from raw entries: local headers, data, central directory, end record (CRCs left zero). */
export function rawZip(entries: RawEntry[]): Uint8Array {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(entry.method, 8);
    local.writeUInt32LE(entry.data.length, 18);
    local.writeUInt32LE(entry.declaredSize, 22);
    local.writeUInt16LE(name.length, 26);
    const header = Buffer.alloc(46);
    header.writeUInt32LE(0x02014b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(20, 6);
    header.writeUInt16LE(0x0800, 8);
    header.writeUInt16LE(entry.method, 10);
    header.writeUInt32LE(entry.data.length, 20);
    header.writeUInt32LE(entry.declaredSize, 24);
    header.writeUInt16LE(name.length, 28);
    header.writeUInt32LE(offset, 42);
    parts.push(local, name, Buffer.from(entry.data));
    central.push(header, name);
    offset += local.length + name.length + entry.data.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...parts, directory, end]));
}

/**
 * A raw deflate stream of `megabytes` MB of zeros, built by repeating one sync-flushed megabyte (its back
 * references only ever reach zeros) and closing with an empty final block: about 1 kB per inflated MB.
 */
export function deflatedZeros(megabytes: number): Uint8Array {
  const block = deflateRawSync(Buffer.alloc(1024 * 1024), { finishFlush: constants.Z_SYNC_FLUSH, level: 9 });
  const finalEmptyBlock = Buffer.from([0x03, 0x00]);
  return new Uint8Array(Buffer.concat([...Array.from({ length: megabytes }, () => block), finalEmptyBlock]));
}

/** A YAML-named entry whose headers declare 1 kB but which inflates to `megabytes` MB. */
export function lyingBomb(megabytes: number): Uint8Array {
  return rawZip([{ name: 'pack/sop.yaml', data: deflatedZeros(megabytes), method: 8, declaredSize: 1024 }]);
}

/** `count` empty stored entries. */
export function manyEntries(count: number): Uint8Array {
  return rawZip(
    Array.from({ length: count }, (_, i) => ({
      name: `pack/f${i}.txt`,
      data: new Uint8Array(),
      method: 0 as const,
      declaredSize: 0,
    })),
  );
}

/** `inner` wrapped in `levels` more zips (stored, each as `pack.zip`). */
export function nested(inner: Uint8Array, levels: number): Uint8Array {
  let zip = inner;
  for (let level = 0; level < levels; level += 1)
    zip = rawZip([{ name: 'pack.zip', data: zip, method: 0, declaredSize: zip.length }]);
  return zip;
}
