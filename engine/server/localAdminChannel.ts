import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Request, Response } from 'express';
import type { Knex } from 'knex';
import type { Logger } from 'pino';
import { AppError } from '../app/appErrors.ts';
import { executeUserCommand, parseUserCommand } from '../app/accounts/userCommand.ts';
import { sendError } from '../api/errorHandler.ts';
import { safeErrorForLog } from '../api/safeErrorForLog.ts';

/**
 * The local admin channel: PGlite is single-process, so while a server holds the embedded database
 * folder, `alur user …` runs its command inside that server. The server writes a file readable only by
 * its own OS user into the data folder — its URL, pid and a fresh random secret — and accepts commands
 * at POST /api/local-admin/user that carry the secret. Whoever can read the file could open the
 * database itself, so the channel grants nothing new.
 */
export const LOCAL_ADMIN_FILE = 'alur-local-admin.json';
/** The path of the channel endpoint. */
export const LOCAL_ADMIN_PATH = '/api/local-admin/user';
/** The header carrying the secret. */
export const LOCAL_ADMIN_HEADER = 'x-alur-local-secret';

/** What the channel file holds. */
export interface LocalAdminInfo {
  url: string;
  pid: number;
  secret: string;
}

/** The channel file of a data folder, if a live process wrote it (a stale file of a crashed server is ignored). */
export function readLocalAdminInfo(dataDir: string): LocalAdminInfo | undefined {
  let info: LocalAdminInfo;
  try {
    info = JSON.parse(readFileSync(join(dataDir, LOCAL_ADMIN_FILE), 'utf8')) as LocalAdminInfo;
  } catch {
    return undefined;
  }
  try {
    process.kill(info.pid, 0);
  } catch (error) {
    // EPERM: the process exists but belongs to another user — still a live holder of the folder.
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return undefined;
  }
  return info;
}

/** A secret and the request handler that checks it; `publish` writes the channel file once the URL is known. */
export interface LocalAdminChannel {
  handler: (req: Request, res: Response) => void;
  publish: (url: string) => void;
  close: () => void;
}

/** Opens the channel for a data folder; commands run on `db`. */
export function openLocalAdminChannel(dataDir: string, db: Knex, logger: Logger): LocalAdminChannel {
  const secret = randomBytes(32).toString('base64url');
  const file = join(dataDir, LOCAL_ADMIN_FILE);
  const expected = Buffer.from(secret);
  const handler = (req: Request, res: Response): void => {
    const given = Buffer.from(req.get(LOCAL_ADMIN_HEADER) ?? '');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      sendError(res, new AppError('UNAUTHENTICATED', 'Kunci saluran admin lokal tidak cocok.'));
      return;
    }
    Promise.resolve()
      .then(() => executeUserCommand(db, parseUserCommand(req.body)))
      .then(
        (result) => void res.json(result),
        (error: unknown) => {
          if (error instanceof AppError) return sendError(res, error);
          logger.error({ err: safeErrorForLog(error) }, 'local admin command failed');
          sendError(res, new AppError('INTERNAL', 'Perintah gagal karena kesalahan server; lihat log server.'));
        },
      );
  };
  return {
    handler,
    publish: (url) => {
      const info: LocalAdminInfo = { url, pid: process.pid, secret };
      writeFileSync(file, `${JSON.stringify(info)}\n`, { mode: 0o600 });
    },
    close: () => rmSync(file, { force: true }),
  };
}
