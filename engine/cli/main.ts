import { parseArgs } from 'node:util';
import { BackupError } from '../backup/backupError.ts';
import { backupCommand, migrateCommand, restoreCommand } from './backupCommands.ts';
import { doctorCommand } from './doctor.ts';
import { runCli, USAGE, type CliStreams } from './runCli.ts';

/** Runs `alur <command>`: the operations commands here (async), validate and print in runCli. */
export async function runAlur(
  argv: string[],
  streams: CliStreams,
  env: NodeJS.ProcessEnv = process.env,
): Promise<number> {
  const [command] = argv;
  if (command !== 'backup' && command !== 'restore' && command !== 'doctor' && command !== 'migrate')
    return runCli(argv, streams);
  let values: { out?: string; from?: string; force?: boolean };
  try {
    values = parseArgs({
      args: argv.slice(1),
      options: { out: { type: 'string' }, from: { type: 'string' }, force: { type: 'boolean' } },
    }).values;
  } catch (error) {
    streams.stderr.write(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
    return 2;
  }
  try {
    if (command === 'doctor') return await doctorCommand(env, streams);
    if (command === 'migrate') return await migrateCommand(env, streams);
    if (command === 'backup') {
      if (!values.out) {
        streams.stderr.write(`alur backup membutuhkan --out <berkas.zip>\n\n${USAGE}`);
        return 2;
      }
      return await backupCommand(values.out, env, streams);
    }
    if (!values.from) {
      streams.stderr.write(`alur restore membutuhkan --from <berkas.zip>\n\n${USAGE}`);
      return 2;
    }
    return await restoreCommand(values.from, values.force === true, env, streams);
  } catch (error) {
    if (error instanceof BackupError) {
      streams.stderr.write(`GAGAL (${error.code}): ${error.message}\n`);
      return 1;
    }
    const message = error instanceof Error ? error.message : String(error);
    streams.stderr.write(`GAGAL: ${message}\n`);
    return 1;
  }
}
