import { parseArgs } from 'node:util';
import type { DefinitionError } from '../definition/definitionError.ts';
import { loadDefinitionPaths } from '../files/loadDefinitionFiles.ts';
import { ruleFieldWarnings } from '../definition/checks/ruleFieldDefaults.ts';
import { runDeadlineCommand } from './deadlineCommand.ts';
import { IMPORT_SOP_USAGE, runImportSop } from './importSopCommand.ts';
import { runUserCli, USER_USAGE, type UserCliContext } from './userCli.ts';

/** Where the CLI writes; injected so tests can capture output. */
export interface CliStreams {
  stdout: { write: (text: string) => unknown };
  stderr: { write: (text: string) => unknown };
}

/** Every `alur` command, one usage text for all of them (`alur --help`). */
export const USAGE = `Penggunaan / Usage:
  alur validate <berkas-atau-folder>... [--json] [--lang id|en]
  alur print <berkas.yaml> [--lang id|en]
  alur deadline --regency <id> --from <TTTT-BB-HHTJJ:MM> --time "<waktu>" [--clock calendar|office]
${IMPORT_SOP_USAGE}${USER_USAGE}  alur backup --out <berkas.zip>          cadangkan basis data (PGlite atau DATABASE_URL) beserta lampiran
  alur restore --from <berkas.zip> [--force]   pulihkan ke basis data kosong (--force: timpa isinya)
  alur doctor                             periksa konfigurasi dan beri saran perbaikan
  alur migrate                            mutakhirkan skema sebagai pemiliknya (ALUR_MIGRATION_DATABASE_URL)
Kode keluar / Exit codes: 0 sah (valid), 1 tidak sah (invalid), 2 salah penggunaan atau berkas tak terbaca (usage/IO error).
`;

function formatLine(error: DefinitionError, language: string): string {
  const where = error.line > 0 ? `${error.file}:${error.line}:${error.column}` : error.file;
  return `${where}  ${error.code}  ${language === 'en' ? error.messageEn : error.message}\n`;
}

/** Reads all of standard input (for --password-stdin). */
async function readProcessStdin(): Promise<string> {
  let text = '';
  for await (const chunk of process.stdin) text += String(chunk);
  return text;
}

/** Runs `alur <command>` and returns the exit code. */
export async function runCli(
  argv: string[],
  streams: CliStreams,
  context: UserCliContext = { env: process.env, readStdin: readProcessStdin },
): Promise<number> {
  if (argv[0] === 'deadline') return runDeadlineCommand(argv.slice(1), streams);
  if (argv[0] === 'user') return runUserCli(argv.slice(1), streams, context);
  if (argv[0] === 'import-sop') return runImportSop(argv.slice(1), streams);
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { json: { type: 'boolean' }, lang: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    });
  } catch (error) {
    streams.stderr.write(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
    return 2;
  }
  const [command, ...paths] = parsed.positionals;
  const language = parsed.values.lang === 'en' ? 'en' : 'id';
  if (parsed.values.help === true) {
    streams.stdout.write(USAGE);
    return 0;
  }
  if (
    (command !== 'validate' && command !== 'print') ||
    paths.length === 0 ||
    (command === 'print' && paths.length !== 1)
  ) {
    streams.stderr.write(USAGE);
    return 2;
  }
  const loaded = loadDefinitionPaths(paths);
  const ioFailure = loaded.errors.some((e) => e.code === 'IO_ERROR');
  if (command === 'print') {
    const sop = loaded.folders.flatMap((f) => f.sops)[0];
    if (sop?.definition) {
      streams.stdout.write(`${JSON.stringify(sop.definition, null, 2)}\n`);
      return 0;
    }
    for (const error of loaded.errors) streams.stderr.write(formatLine(error, language));
    return ioFailure || !sop ? 2 : 1;
  }
  const files = loaded.folders.flatMap((f) => [
    ...(f.regencySource !== undefined ? [f.regencyFile] : []),
    ...f.sops.map((s) => s.file),
  ]);
  // Warnings never change the exit code: a rule reading a field that may stay empty.
  const warnings = loaded.folders.flatMap((f) =>
    f.sops.flatMap((s) => (s.definition ? ruleFieldWarnings(s.definition).map((w) => ({ file: s.file, ...w })) : [])),
  );
  if (parsed.values.json === true) {
    streams.stdout.write(
      `${JSON.stringify({ valid: loaded.errors.length === 0, files, errors: loaded.errors, warnings }, null, 2)}\n`,
    );
  } else {
    for (const error of loaded.errors) streams.stdout.write(formatLine(error, language));
    for (const w of warnings) streams.stdout.write(`${w.file}  PERINGATAN  ${w.message}\n`);
    const summary =
      language === 'en'
        ? `${files.length} file(s) checked, ${loaded.errors.length} error(s)${warnings.length > 0 ? `, ${warnings.length} warning(s)` : ''}.\n`
        : `${files.length} berkas diperiksa, ${loaded.errors.length} kesalahan${warnings.length > 0 ? `, ${warnings.length} peringatan` : ''}.\n`;
    (loaded.errors.length > 0 ? streams.stderr : streams.stdout).write(summary);
  }
  if (ioFailure) return 2;
  return loaded.errors.length > 0 ? 1 : 0;
}
