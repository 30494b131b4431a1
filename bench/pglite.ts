import { join } from 'node:path';
import { prepareApiLoad, type MeasuredWindow } from './lib/apiLoad.ts';
import { prepareBenchSop } from './lib/benchSop.ts';
import { startServerProcess } from './lib/serverProcess.ts';
import { median, round } from './lib/stats.ts';
import { walkInputsPerBranch } from './lib/stepInputs.ts';
import type { BenchOptions, PartResult } from './lib/types.ts';

const LEVELS = [1, 8, 32] as const;

/** Embedded default: the same step-completion benchmark with the server on PGlite (a data folder on disk, as `npm start` uses). */
export async function run(options: BenchOptions): Promise<PartResult> {
  const seconds = options.quick ? 2 : 5;
  const sop = prepareBenchSop(options.tmpDir);
  const walks = walkInputsPerBranch(sop.definition);
  const server = await startServerProcess(
    { kind: 'pglite', dataDir: join(options.tmpDir, 'pglite') },
    sop.definitionsDir,
  );
  const byLevel = new Map<number, MeasuredWindow[]>(LEVELS.map((c) => [c, []]));
  let opensPerSecond = Number.NaN;
  try {
    const load = await prepareApiLoad(server.url, sop, walks, () => [server.pid]);
    await load.ensurePool(200);
    const warm = await load.window([{ url: server.url, connections: 8 }], options.quick ? 1 : 2);
    options.log(`pglite warm-up: ${Math.round(warm.perSecond)} completions/s`);
    for (let r = 0; r < options.runs; r++) {
      for (const c of LEVELS) {
        await load.ensurePool(4 * c + 20, Math.ceil(warm.perSecond * 2.5 * seconds));
        const window = await load.window([{ url: server.url, connections: c }], seconds);
        byLevel.get(c)!.push(window);
        options.log(`pglite run ${r + 1} c=${c}: ${Math.round(window.perSecond)}/s p99 ${window.p99.toFixed(1)} ms`);
      }
    }
    opensPerSecond = load.opened().perSecond;
  } finally {
    await server.stop();
  }
  const metrics: Record<string, number | null> = { pglite_case_opens_per_s: round(opensPerSecond) };
  for (const [c, windows] of byLevel) {
    metrics[`pglite_completions_per_s_c${c}`] = round(median(windows.map((w) => w.perSecond)));
    metrics[`pglite_p50_ms_c${c}`] = round(median(windows.map((w) => w.p50)));
    metrics[`pglite_p99_ms_c${c}`] = round(median(windows.map((w) => w.p99)));
  }
  const failures = [...byLevel.values()]
    .flat()
    .reduce((n, w) => n + Object.values(w.failures).reduce((a, b) => a + b, 0) + w.errors, 0);
  return {
    name: 'pglite',
    title: 'Embedded default: the API on PGlite',
    metrics,
    runs: [...byLevel].flatMap(([c, windows]) =>
      windows.map((w) => ({ clients: c, per_s: w.perSecond, p50: w.p50, p99: w.p99 })),
    ),
    tables: [
      {
        title:
          'Step completions over HTTP with the server on PGlite (embedded PostgreSQL in WebAssembly, data folder on disk), same load as the PostgreSQL benchmark',
        header: ['clients', 'completions/s', 'p50 ms', 'p99 ms', 'API process (cores)', 'each run'],
        rows: [...byLevel].map(([c, windows]) => [
          c,
          round(median(windows.map((w) => w.perSecond))),
          round(median(windows.map((w) => w.p50))),
          round(median(windows.map((w) => w.p99))),
          round(median(windows.map((w) => w.cores.api))),
          windows.map((w) => Math.round(w.perSecond)).join(', '),
        ]),
      },
    ],
    targets: [],
    notes: [
      `PGlite runs inside the API process and answers one query at a time, so the API process's one core is the ceiling and more clients only queue. Failures over all windows: ${failures}.`,
    ],
  };
}
