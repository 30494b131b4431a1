import { runHttpLoad, type LoadRequest } from './httpLoad.ts';
import type { ServerProcess } from './serverProcess.ts';
import type { ResultTable } from './types.ts';

/** What one floor request costs the API process. */
interface Floor {
  what: string;
  perSecond: number;
  cpuMsPerRequest: number;
}

async function measure(server: ServerProcess, what: string, path: string, seconds: number): Promise<Floor> {
  const before = server.cpuSeconds();
  const request: LoadRequest = { method: 'GET', path, headerLines: '', body: '' };
  const result = await runHttpLoad({
    url: server.url,
    connections: 8,
    seconds,
    next: () => request,
    onResponse: () => undefined,
  });
  const requests = result.responses;
  return {
    what,
    perSecond: requests / seconds,
    cpuMsPerRequest: ((server.cpuSeconds() - before) * 1000) / Math.max(1, requests),
  };
}

/**
 * The fixed costs under every completion, measured on the same server process: a request that only
 * crosses the HTTP stack (express, security headers, routing, a JSON error body), and one that also
 * opens the request's database transaction (BEGIN with the scope, one SELECT, COMMIT).
 */
export async function requestFloors(
  server: ServerProcess,
  seconds: number,
): Promise<{ table: ResultTable; httpMs: number; transactionMs: number }> {
  // Warm both paths first, so the figures are not the JIT's.
  await measure(server, 'warm-up', '/api/tidak-ada', 1);
  await measure(server, 'warm-up', '/api/health', 1);
  const http = await measure(
    server,
    'HTTP only: GET /api/tidak-ada (404 through express, headers, routing, JSON error)',
    '/api/tidak-ada',
    seconds,
  );
  const transaction = await measure(
    server,
    'HTTP + one database transaction: GET /api/health (BEGIN with the scope, SELECT 1, COMMIT)',
    '/api/health',
    seconds,
  );
  const fmt = (n: number): number => Number(n.toPrecision(3));
  return {
    table: {
      title: 'Fixed costs under every request, same API process, 8 clients (CPU of the API process per request)',
      header: ['request', 'per second', 'API CPU ms per request'],
      rows: [http, transaction].map((f) => [f.what, Math.round(f.perSecond), fmt(f.cpuMsPerRequest)]),
    },
    httpMs: http.cpuMsPerRequest,
    transactionMs: transaction.cpuMsPerRequest,
  };
}
