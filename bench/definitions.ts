import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadSopSource, type SopLoadContext } from '../engine/definition/loadDefinitionSource.ts';
import { loadDefinitionPaths } from '../engine/files/loadDefinitionFiles.ts';
import { prepareBenchSop, repoRoot } from './lib/benchSop.ts';
import { median, percentile, round } from './lib/stats.ts';
import { largeSopSource, writeSyntheticPack } from './lib/syntheticSops.ts';
import type { BenchOptions, PartResult } from './lib/types.ts';

/** Loads and validates a folder the way `alur validate` and the server do; returns SOP files per second. */
function loadRate(path: string): { perSecond: number; sops: number; errors: number } {
  const started = performance.now();
  const loaded = loadDefinitionPaths([path], path);
  const seconds = (performance.now() - started) / 1000;
  const sops = loaded.folders.reduce((n, f) => n + f.sops.length, 0);
  return { perSecond: sops / seconds, sops, errors: loaded.errors.length };
}

/** One designer keystroke: a one-character change somewhere in the middle of the file, different every time. */
function editOnce(source: string, i: number): string {
  const anchor = source.indexOf('activity: Telaah lanjutan tahap');
  const position = anchor + 10 + (i % 40);
  const letter = String.fromCharCode(97 + (i % 26));
  return `${source.slice(0, position)}${letter}${source.slice(position + 1)}`;
}

/** Times re-validation of the large SOP after each of `count` one-character edits; milliseconds per edit. */
function revalidate(source: string, context: SopLoadContext, count: number, offset: number): number[] {
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const bytes = new TextEncoder().encode(editOnce(source, offset + i));
    const started = performance.now();
    const load = loadSopSource(bytes, 'draf.yaml', context);
    times.push(performance.now() - started);
    if (load.errors.length > 0)
      throw new Error(`edited SOP is invalid: ${load.errors[0]!.code} at line ${load.errors[0]!.line}`);
  }
  return times;
}

/** Definitions: folder load + validate rates, and the designer's re-validation latency on a 500-line SOP. */
export function run(options: BenchOptions): Promise<PartResult> {
  return Promise.resolve(measure(options));
}

function measure(options: BenchOptions): PartResult {
  const packSize = options.quick ? 200 : 1000;
  const packDir = join(options.tmpDir, 'pack');
  mkdirSync(packDir, { recursive: true });
  const pack = writeSyntheticPack(packDir, packSize);
  const repoDir = join(repoRoot, 'sop-definitions');
  const sop = prepareBenchSop(options.tmpDir);
  const context: SopLoadContext = { regency: sop.regency, folderName: sop.regency.id };
  const large = largeSopSource(500);
  const lines = large.split('\n').length - 1;
  const edits = options.quick ? 20 : 60;

  // Warm-up: the first load compiles the JSON Schemas (once per process), which the runs below do not repeat.
  const coldStarted = performance.now();
  const cold = loadRate(repoDir);
  const coldMs = performance.now() - coldStarted;
  revalidate(large, context, 5, 1000);
  const runs: Array<Record<string, number>> = [];
  const heapBefore = process.memoryUsage().heapUsed;
  for (let r = 0; r < options.runs; r++) {
    const repo = loadRate(repoDir);
    const synthetic = loadRate(pack);
    if (repo.errors > 0 || synthetic.errors > 0)
      throw new Error(`definitions failed to validate (${repo.errors} + ${synthetic.errors} errors)`);
    const times = revalidate(large, context, edits, r * edits);
    runs.push({
      repo_per_s: repo.perSecond,
      pack_per_s: synthetic.perSecond,
      revalidate_p50_ms: percentile(times, 50),
      revalidate_p95_ms: percentile(times, 95),
      revalidate_max_ms: Math.max(...times),
    });
    options.log(
      `definitions run ${r + 1}: repo ${Math.round(repo.perSecond)}/s, pack ${Math.round(synthetic.perSecond)}/s, re-validate p50 ${percentile(times, 50).toFixed(1)} ms`,
    );
  }
  const heapGrowthMb = (process.memoryUsage().heapUsed - heapBefore) / 1e6;
  const m = (key: string): number => median(runs.map((x) => x[key]!));
  const revalidateMs = m('revalidate_p50_ms');
  return {
    name: 'definitions',
    title: 'Definitions: load + validate, designer re-validation',
    metrics: {
      definitions_per_s: round(m('pack_per_s')),
      definitions_per_s_repo: round(m('repo_per_s')),
      revalidate_500_lines_ms: round(revalidateMs),
      revalidate_500_lines_p95_ms: round(m('revalidate_p95_ms')),
      first_load_ms: round(coldMs),
    },
    runs,
    tables: [
      {
        title: 'Load + validate (parse YAML with positions, JSON Schema, semantic checks, form schemas, normalise)',
        header: ['what', 'SOP files', 'definitions/s (median)', 'each run'],
        rows: [
          [
            'sop-definitions/ (repository)',
            cold.sops,
            round(m('repo_per_s')),
            runs.map((x) => Math.round(x.repo_per_s!)).join(', '),
          ],
          [
            `synthetic pack (${packSize} files, copies of the Kutai Kartanegara SOPs)`,
            packSize,
            round(m('pack_per_s')),
            runs.map((x) => Math.round(x.pack_per_s!)).join(', '),
          ],
        ],
      },
      {
        title: `Designer re-validation of a ${lines}-line SOP after a one-character edit (${edits} different edits per run; loadSopSource, what POST /api/definitions/validate runs)`,
        header: ['figure', 'ms (median of runs)', 'each run'],
        rows: [
          ['p50', round(revalidateMs), runs.map((x) => round(x.revalidate_p50_ms!)).join(', ')],
          ['p95', round(m('revalidate_p95_ms')), runs.map((x) => round(x.revalidate_p95_ms!)).join(', ')],
          ['max', round(m('revalidate_max_ms')), runs.map((x) => round(x.revalidate_max_ms!)).join(', ')],
          [`heap growth over all re-validations and loads of these runs (MB)`, round(heapGrowthMb), ''],
        ],
      },
    ],
    targets: [
      {
        key: 'revalidate_500_lines_ms',
        label: `Designer re-validation of a ${lines}-line SOP < 20 ms`,
        value: round(revalidateMs),
        target: '< 20 ms',
        met: revalidateMs < 20,
      },
    ],
    notes: [
      `The first load in a fresh process (compiling the SOP language's JSON Schemas included) took ${round(coldMs)} ms for the repository folder; the runs above are warm.`,
      `The repository folder holds ${cold.sops} SOP files across its regencies; the synthetic pack repeats the 12 Kutai Kartanegara SOPs under new ids in one regency folder.`,
    ],
  };
}
