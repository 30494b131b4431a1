import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { runHttpLoad, type LoadRequest } from '../../bench/lib/httpLoad.ts';

let server: Server | undefined;

afterEach(async () => {
  await new Promise((resolve) => server?.close(resolve));
  server = undefined;
});

/** A server that answers each request with its method, path, body and a long padding, in two writes. */
async function echoServer(options: { closeEvery?: number } = {}): Promise<string> {
  let served = 0;
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      served += 1;
      const answer = JSON.stringify({ method: req.method, path: req.url, body, pad: 'é'.repeat(5000) });
      const close = options.closeEvery !== undefined && served % options.closeEvery === 0;
      res.writeHead(200, {
        'content-type': 'application/json',
        'content-length': Buffer.byteLength(answer),
        ...(close ? { connection: 'close' } : {}),
      });
      // Two writes, so the client has to join a response that arrives in pieces.
      res.write(answer.slice(0, 100));
      res.end(answer.slice(100));
    });
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server!.address() as AddressInfo).port}`;
}

type Numbered = LoadRequest & { n: number };

describe('the bench load client (raw keep-alive HTTP/1.1)', () => {
  it('pairs every answer with its own request over several connections', async () => {
    const url = await echoServer();
    let next = 0;
    const seen: Array<{ n: number; answer: { method: string; path: string; body: string } }> = [];
    const result = await runHttpLoad<Numbered>({
      url,
      connections: 3,
      seconds: 0.4,
      next: () => {
        next += 1;
        return { method: 'POST', path: `/r/${next}`, headerLines: 'x-test: 1\r\n', body: `{"n":${next}}`, n: next };
      },
      onResponse: (status, body, request) => {
        expect(status).toBe(200);
        seen.push({ n: request.n, answer: JSON.parse(body) as { method: string; path: string; body: string } });
      },
    });
    expect(result.responses).toBeGreaterThan(10);
    expect(result.responses).toBe(seen.length);
    expect(result.latencies).toHaveLength(seen.length);
    expect(result.errors).toBe(0);
    for (const { n, answer } of seen)
      expect(answer).toMatchObject({ method: 'POST', path: `/r/${n}`, body: `{"n":${n}}` });
  });

  it('spaces requests at the offered rate', async () => {
    const url = await echoServer();
    const result = await runHttpLoad({
      url,
      connections: 4,
      seconds: 1,
      rate: 30,
      next: (): LoadRequest => ({ method: 'GET', path: '/', headerLines: '', body: '' }),
      onResponse: () => undefined,
    });
    expect(result.responses).toBeGreaterThanOrEqual(27);
    expect(result.responses).toBeLessThanOrEqual(31);
  });

  it('counts a connection the server closes as an error and goes on with a new one', async () => {
    const url = await echoServer({ closeEvery: 5 });
    const result = await runHttpLoad({
      url,
      connections: 1,
      seconds: 0.3,
      next: (): LoadRequest => ({ method: 'GET', path: '/', headerLines: '', body: '' }),
      onResponse: (status) => expect(status).toBe(200),
    });
    expect(result.errors).toBeGreaterThan(0);
    expect(result.responses).toBeGreaterThan(4 * result.errors);
  });
});
