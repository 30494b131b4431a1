import { copyFileSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { isCurrent, recordOf, writeRecord } from './buildRecord.ts';
import type { BuildOutcome } from './buildUi.ts';

/** Name of the build record beside the compiled server. */
export const SERVER_RECORD = '.build-inputs.json';

/**
 * Worker threads the server starts by URL relative to its own module: plain JavaScript, copied beside
 * the compiled server so `new URL('./<name>', import.meta.url)` finds them there as it does in the sources.
 */
const WORKER_FILES = ['engine/app/designer/packInflateWorker.js'];

/**
 * Compiles the server (engine/server/start.ts and everything it imports) into one JavaScript file,
 * dependencies left as imports of node_modules, unless it was built from the same inputs. Written to a
 * temporary name and renamed, so a starting process never reads half a file.
 */
export async function buildServerIfNeeded(root: string, force = false): Promise<BuildOutcome> {
  const started = performance.now();
  const outDir = join(root, 'dist/server');
  if (!force && isCurrent(root, join(outDir, SERVER_RECORD))) return { built: false, ms: performance.now() - started };
  mkdirSync(outDir, { recursive: true });
  const { build } = await import('esbuild');
  const result = await build({
    absWorkingDir: root,
    // The document reader runs in a worker thread started by URL beside the server (engine/importer/readOffLoop.ts).
    entryPoints: [
      { in: 'engine/server/start.ts', out: 'start' },
      { in: 'engine/importer/readers/readerWorkerMain.ts', out: 'readers/readerWorker' },
    ],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: 'linked',
    outdir: outDir,
    outExtension: { '.js': '.mjs' },
    write: false,
    metafile: true,
    logLevel: 'warning',
  });
  for (const file of result.outputFiles) {
    mkdirSync(dirname(file.path), { recursive: true }); // the reader worker goes into readers/
    const temporary = `${file.path}.tmp-${process.pid}`;
    writeFileSync(temporary, file.contents);
    renameSync(temporary, file.path);
  }
  for (const worker of WORKER_FILES) {
    const target = join(outDir, basename(worker));
    copyFileSync(join(root, worker), `${target}.tmp-${process.pid}`);
    renameSync(`${target}.tmp-${process.pid}`, target);
  }
  writeRecord(join(outDir, SERVER_RECORD), recordOf(root, [...Object.keys(result.metafile.inputs), ...WORKER_FILES]));
  return { built: true, ms: performance.now() - started };
}
