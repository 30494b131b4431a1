import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { AppError } from '../app/appErrors.ts';
import type { AccountSummary } from '../app/accounts/accountRows.ts';
import { executeUserCommand, type UserCommand, type UserCommandResult } from '../app/accounts/userCommand.ts';
import { CONTROL_PATH, CONTROL_TOKEN_HEADER } from '../api/controlRoute.ts';
import { readServerLock, type ServerLock } from '../backup/serverLock.ts';
import { databaseTargetFromEnv, type DatabaseTarget } from '../storage/database.ts';
import { withDatabase } from './claimedDatabase.ts';
import { postLocal } from './postLocal.ts';
import { migrateToLatest } from '../storage/migrate.ts';
import type { CliStreams } from './runCli.ts';

/** What `alur user` needs from its surroundings; injected so tests can pass stdin and the environment. */
export interface UserCliContext {
  env: NodeJS.ProcessEnv;
  readStdin: () => Promise<string>;
}

/** Usage of `alur user`. */
export const USER_USAGE = `  alur user create --regency <id> --username <u> --name "<nama>" --role <peran> [--role <peran>…] [--nip "<NIP>"] [--platform-admin] --password-stdin
  alur user list --regency <id> [--json]
  alur user disable <username>
  alur user enable <username>
  alur user reset-password <username> --password-stdin
`;

/** A refusal of the command line itself (exit code 2). */
class UsageError extends Error {}
/** `--help`: usage on stdout, exit code 0. */
class HelpRequested extends Error {}

function buildCommand(argv: string[], password: () => Promise<string>): Promise<UserCommand> | UserCommand {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      regency: { type: 'string' },
      username: { type: 'string' },
      name: { type: 'string' },
      role: { type: 'string', multiple: true },
      nip: { type: 'string' },
      'platform-admin': { type: 'boolean' },
      'password-stdin': { type: 'boolean' },
      json: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help === true) throw new HelpRequested();
  const [sub, target, ...rest] = positionals;
  const missing = (what: string): never => {
    throw new UsageError(`alur user ${sub}: ${what} wajib diisi.`);
  };
  const needStdin = (): void => {
    if (values['password-stdin'] !== true)
      throw new UsageError(
        `alur user ${sub}: kata sandi dibaca dari masukan standar; tambahkan --password-stdin (mis. printf '%s' "$SANDI" | npx alur user ${sub} …).`,
      );
  };
  if (rest.length > 0) throw new UsageError(`Argumen berlebih: ${rest.join(' ')}`);
  switch (sub) {
    case 'create': {
      needStdin();
      const regencyId = values.regency ?? missing('--regency');
      const username = values.username ?? target ?? missing('--username');
      const name = values.name ?? missing('--name');
      const roles = values.role ?? missing('--role (paling sedikit satu)');
      return password().then((pw) => ({
        command: 'create' as const,
        regencyId,
        username,
        name,
        roles,
        password: pw,
        ...(values.nip !== undefined ? { nip: values.nip } : {}),
        ...(values['platform-admin'] === true ? { platformAdmin: true } : {}),
      }));
    }
    case 'list':
      return { command: 'list', regencyId: values.regency ?? missing('--regency') };
    case 'disable':
    case 'enable':
      return { command: sub, username: target ?? values.username ?? missing('<username>') };
    case 'reset-password': {
      needStdin();
      const username = target ?? values.username ?? missing('<username>');
      return password().then((pw) => ({ command: 'reset-password' as const, username, password: pw }));
    }
    default:
      throw new UsageError(
        sub === undefined ? 'Perintah alur user belum disebut.' : `Perintah tidak dikenal: user ${sub}`,
      );
  }
}

/** Runs a command inside the server that holds the embedded database, through its local control endpoint. */
async function throughServer(
  lock: ServerLock,
  command: UserCommand,
  env: NodeJS.ProcessEnv,
): Promise<UserCommandResult> {
  const answer = await postLocal(
    `${lock.url}${CONTROL_PATH}/user`,
    { [CONTROL_TOKEN_HEADER]: lock.token },
    command,
    env,
  );
  const body = answer.body as UserCommandResult & {
    error?: { code: AppError['code']; message: string; path?: string };
  };
  if (body.error) throw new AppError(body.error.code, body.error.message, body.error.path);
  return body;
}

/** Runs a command on a database this process opens itself (PostgreSQL, or an embedded folder no server holds). */
function directly(target: DatabaseTarget, command: UserCommand): Promise<UserCommandResult> {
  return withDatabase(target, async (db) => {
    await migrateToLatest(db);
    return executeUserCommand(db, command);
  });
}

function statusOf(account: AccountSummary): string {
  if (!account.active) return 'nonaktif';
  if (account.locked) return 'terkunci';
  if (account.mustChangePassword) return 'wajib ganti sandi';
  return 'aktif';
}

function printAccounts(accounts: AccountSummary[], streams: CliStreams): void {
  for (const a of accounts)
    streams.stdout.write(
      `${a.username.padEnd(40)} ${a.name.padEnd(36)} ${a.roles.join(',').padEnd(28)} ${statusOf(a)}${a.demo ? ' (demo)' : ''}\n`,
    );
  streams.stdout.write(`${accounts.length} pengguna.\n`);
}

/** The password given on standard input: everything read, less one final line break. */
export function passwordFromStdin(text: string): string {
  return text.replace(/\r?\n$/, '');
}

/**
 * `alur user …`: creates, lists, disables and resets accounts. On PostgreSQL (DATABASE_URL) it opens the
 * database; on the embedded database it goes through the running server when one holds the folder
 * (PGlite allows one process), otherwise it opens the folder itself. Exit codes: 0 done, 1 refused, 2 usage or I/O.
 */
export async function runUserCli(argv: string[], streams: CliStreams, context: UserCliContext): Promise<number> {
  let command: UserCommand;
  try {
    command = await buildCommand(argv, async () => passwordFromStdin(await context.readStdin()));
  } catch (error) {
    if (error instanceof HelpRequested) {
      streams.stdout.write(`Penggunaan:\n${USER_USAGE}`);
      return 0;
    }
    if (error instanceof UsageError || (error instanceof Error && 'code' in error)) {
      streams.stderr.write(`${error.message}\n\nPenggunaan:\n${USER_USAGE}`);
      return 2;
    }
    throw error;
  }
  const target = databaseTargetFromEnv(context.env);
  let result: UserCommandResult;
  try {
    if (target.kind === 'pglite' && target.dataDir !== undefined) {
      const server = readServerLock(target.dataDir);
      if (server?.url.startsWith('http')) result = await throughServer(server, command, context.env);
      else if (!existsSync(target.dataDir)) {
        streams.stderr.write(
          `Basis data tertanam belum ada di ${target.dataDir}. Jalankan \`npm start\` sekali agar basis data dan kabupaten dimuat, atau atur ALUR_DATA_DIR / DATABASE_URL.\n`,
        );
        return 2;
      } else result = await directly(target, command);
    } else result = await directly(target, command);
  } catch (error) {
    if (error instanceof AppError) {
      streams.stderr.write(`Ditolak: ${error.message}\n`);
      return 1;
    }
    streams.stderr.write(
      `Tidak dapat menjalankan perintah: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    return 2;
  }
  if (argv.includes('--json')) streams.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  else if (command.command === 'list') printAccounts(result.accounts, streams);
  else streams.stdout.write(`${result.message}\n`);
  return 0;
}
