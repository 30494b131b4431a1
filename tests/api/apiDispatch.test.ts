import express, { type Request, type Response } from 'express';
import helmet from 'helmet';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiDispatch } from '../../engine/api/apiDispatch.ts';
import type { RouteSpec } from '../../engine/api/routeSpec.ts';
import { CONTENT_SECURITY_POLICY, securityHeaders } from '../../engine/api/securityHeaders.ts';

// Only method and path matter to the dispatcher; the rest of a spec is the handler's business.
const route = (method: RouteSpec['method'], path: string) => ({
  spec: { method, path } as RouteSpec,
  parser: express.json(),
  handle: (req: Request, res: Response) => {
    res.json({ route: `${method} ${path}`, params: req.params, body: req.body as unknown });
    return Promise.resolve();
  },
});

describe('the API dispatcher matches like express did', () => {
  let base = '';
  let close: () => void = () => undefined;
  beforeAll(async () => {
    const app = express();
    app.use(
      '/api',
      apiDispatch([
        route('get', '/api/cases/register'),
        route('get', '/api/cases/{caseId}'),
        route('post', '/api/tasks/{taskId}/complete'),
        route('get', '/api/exports/{report}.{format}'),
        route('get', '/api/monitoring/evaluation/{sopId}/{year}.html'),
      ]),
    );
    app.use((_req, res) => void res.status(404).json({ route: null }));
    app.use((error: { status?: number }, _req: Request, res: Response, _next: () => void) => {
      res.status(error.status ?? 500).json({ error: true });
    });
    const server = app.listen(0);
    await new Promise((resolve) => server.once('listening', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    close = () => server.close();
  });
  afterAll(() => close());

  const get = async (path: string, init?: RequestInit) => {
    const response = await fetch(`${base}${path}`, init);
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };

  it('the first declared route wins, parameters are decoded, case and one trailing slash do not matter', async () => {
    expect((await get('/api/cases/register')).body.route).toBe('get /api/cases/register');
    expect((await get('/api/cases/kasus%20satu')).body).toMatchObject({
      route: 'get /api/cases/{caseId}',
      params: { caseId: 'kasus satu' },
    });
    expect((await get('/api/CASES/abc/')).body).toMatchObject({ params: { caseId: 'abc' } });
  });

  it('parameters inside a segment, the method, the body parser and HEAD', async () => {
    expect((await get('/api/exports/register.csv')).body.params).toEqual({ report: 'register', format: 'csv' });
    expect((await get('/api/monitoring/evaluation/sop-1/2026.html')).body.params).toEqual({
      sopId: 'sop-1',
      year: '2026',
    });
    expect((await get('/api/monitoring/evaluation/sop-1/2026.pdf')).body.route).toBeNull();
    const done = await get('/api/tasks/t-1/complete', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"checklist":{"ktp":true}}',
    });
    expect(done.body).toMatchObject({ params: { taskId: 't-1' }, body: { checklist: { ktp: true } } });
    expect((await get('/api/tasks/t-1/complete')).body.route).toBeNull();
    expect((await fetch(`${base}/api/cases/abc`, { method: 'HEAD' })).status).toBe(200);
  });

  it('an empty parameter is no match, a malformed escape is a 400', async () => {
    expect((await get('/api/tasks//complete', { method: 'POST' })).body.route).toBeNull();
    expect((await get('/api/cases/%E0%A4%A')).status).toBe(400);
  });
});

describe('security headers computed once are the ones helmet sets per request', () => {
  it.each([false, true])('https %s', async (https) => {
    const reference = helmet({
      contentSecurityPolicy: {
        useDefaults: true,
        directives: { ...CONTENT_SECURITY_POLICY, 'upgrade-insecure-requests': https ? [] : null },
      },
      crossOriginOpenerPolicy: https,
      referrerPolicy: { policy: 'no-referrer' },
    });
    const headersOf = async (middleware: express.RequestHandler) => {
      const app = express();
      app.disable('x-powered-by');
      app.use(middleware);
      app.get('/', (_req, res) => void res.send('ok'));
      const server = app.listen(0);
      await new Promise((resolve) => server.once('listening', resolve));
      const response = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
      server.close();
      const headers: Record<string, string> = {};
      response.headers.forEach((value, name) => {
        if (name !== 'date') headers[name] = value;
      });
      return headers;
    };
    const ours = await headersOf(securityHeaders(https) as express.RequestHandler);
    expect(ours).toEqual(await headersOf(reference));
    expect(ours['content-security-policy']).toContain("script-src 'self'");
    expect(Boolean(ours['content-security-policy']!.includes('upgrade-insecure-requests'))).toBe(https);
  });
});
