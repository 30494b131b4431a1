import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import type { Knex } from 'knex';
import type { Logger } from 'pino';
import { ensureDemoUsers } from '../app/demoUsers.ts';
import { runDueJobs } from '../app/jobScheduler.ts';
import { syncDefinitionFolder, type SyncReport } from '../app/syncDefinitionFolder.ts';
import { createApp } from '../api/createApp.ts';
import { safeErrorForLog } from '../api/safeErrorForLog.ts';
import { databaseTargetFromEnv, describeTarget, openDatabase, type DatabaseTarget } from '../storage/database.ts';
import { migrateToLatest } from '../storage/migrate.ts';
import { getRegency } from '../storage/definitionRepository.ts';
import { createLogger } from './createLogger.ts';
import { backgroundJobs } from './jobs.ts';
import { mountUi } from './mountUi.ts';

/** How to start a server process. */
export interface ServerOptions {
  target?: DatabaseTarget;
  port?: number;
  host?: string;
  definitionsDir?: string;
  demoUsers?: boolean;
  jobPollMs?: number;
  logger?: Logger;
  /** Proxies whose X-Forwarded-For is believed (see AppOptions.trustProxy). */
  trustProxy?: string;
}

/** A running server process. */
export interface RunningServer {
  url: string;
  db: Knex;
  sync: SyncReport;
  demoUsers: Array<{ username: string; role: string; name: string; regency: string }>;
  close: () => Promise<void>;
}

/** Starts one stateless API process: migrate, load sop-definitions/, serve, and poll the job table. */
export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  const logger = options.logger ?? createLogger();
  const target = options.target ?? databaseTargetFromEnv();
  const db = openDatabase(target);
  if (target.kind === 'postgres') {
    // Migrations may rebuild indexes of large tables: they run on their own connection without the request timeouts.
    const migrator = openDatabase({ ...target, limits: { statementMs: 0, queryMs: 0, lockMs: 60_000 } });
    await migrateToLatest(migrator).finally(() => migrator.destroy());
  } else await migrateToLatest(db);
  const sync = await syncDefinitionFolder(db, options.definitionsDir ?? 'sop-definitions');
  logger.info(
    {
      database: describeTarget(target),
      regencies: sync.regencies,
      published: sync.published.length,
      unchanged: sync.unchanged,
      drafts: sync.drafts,
      invalid: sync.errors.length,
    },
    'definitions loaded',
  );
  for (const e of sync.errors) logger.warn({ file: e.file, line: e.line, column: e.column, code: e.code }, e.message);
  const demoUsers: RunningServer['demoUsers'] = [];
  if (options.demoUsers ?? process.env.ALUR_DEMO_USERS !== '0') {
    for (const regencyId of sync.regencies) {
      const regency = await getRegency(db, regencyId);
      if (regency) for (const u of await ensureDemoUsers(db, regency)) demoUsers.push({ ...u, regency: regencyId });
    }
  }
  const app = createApp({
    db,
    logger,
    mountUi,
    ...(options.trustProxy !== undefined ? { trustProxy: options.trustProxy } : {}),
  });
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(
      options.port ?? Number(process.env.PORT ?? 3000),
      options.host ?? process.env.HOST ?? '127.0.0.1',
      () => resolve(s),
    );
  });
  const address = server.address() as AddressInfo;
  const url = `http://${address.address.includes(':') ? `[${address.address}]` : address.address}:${address.port}`;
  const runnerId = `${process.pid}-${randomUUID().slice(0, 8)}`;
  let stopping = false;
  const poll = setInterval(
    () => {
      if (stopping) return;
      runDueJobs(db, backgroundJobs, runnerId).catch((error: unknown) =>
        logger.error({ err: safeErrorForLog(error) }, 'job runner failed'),
      );
    },
    options.jobPollMs ?? Number(process.env.ALUR_JOB_POLL_MS ?? 15_000),
  );
  return {
    url,
    db,
    sync,
    demoUsers,
    close: async () => {
      stopping = true;
      clearInterval(poll);
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await db.destroy();
    },
  };
}
