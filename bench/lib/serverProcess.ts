import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { repoRoot } from './benchSop.ts';
import { onInterrupt } from './cleanup.ts';

/** An API server running in its own child process. */
export interface ServerProcess {
  url: string;
  pid: number;
  /** CPU seconds (user + system) the process has used so far, from /proc. */
  cpuSeconds: () => number;
  stop: () => Promise<void>;
}

/** Where a server process keeps its data. */
export type ServerDatabase = { kind: 'postgres'; url: string } | { kind: 'pglite'; dataDir: string };

function procCpuSeconds(pid: number): number {
  try {
    // Fields 14 and 15 of /proc/<pid>/stat are utime and stime in clock ticks (100 per second on Linux).
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return Number.NaN;
  }
}

/** Starts `node --import tsx bench/lib/apiServerMain.ts` on the database and waits for its URL. */
export async function startServerProcess(
  database: ServerDatabase,
  definitionsDir: string,
  extraEnv: Record<string, string> = {},
): Promise<ServerProcess> {
  const env: NodeJS.ProcessEnv = { ...process.env, BENCH_DEFINITIONS_DIR: definitionsDir, ...extraEnv };
  delete env.BENCH_DATABASE_URL;
  delete env.BENCH_PGLITE_DIR;
  if (database.kind === 'postgres') env.BENCH_DATABASE_URL = database.url;
  else env.BENCH_PGLITE_DIR = database.dataDir;
  const child: ChildProcess = spawn(
    process.execPath,
    ['--import', 'tsx', join(repoRoot, 'bench', 'lib', 'apiServerMain.ts')],
    { cwd: repoRoot, env, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const url = await new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    const timer = setTimeout(() => reject(new Error('API server did not start within 120 s')), 120_000);
    lines.once('line', (line) => {
      clearTimeout(timer);
      resolve((JSON.parse(line) as { url: string }).url);
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`API server exited with ${code} before printing its URL`));
    });
  });
  const pid = child.pid!;
  const stop = (): Promise<void> =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      child.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
      child.kill('SIGTERM');
    });
  const done = onInterrupt(stop);
  return { url, pid, cpuSeconds: () => procCpuSeconds(pid), stop: () => stop().finally(done) };
}
