import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { isAbsolute, join, relative } from 'node:path';
import type { Plugin } from 'vite';
import { isCurrent, recordOf, writeRecord } from './buildRecord.ts';
import { precompress } from './precompress.ts';
import { swapSymlink } from './swapSymlink.ts';

/** Name of the build record inside a UI build folder. */
export const UI_RECORD = '.build-inputs.json';
const KEEP_BUILDS = 3;

/** Collects the project files rollup read (sources, index.html), not dependencies. */
function inputCollector(root: string, files: Set<string>): Plugin {
  return {
    name: 'alur-build-inputs',
    buildEnd() {
      for (const id of this.getModuleIds()) {
        const path = id.split('?')[0] ?? id;
        if (!isAbsolute(path) || path.includes('/node_modules/')) continue;
        const rel = relative(root, path);
        if (!rel.startsWith('..') && existsSync(path)) files.add(rel);
      }
    },
  };
}

/** Removes old build folders, keeping the newest few (running processes serve the one they started with). */
function pruneBuilds(buildsDir: string, current: string): void {
  const folders = readdirSync(buildsDir)
    .map((name) => ({ name, time: statSync(join(buildsDir, name)).mtimeMs }))
    .sort((a, b) => b.time - a.time);
  for (const folder of folders.slice(KEEP_BUILDS)) {
    if (folder.name !== current) rmSync(join(buildsDir, folder.name), { recursive: true, force: true });
  }
}

/** What a build step did. */
export interface BuildOutcome {
  built: boolean;
  ms: number;
  detail?: string;
}

/**
 * Builds both browser apps into `dist/ui` unless the current build came from the same inputs. The new
 * build goes to its own folder under `dist/ui-builds/`, is precompressed, and only then becomes `dist/ui`.
 */
export async function buildUiIfNeeded(root: string, force = false): Promise<BuildOutcome> {
  const started = performance.now();
  const link = join(root, 'dist/ui');
  if (!force && isCurrent(root, join(link, UI_RECORD))) return { built: false, ms: performance.now() - started };
  const buildsDir = join(root, 'dist/ui-builds');
  mkdirSync(buildsDir, { recursive: true });
  const name = `${new Date().toISOString().replace(/[:.]/g, '-')}-${process.pid}`;
  const outDir = join(buildsDir, name);
  const files = new Set<string>();
  // Loaded only when building: importing vite alone takes seconds, too long for an unchanged start.
  const { build } = await import('vite');
  await build({
    configFile: join(root, 'vite.config.ts'),
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true },
    plugins: [inputCollector(root, files)],
  });
  const compressed = precompress(outDir);
  writeRecord(join(outDir, UI_RECORD), recordOf(root, [...files]));
  swapSymlink(link, join('ui-builds', name));
  pruneBuilds(buildsDir, name);
  return {
    built: true,
    ms: performance.now() - started,
    detail: `${compressed.files} berkas dikompresi, ${Math.round(compressed.bytes / 1024)} KB → ${Math.round(compressed.brotliBytes / 1024)} KB (brotli)`,
  };
}
