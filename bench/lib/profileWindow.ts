import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { ApiLoad } from './apiLoad.ts';
import type { BenchSop } from './benchSop.ts';
import { summarizeProfile, type CpuProfile } from './cpuProfile.ts';
import { perfAvailable, profileMachine } from './machineProfile.ts';
import { startServerProcess } from './serverProcess.ts';
import type { BenchOptions, ResultTable } from './types.ts';

/**
 * One more window at 8 clients against a second server process on the same database, profiled: with perf
 * across the whole machine when it is allowed here (CPU actually used, PostgreSQL included), else with the
 * V8 profiler inside the API process (wall clock). The fresh process is warmed first (its first completions
 * compile the SOP and read the regency once), so the profile shows the steady state.
 */
export async function profileWindow(
  options: BenchOptions,
  sop: BenchSop,
  databaseUrl: string,
  load: ApiLoad,
  seconds: number,
  notes: string[],
): Promise<ResultTable[]> {
  const profileDir = join(options.tmpDir, 'profile');
  mkdirSync(profileDir, { recursive: true });
  const database = { kind: 'postgres', url: databaseUrl } as const;
  if (await perfAvailable(profileDir)) {
    // --perf-basic-prof writes /tmp/perf-<pid>.map, which names the JavaScript frames in perf's samples.
    const nodeOptions = [process.env.NODE_OPTIONS, '--perf-basic-prof'].filter(Boolean).join(' ');
    const profiled = await startServerProcess(database, sop.definitionsDir, { NODE_OPTIONS: nodeOptions });
    try {
      await load.window([{ url: profiled.url, connections: 8 }], 1);
      let perSecond = 0;
      const machine = await profileMachine(profileDir, [profiled.pid], async () => {
        perSecond = (await load.window([{ url: profiled.url, connections: 8 }], seconds)).perSecond;
      });
      notes.push(
        `The machine profile: perf sampled every process on both cores for one more ${seconds} s window at 8 clients (${Math.round(perSecond)} completions/s, the API process started with \`--perf-basic-prof\` so its JavaScript frames have names). These are samples of CPU actually used, unlike the V8 profiler's wall clock; "idle" is time no process was ready to run.`,
      );
      return machine.tables;
    } finally {
      await profiled.stop();
      rmSync(`/tmp/perf-${profiled.pid}.map`, { force: true });
    }
  }
  const profiled = await startServerProcess(database, sop.definitionsDir, { BENCH_PROFILE_DIR: profileDir });
  await load.window([{ url: profiled.url, connections: 8 }], 1);
  process.kill(profiled.pid, 'SIGUSR2');
  await new Promise((resolve) => setTimeout(resolve, 300));
  const window = await load.window([{ url: profiled.url, connections: 8 }], seconds);
  await profiled.stop();
  const profile = JSON.parse(readFileSync(join(profileDir, 'server.cpuprofile'), 'utf8')) as CpuProfile;
  notes.push(
    'perf could not sample the machine here, so the V8 profiler sampled the API process instead. It samples the main thread on a wall clock: when the machine is short of cores, time the thread spends descheduled inside a socket write (to PostgreSQL or to the client) shows up as `writev`/`writeBuffer`, so read those rows as "waiting for a core", not as work.',
  );
  return summarizeProfile(
    profile,
    `API server process under 8 clients (${Math.round(window.perSecond)} completions/s while profiled)`,
    14,
  );
}
