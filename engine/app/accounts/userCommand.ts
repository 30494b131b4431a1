import type { Knex } from 'knex';
import { AppError } from '../appErrors.ts';
import { CLI_ACTOR } from './accountEvents.ts';
import { findAccount } from './accountRows.ts';
import type { AccountSummary } from './accountRows.ts';
import { createAccount, listAccounts, resetCredential, setAccountActive } from './accountService.ts';

/** One `alur user …` command as data: run in the CLI process or, through the local admin channel, in the server. */
export type UserCommand =
  | {
      command: 'create';
      regencyId: string;
      username: string;
      name: string;
      roles: string[];
      password: string;
      nip?: string;
      platformAdmin?: boolean;
    }
  | { command: 'list'; regencyId: string }
  | { command: 'disable'; username: string }
  | { command: 'enable'; username: string }
  | { command: 'reset-password'; username: string; password: string };

/** What a user command answers: the accounts it touched and an Indonesian line to print. */
export interface UserCommandResult {
  message: string;
  accounts: AccountSummary[];
}

const COMMANDS = new Set(['create', 'list', 'disable', 'enable', 'reset-password']);

/** Checks that a value received over the local admin channel is a UserCommand (field types only). */
export function parseUserCommand(value: unknown): UserCommand {
  const bad = new AppError('BAD_REQUEST', 'Perintah pengguna tidak sah.');
  if (value === null || typeof value !== 'object') throw bad;
  const v = value as Record<string, unknown>;
  if (typeof v.command !== 'string' || !COMMANDS.has(v.command)) throw bad;
  const strings = ['regencyId', 'username', 'name', 'password', 'nip'];
  for (const key of strings) if (v[key] !== undefined && typeof v[key] !== 'string') throw bad;
  if (v.roles !== undefined && !(Array.isArray(v.roles) && v.roles.every((r) => typeof r === 'string'))) throw bad;
  const need = (keys: string[]): void => {
    if (keys.some((k) => v[k] === undefined)) throw bad;
  };
  if (v.command === 'create') need(['regencyId', 'username', 'name', 'roles', 'password']);
  if (v.command === 'list') need(['regencyId']);
  if (v.command === 'disable' || v.command === 'enable') need(['username']);
  if (v.command === 'reset-password') need(['username', 'password']);
  return v as unknown as UserCommand;
}

/** Runs a user command against the database, as the command line (every change is an account event). */
export async function executeUserCommand(db: Knex, command: UserCommand): Promise<UserCommandResult> {
  switch (command.command) {
    case 'create': {
      const { account } = await createAccount(
        db,
        {
          regencyId: command.regencyId,
          username: command.username,
          name: command.name,
          roles: command.roles,
          nip: command.nip ?? null,
          credential: { kind: 'password', password: command.password },
          platformAdmin: command.platformAdmin ?? false,
        },
        CLI_ACTOR,
      );
      return {
        message: `Pengguna ${account.username} dibuat di ${account.regencyId}; dapat langsung masuk.`,
        accounts: [account],
      };
    }
    case 'list':
      return { message: '', accounts: await listAccounts(db, command.regencyId) };
    case 'disable':
    case 'enable': {
      const active = command.command === 'enable';
      const account = await setAccountActive(db, await findAccount(db, command.username), active, CLI_ACTOR);
      return {
        message: active
          ? `Pengguna ${account.username} diaktifkan kembali.`
          : `Pengguna ${account.username} dinonaktifkan; sesinya diakhiri.`,
        accounts: [account],
      };
    }
    case 'reset-password': {
      const { account } = await resetCredential(
        db,
        await findAccount(db, command.username),
        { kind: 'password', password: command.password },
        CLI_ACTOR,
      );
      return {
        message: `Kata sandi ${account.username} diganti; kuncian dan sesi lamanya dihapus.`,
        accounts: [account],
      };
    }
  }
}
