import type { CliStreams } from './runCli.ts';

/** `alur doctor` (placeholder replaced below). */
export async function doctorCommand(_env: NodeJS.ProcessEnv, _streams: CliStreams): Promise<number> {
  return Promise.resolve(0);
}
