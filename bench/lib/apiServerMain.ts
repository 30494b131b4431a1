// Child-process entry of one API server for the benchmarks: started by bench/lib/serverProcess.ts,
// so the load client never shares this process's event loop. Prints one JSON line with the URL.
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { join } from 'node:path';
import { pino } from 'pino';
import { startServer } from '../../engine/server/startServer.ts';
import type { DatabaseTarget } from '../../engine/storage/database.ts';

const url = process.env.BENCH_DATABASE_URL;
const target: DatabaseTarget = url
  ? { kind: 'postgres', url }
  : { kind: 'pglite', dataDir: process.env.BENCH_PGLITE_DIR! };
const running = await startServer({
  target,
  port: 0,
  definitionsDir: process.env.BENCH_DEFINITIONS_DIR!,
  demoUsers: true,
  jobPollMs: 3_600_000,
  logger: pino({ level: 'warn' }),
});
// With BENCH_PROFILE_DIR the V8 sampling profiler runs from SIGUSR2 (sent by the bench after a warm-up,
// so start-up and first-use work are excluded) until the process is stopped.
const profileDir = process.env.BENCH_PROFILE_DIR;
const profiler = profileDir ? new Session() : undefined;
if (profiler) {
  profiler.connect();
  await profiler.post('Profiler.enable');
  process.once('SIGUSR2', () => void profiler.post('Profiler.start'));
}
process.stdout.write(`${JSON.stringify({ url: running.url, pid: process.pid })}\n`);
const stop = (): void => {
  const written =
    profiler && profileDir
      ? profiler
          .post('Profiler.stop')
          .then(({ profile }) => writeFileSync(join(profileDir, 'server.cpuprofile'), JSON.stringify(profile)))
      : Promise.resolve();
  written
    .then(() => running.close())
    .then(
      () => process.exit(0),
      () => process.exit(1),
    );
};
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
