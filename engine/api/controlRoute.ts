import { createHash, timingSafeEqual } from 'node:crypto';
import { isAbsolute } from 'node:path';
import { networkInterfaces } from 'node:os';
import express from 'express';
import type { UserCommandResult } from '../app/accounts/userCommand.ts';
import type { WrittenBackup } from '../backup/writeBackupFile.ts';

/** Header carrying the token from the server's lock file. */
export const CONTROL_TOKEN_HEADER = 'x-alur-control-token';

/** The local control endpoints under this prefix: `backup` and `user`. */
export const CONTROL_PATH = '/api/system';

/** What the local control endpoints can do: `alur backup` and `alur user …` run inside the server. */
export interface ControlOptions {
  token: string;
  backup: (out: string) => Promise<WrittenBackup>;
  /** Runs an `alur user` command given as its JSON body (validated by the command's own parser). */
  user: (command: unknown) => Promise<UserCommandResult>;
}

function sameToken(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

/** Addresses of this machine: the CLI runs here, so a control request comes from one of them. */
function localAddresses(): Set<string> {
  const addresses = new Set(['127.0.0.1', '::1']);
  for (const list of Object.values(networkInterfaces())) for (const a of list ?? []) addresses.add(a.address);
  return addresses;
}

function refuse(res: express.Response, status: number, message: string): void {
  res.status(status).json({ error: { code: status === 400 ? 'BAD_REQUEST' : 'FORBIDDEN', message } });
}

/**
 * `POST /api/system/backup` and `POST /api/system/user` for the `alur` CLI while this server holds the
 * PGlite folder (PGlite is single-process, so the CLI cannot open it). Only from this machine and only
 * with the token of the lock file (readable by the server's OS user alone): who may read that file may
 * read the database folder anyway. Not part of the user API.
 */
export function mountControlRoute(app: express.Express, control: ControlOptions): void {
  const onlyThisMachine: express.RequestHandler = (req, res, next) => {
    const remote = (req.socket.remoteAddress ?? '').replace(/^::ffff:/, '');
    const token = req.get(CONTROL_TOKEN_HEADER) ?? '';
    if (localAddresses().has(remote) && sameToken(token, control.token)) return next();
    refuse(
      res,
      403,
      'Hanya perintah alur di mesin server ini, dengan token berkas kunci server, yang diterima di sini.',
    );
  };
  const json = express.json({ limit: '16kb', strict: true });
  app.post(`${CONTROL_PATH}/backup`, onlyThisMachine, json, (req, res, next) => {
    const out = (req.body as { out?: unknown } | undefined)?.out;
    if (typeof out !== 'string' || !isAbsolute(out)) {
      refuse(res, 400, 'Berkas tujuan (out) harus jalur absolut.');
      return;
    }
    control.backup(out).then((written) => void res.json(written), next);
  });
  app.post(`${CONTROL_PATH}/user`, onlyThisMachine, json, (req, res, next) => {
    control.user(req.body).then((result) => void res.json(result), next);
  });
}
