import { afterAll, beforeAll } from 'vitest';
import { startTestServer, type TestServer } from './testServer.ts';

/** A describe block's test server, recording every statement its database client sends. */
export interface LoggedServer {
  /** The server (started before the block's tests). */
  readonly test: TestServer;
  /** The statements sent while `request` ran (the session lookup and access log included). */
  statementsOf<T>(request: () => Promise<T>): Promise<{ result: T; sql: string[] }>;
}

/** Starts a test server for the enclosing describe block (its own hooks) with a statement log. */
export function serverWithStatementLog(): LoggedServer {
  let server: TestServer | undefined;
  let statements: string[] = [];
  const record = (query: { sql: string }): void => void statements.push(query.sql);
  beforeAll(async () => {
    server = await startTestServer();
    server.server.db.on('query', record);
  }, 120_000);
  afterAll(async () => {
    server?.server.db.off('query', record);
    await server?.stop();
  });
  return {
    get test(): TestServer {
      if (!server) throw new Error('the test server starts in beforeAll');
      return server;
    },
    async statementsOf<T>(request: () => Promise<T>): Promise<{ result: T; sql: string[] }> {
      statements = [];
      const result = await request();
      return { result, sql: [...statements] };
    },
  };
}
