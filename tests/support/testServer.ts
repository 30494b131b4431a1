import { join } from 'node:path';
import { pino } from 'pino';
import { DEMO_PASSWORD } from '../../engine/app/demoUsers.ts';
import { startServer, type RunningServer } from '../../engine/server/startServer.ts';
import type { DatabaseTarget } from '../../engine/storage/database.ts';
import { ApiClient } from './apiClient.ts';
import { freshDatabase } from './testDatabase.ts';

/** The repository's sop-definitions folder. */
export const definitionsDir = join(import.meta.dirname, '../../sop-definitions');

/** A server on a fresh database for one test file, with demo users and clients per role. */
export interface TestServer {
  server: RunningServer;
  target: DatabaseTarget;
  /** A signed-in client for `<regency>.<role>` (cached). */
  as: (regency: string, role: string) => Promise<ApiClient>;
  stop: () => Promise<void>;
}

/** Starts a server on a fresh database (PGlite in memory, or a new PostgreSQL database when DATABASE_URL is set). */
export async function startTestServer(options: { definitionsDir?: string } = {}): Promise<TestServer> {
  const database = await freshDatabase();
  const server = await startServer({
    target: database.target,
    port: 0,
    definitionsDir: options.definitionsDir ?? definitionsDir,
    demoUsers: true,
    jobPollMs: 3_600_000,
    logger: pino({ level: 'silent' }),
  });
  const clients = new Map<string, Promise<ApiClient>>();
  return {
    server,
    target: database.target,
    as: (regency, role) => {
      const key = `${regency}.${role}`;
      let client = clients.get(key);
      if (!client) {
        const c = new ApiClient(server.url);
        client = c.login(key, DEMO_PASSWORD).then(() => c);
        clients.set(key, client);
      }
      return client;
    },
    stop: async () => {
      await server.close();
      await database.drop();
    },
  };
}
