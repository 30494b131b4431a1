// Worker thread that opens a regency pack (zip) for inflatePack.ts, off the server's event loop.
// Plain JavaScript so that the same file runs from the sources (tests, tsx) and beside the compiled server.
// fflate reads the archive as a stream of entries; node's zlib inflates each wanted entry as a stream and
// the worker counts the bytes it really produces, never trusting the sizes an entry declares: a zip bomb
// stops at the limit, whatever its headers say.
import { parentPort, workerData } from 'node:worker_threads';
import { createInflateRaw } from 'node:zlib';
import { strFromU8, Unzip } from 'fflate';

/** @typedef {{ maxInflatedBytes: number, maxEntries: number, maxYamlFiles: number, maxDepth: number }} Limits */
/** @typedef {{ name: string, content: string }} PackFile */

/** Bytes handed to the archive parser at a time. */
const SLICE = 64 * 1024;

const LOCAL_HEADER = 0x04034b50;
const EMPTY_ARCHIVE = 0x06054b50;

class LimitHit extends Error {
  /** @param {'bytes' | 'entries' | 'files' | 'depth'} limit */
  constructor(limit) {
    super(limit);
    this.limit = limit;
  }
}

/** @param {string} name */
function baseName(name) {
  return name.split('/').pop() ?? name;
}

/** @param {string} name */
function isHidden(name) {
  return name.startsWith('__MACOSX/') || baseName(name).startsWith('.');
}

/**
 * Hands the still-compressed bytes of a deflated entry through, so fflate only splits the archive into
 * entries (reading it as a stream) and node's native zlib does the inflating, counted chunk by chunk.
 */
class CompressedChunks {
  static compression = 8;
  /** @type {(error: Error | null, data: Uint8Array, final: boolean) => void} */
  ondata = () => {};
  /** @param {Uint8Array} chunk @param {boolean} final */
  push(chunk, final) {
    this.ondata(null, chunk, final);
  }
}

/**
 * Inflates one deflated entry as a stream, stopping as soon as the real output passes the budget.
 * @param {Uint8Array} compressed
 * @param {{ bytes: number }} seen
 * @param {Limits} limits
 * @returns {Promise<Uint8Array>}
 */
function inflateEntry(compressed, seen, limits) {
  return new Promise((resolve, reject) => {
    const inflater = createInflateRaw();
    /** @type {Uint8Array[]} */
    const chunks = [];
    inflater.on('data', (/** @type {Buffer} */ chunk) => {
      seen.bytes += chunk.length;
      if (seen.bytes > limits.maxInflatedBytes) {
        inflater.destroy();
        reject(new LimitHit('bytes'));
        return;
      }
      chunks.push(chunk);
    });
    inflater.on('end', () => resolve(joined(chunks)));
    inflater.on('error', reject);
    inflater.end(compressed);
  });
}

/**
 * Reads the YAML files of one archive (and of archives inside it, up to the depth limit).
 * @param {Uint8Array} zip
 * @param {number} depth
 * @param {Limits} limits
 * @param {{ bytes: number, entries: number, files: PackFile[] }} seen shared by all levels
 */
async function readArchive(zip, depth, limits, seen) {
  if (depth > limits.maxDepth) throw new LimitHit('depth');
  // The stream parser skips bytes until it meets a signature; an archive must start with one.
  const signature = zip.length >= 4 ? new DataView(zip.buffer, zip.byteOffset, 4).getUint32(0, true) : 0;
  if (signature !== LOCAL_HEADER && signature !== EMPTY_ARCHIVE) throw new Error('not a zip archive');
  /** @type {Error | undefined} */
  let failure;
  /** @type {Array<{ name: string, deflated: boolean, chunks: Uint8Array[], done: boolean }>} */
  const wanted = [];
  const unzip = new Unzip((file) => {
    seen.entries += 1;
    if (seen.entries > limits.maxEntries) failure ??= new LimitHit('entries');
    if (failure || isHidden(file.name) || !/\.(ya?ml|zip)$/i.test(file.name)) return;
    const entry = {
      name: file.name,
      deflated: file.compression === 8,
      chunks: /** @type {Uint8Array[]} */ ([]),
      done: false,
    };
    wanted.push(entry);
    file.ondata = (error, data, final) => {
      if (error) failure ??= error;
      else {
        entry.chunks.push(data);
        // Stored entries are their real size already; deflated ones are counted while inflating.
        if (!entry.deflated) seen.bytes += data.length;
        if (seen.bytes > limits.maxInflatedBytes) failure ??= new LimitHit('bytes');
        if (final) entry.done = true;
      }
    };
    file.start();
  });
  unzip.register(CompressedChunks);
  for (let offset = 0; offset < zip.length && !failure; offset += SLICE) {
    const end = Math.min(offset + SLICE, zip.length);
    unzip.push(zip.subarray(offset, end), end === zip.length);
  }
  if (failure) throw failure;
  for (const entry of wanted) {
    if (!entry.done) throw new Error(`entry ${entry.name} incomplete`);
    const stored = joined(entry.chunks);
    const bytes = entry.deflated ? await inflateEntry(stored, seen, limits) : stored;
    if (/\.zip$/i.test(entry.name)) await readArchive(bytes, depth + 1, limits, seen);
    else {
      if (seen.files.length >= limits.maxYamlFiles) throw new LimitHit('files');
      seen.files.push({ name: baseName(entry.name), content: strFromU8(bytes) });
    }
  }
}

/** @param {Uint8Array[]} chunks */
function joined(chunks) {
  if (chunks.length === 1 && chunks[0]) return chunks[0];
  const out = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.length, 0));
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

const { zip, limits } = /** @type {{ zip: Uint8Array, limits: Limits }} */ (workerData);
/** @type {{ bytes: number, entries: number, files: PackFile[] }} */
const seen = { bytes: 0, entries: 0, files: [] };
try {
  await readArchive(zip, 1, limits, seen);
  parentPort?.postMessage({ ok: true, files: seen.files, inflatedBytes: seen.bytes, entries: seen.entries });
} catch (error) {
  parentPort?.postMessage(
    error instanceof LimitHit
      ? { ok: false, limit: error.limit, inflatedBytes: seen.bytes, entries: seen.entries }
      : { ok: false, limit: 'unreadable' },
  );
}
