import { Worker } from 'node:worker_threads';
import { AppError } from '../appErrors.ts';
import type { PackFile } from './packFiles.ts';

/** Limits on what a pack may unpack to, counted on the bytes really inflated (never the sizes entries declare). */
export interface PackLimits {
  maxInflatedBytes: number;
  /** Entries of every kind (folders, skipped files, entries of nested archives). */
  maxEntries: number;
  maxYamlFiles: number;
  /** Archive levels: 1 = no zip inside the zip, 2 = one zip inside (a pack re-zipped), … */
  maxDepth: number;
  /** Wall-clock time for the whole unpacking, after which the worker is stopped. */
  timeoutMs: number;
}

const DEFAULT_PACK_LIMITS: PackLimits = {
  // The largest regency pack today unpacks to 0.6 MB; its YAML is parsed on the main thread afterwards.
  maxInflatedBytes: 8 * 1024 * 1024,
  maxEntries: 1000,
  maxYamlFiles: 200,
  maxDepth: 2,
  timeoutMs: 10_000,
};

/** Packs unpacked at once per process; two cores serve everyone else meanwhile. */
const MAX_CONCURRENT = 2;
let running = 0;

type WorkerAnswer =
  { ok: true; files: PackFile[] } | { ok: false; limit: 'bytes' | 'entries' | 'files' | 'depth' | 'unreadable' };

const MEGABYTE = 1024 * 1024;

/** The Indonesian refusal naming the limit that was hit. */
function refusal(limit: Exclude<WorkerAnswer, { ok: true }>['limit'] | 'time', limits: PackLimits): AppError {
  const tooLarge = (message: string, reason: string, value: number) =>
    new AppError('PAYLOAD_TOO_LARGE', message, '/zip', [{ path: '/zip', message: `batas: ${value}` }], reason);
  switch (limit) {
    case 'bytes':
      return tooLarge(
        `Paket ditolak: isi arsip setelah dibuka melebihi ${limits.maxInflatedBytes / MEGABYTE} MB (dihitung dari isi yang benar-benar dibuka, bukan ukuran yang tertulis di arsip).`,
        'PACK_INFLATED_TOO_LARGE',
        limits.maxInflatedBytes,
      );
    case 'entries':
      return tooLarge(
        `Paket ditolak: arsip berisi lebih dari ${limits.maxEntries} entri.`,
        'PACK_TOO_MANY_ENTRIES',
        limits.maxEntries,
      );
    case 'files':
      return tooLarge(
        `Paket ditolak: arsip berisi lebih dari ${limits.maxYamlFiles} berkas YAML.`,
        'PACK_TOO_MANY_FILES',
        limits.maxYamlFiles,
      );
    case 'depth':
      return new AppError(
        'UNPROCESSABLE',
        `Paket ditolak: arsip zip di dalam arsip zip lebih dari ${limits.maxDepth} tingkat.`,
        '/zip',
        [{ path: '/zip', message: `batas: ${limits.maxDepth}` }],
        'PACK_TOO_DEEP',
      );
    case 'time':
      return tooLarge(
        `Paket ditolak: membuka arsip memakan waktu lebih dari ${limits.timeoutMs / 1000} detik.`,
        'PACK_TOO_SLOW',
        limits.timeoutMs,
      );
    case 'unreadable':
      return new AppError('VALIDATION_FAILED', 'Berkas bukan arsip zip yang dapat dibaca.', '/zip');
  }
}

/** Runs the worker on a copy of the archive; resolves with its answer or 'time' when it ran too long. */
function runWorker(zip: Uint8Array, limits: PackLimits): Promise<WorkerAnswer | 'time'> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./packInflateWorker.js', import.meta.url), {
      workerData: { zip, limits },
      // Inflated files are external buffers; the heap only holds names and the YAML text.
      resourceLimits: { maxOldGenerationSizeMb: 256 },
    });
    const timer = setTimeout(() => {
      resolve('time');
      void worker.terminate();
    }, limits.timeoutMs);
    worker.once('message', (answer: WorkerAnswer) => {
      clearTimeout(timer);
      resolve(answer);
      void worker.terminate();
    });
    worker.once('error', (error: Error & { code?: string }) => {
      clearTimeout(timer);
      // The heap limit stops a worker that holds too much; anything else is a bug and stays a 500.
      if (error.code === 'ERR_WORKER_OUT_OF_MEMORY') resolve({ ok: false, limit: 'bytes' });
      else reject(error);
    });
    worker.once('exit', () => {
      clearTimeout(timer);
      resolve({ ok: false, limit: 'bytes' });
    });
  });
}

/**
 * Reads the YAML files of a zipped pack (any folder depth; other files and macOS metadata skipped) in a
 * worker thread, so a hostile archive costs one core for at most `timeoutMs` and never stalls the server.
 * Refuses with a 4xx naming the limit hit: real inflated bytes, entries, YAML files, nesting, time.
 */
export async function unzipPack(zip: Uint8Array, limits: PackLimits = DEFAULT_PACK_LIMITS): Promise<PackFile[]> {
  if (running >= MAX_CONCURRENT)
    throw new AppError(
      'RATE_LIMITED',
      'Server sedang membuka paket lain. Coba lagi dalam beberapa detik.',
      '/zip',
      undefined,
      'PACK_BUSY',
    );
  running += 1;
  try {
    const answer = await runWorker(zip, limits);
    if (answer === 'time') throw refusal('time', limits);
    if (!answer.ok) throw refusal(answer.limit, limits);
    return answer.files.sort((a, b) => a.name.localeCompare(b.name));
  } finally {
    running -= 1;
  }
}
