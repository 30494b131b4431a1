import { randomBytes, randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { createServer as createHttpServer, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { Knex } from 'knex';
import type { Logger } from 'pino';
import { executeUserCommand, parseUserCommand } from '../app/accounts/userCommand.ts';
import { demoUsersWanted, disableDemoUsers, ensureDemoUsers } from '../app/demoUsers.ts';
import { runDueJobs } from '../app/jobScheduler.ts';
import type { SyncReport } from '../app/syncDefinitionFolder.ts';
import { syncIfChanged } from '../app/syncIfChanged.ts';
import { refreshCalendarOverrides } from '../app/calendar/calendarChanges.ts';
import { createApp } from '../api/createApp.ts';
import { assertFolderFree, writeServerLock } from '../backup/serverLock.ts';
import { writeBackupFile } from '../backup/writeBackupFile.ts';
import { safeErrorForLog } from '../api/safeErrorForLog.ts';
import {
  databaseTargetFromEnv,
  describeTarget,
  openDatabase,
  openReadDatabase,
  type DatabaseTarget,
} from '../storage/database.ts';
import { ownerTargetFromEnv, prepareSchema } from '../storage/schemaOwner.ts';
import { getRegency } from '../storage/definitionRepository.ts';
import { createLogger } from './createLogger.ts';
import { backgroundJobs } from './jobs.ts';
import { mountUi } from './mountUi.ts';
import { transportFromEnv, type TransportMode } from './transportMode.ts';

/** How to start a server process. */
export interface ServerOptions {
  target?: DatabaseTarget;
  /** The schema owner's login, for migrations only (default: ALUR_MIGRATION_DATABASE_URL, else `target`). */
  ownerTarget?: DatabaseTarget;
  port?: number;
  host?: string;
  definitionsDir?: string;
  /** Demo accounts on or off; default from ALUR_DEMO_USERS and the database kind (see demoUsersWanted). */
  demoUsers?: boolean;
  jobPollMs?: number;
  logger?: Logger;
  /** Plain HTTP or HTTPS (default: from ALUR_TLS_CERT/ALUR_TLS_KEY/ALUR_PUBLIC_URL). */
  transport?: TransportMode;
  /** Hash of the compiled server's sources: with it, an unchanged SOP folder is not re-validated on restart. */
  codeVersion?: string;
  /** Proxies whose X-Forwarded-For is believed (see AppOptions.trustProxy). */
  trustProxy?: string;
}

/** A running server process. */
export interface RunningServer {
  url: string;
  /** The address users are told (ALUR_PUBLIC_URL, else `url`). */
  publicUrl: string;
  transport: TransportMode;
  db: Knex;
  sync: SyncReport & { skipped: boolean };
  demoUsers: Array<{ username: string; role: string; name: string; regency: string }>;
  /** Whether demo accounts are on, and how many existing ones this start disabled. */
  demo: { enabled: boolean; disabled: number };
  close: () => Promise<void>;
}

/** Starts one stateless API process: migrate, load sop-definitions/, serve, and poll the job table. */
export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  const logger = options.logger ?? createLogger();
  const transport = options.transport ?? transportFromEnv();
  const target = options.target ?? databaseTargetFromEnv();
  // PGlite is single-process: a second server on the same folder would corrupt it.
  const lockedDir = target.kind === 'pglite' ? target.dataDir : undefined;
  if (lockedDir !== undefined) assertFolderFree(lockedDir);
  const db = openDatabase(target);
  await prepareSchema(db, target, options.ownerTarget ?? ownerTargetFromEnv(target));
  const sync = await syncIfChanged(db, options.definitionsDir ?? 'sop-definitions', options.codeVersion);
  // Admin changes to the holiday calendar (over the shipped SKB files); re-read on every job poll below.
  await refreshCalendarOverrides(db);
  logger.info(
    {
      database: describeTarget(target),
      regencies: sync.regencies,
      published: sync.published.length,
      unchanged: sync.unchanged,
      drafts: sync.drafts,
      invalid: sync.errors.length,
      skipped: sync.skipped,
    },
    'definitions loaded',
  );
  for (const e of sync.errors) logger.warn({ file: e.file, line: e.line, column: e.column, code: e.code }, e.message);
  const demoUsers: RunningServer['demoUsers'] = [];
  const demoEnabled = options.demoUsers ?? demoUsersWanted(process.env, target);
  let demoDisabled = 0;
  if (demoEnabled) {
    for (const regencyId of sync.regencies) {
      const regency = await getRegency(db, regencyId);
      if (regency) for (const u of await ensureDemoUsers(db, regency)) demoUsers.push({ ...u, regency: regencyId });
    }
  } else demoDisabled = await disableDemoUsers(db);
  logger.info(
    { demoUsers: demoEnabled, demoUsersDisabled: demoDisabled },
    demoEnabled ? 'demo accounts on' : 'demo accounts off',
  );
  const controlToken = randomBytes(32).toString('hex');
  const readDb = openReadDatabase(target);
  const app = createApp({
    db,
    ...(readDb ? { readDb } : {}),
    logger,
    mountUi,
    ...(options.trustProxy !== undefined ? { trustProxy: options.trustProxy } : {}),
    https: transport.https,
    // PGlite is single-process: `alur backup` and `alur user …` reach this server's database through it.
    ...(lockedDir !== undefined
      ? {
          control: {
            token: controlToken,
            backup: (out: string) => writeBackupFile(db, out),
            user: (command: unknown) => executeUserCommand(db, parseUserCommand(command)),
          },
        }
      : {}),
  });
  const server: Server = transport.tls
    ? createHttpsServer({ cert: transport.tls.cert, key: transport.tls.key }, app)
    : createHttpServer(app);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(
      options.port ?? Number(process.env.PORT ?? 3000),
      options.host ?? process.env.HOST ?? '127.0.0.1',
      () => resolve(),
    );
  });
  const address = server.address() as AddressInfo;
  const host = address.address.includes(':') ? `[${address.address}]` : address.address;
  const scheme = transport.tls ? 'https' : 'http';
  const url = `${scheme}://${host}:${address.port}`;
  // The CLI on this machine reaches a server listening on every interface through loopback.
  const wildcard = address.address === '0.0.0.0' || address.address === '::';
  const localUrl = `${scheme}://${wildcard ? '127.0.0.1' : host}:${address.port}`;
  const lock = lockedDir !== undefined ? writeServerLock(lockedDir, localUrl, controlToken) : undefined;
  const runnerId = `${process.pid}-${randomUUID().slice(0, 8)}`;
  let stopping = false;
  const poll = setInterval(
    () => {
      if (stopping) return;
      // Every process keeps its own calendar: another process's admin change arrives here within one poll.
      refreshCalendarOverrides(db).catch((error: unknown) =>
        logger.error({ err: safeErrorForLog(error) }, 'calendar refresh failed'),
      );
      runDueJobs(db, backgroundJobs, runnerId, new Date(), 300, logger).catch((error: unknown) =>
        logger.error({ err: safeErrorForLog(error) }, 'job runner failed'),
      );
    },
    options.jobPollMs ?? Number(process.env.ALUR_JOB_POLL_MS ?? 15_000),
  );
  return {
    url,
    publicUrl: transport.publicUrl ?? url,
    transport,
    db,
    sync,
    demoUsers,
    demo: { enabled: demoEnabled, disabled: demoDisabled },
    close: async () => {
      stopping = true;
      clearInterval(poll);
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await db.destroy();
      await readDb?.destroy();
      lock?.release();
    },
  };
}
