import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { Type } from '@sinclair/typebox';
import express from 'express';
import type { Knex } from 'knex';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOpenApi } from '../../engine/api/openApi.ts';
import { handlerFor } from '../../engine/api/routeHandler.ts';
import { implement, route } from '../../engine/api/routeSpec.ts';
import { allRoutes } from '../../engine/api/routes/allRoutes.ts';
import { allContracts } from '../../engine/contracts/allContracts.ts';
import { contract, FILE_MEDIA_TYPE, urlOf } from '../../engine/contracts/contract.ts';
import { openDatabase } from '../../engine/storage/database.ts';
import { migrateToLatest } from '../../engine/storage/migrate.ts';
import { freshDatabase } from '../support/testDatabase.ts';

const routes = allRoutes();
const key = (r: { method: string; path: string }) => `${r.method.toUpperCase()} ${r.path}`;

describe('route contracts (engine/contracts): one declaration for server, OpenAPI and client', () => {
  it('every contract is implemented by exactly one route with the same method, path and schemas', () => {
    for (const [group, contracts] of Object.entries(allContracts))
      for (const [name, declared] of Object.entries(contracts)) {
        const implementing = routes.filter((r) => key(r) === key(declared));
        expect(implementing, `${group}.${name}`).toHaveLength(1);
        expect(implementing[0]!.reply, `${group}.${name}`).toBe(declared.reply);
        expect(implementing[0]!.body, `${group}.${name}`).toBe(declared.body);
      }
  });

  it('every route with a contract declares a reply schema for each success status it documents', () => {
    for (const r of routes.filter((r) => r.reply)) {
      const success = Object.keys(r.responses).filter((s) => Number(s) < 400);
      expect(success.length, key(r)).toBeGreaterThan(0);
      for (const status of success) expect(r.reply![Number(status)], `${key(r)} ${status}`).toBeDefined();
    }
  });

  it('every route is declared by a contract (params, query, body and replies in one place)', () => {
    const declared = new Set(Object.values(allContracts).flatMap((group) => Object.values(group).map(key)));
    expect(routes.filter((r) => !r.reply || !declared.has(key(r))).map(key)).toEqual([]);
    expect(routes.length).toBeGreaterThan(130);
  });

  it('the OpenAPI document carries each declared reply schema', () => {
    const doc = buildOpenApi(routes) as {
      paths: Record<string, Record<string, { responses: Record<string, { content?: unknown }> }>>;
    };
    for (const r of routes.filter((r) => r.reply))
      for (const status of Object.keys(r.reply!))
        expect(doc.paths[r.path]![r.method]!.responses[status]?.content, `${key(r)} ${status}`).toEqual(
          FILE_MEDIA_TYPE in r.reply![Number(status)]!
            ? { [String(r.reply![Number(status)]![FILE_MEDIA_TYPE])]: { schema: { type: 'string', format: 'binary' } } }
            : { 'application/json': { schema: r.reply![Number(status)] } },
        );
  });

  it('the client builds the URL the server routes: parameters encoded, query values appended', () => {
    const declared = contract({
      method: 'post',
      path: '/api/x/{caseId}/y/{taskId}',
      query: Type.Object({ status: Type.String() }),
      reply: { 200: Type.Object({}) },
    });
    expect(urlOf(declared, { caseId: 'a/b', taskId: 't 1' }, { status: 'dead', other: undefined })).toBe(
      '/api/x/a%2Fb/y/t%201?status=dead',
    );
    expect(() => urlOf(declared, { caseId: 'a' })).toThrow(/taskId/);
  });
});

describe('replies checked against their contract (ALUR_CHECK_REPLIES, on in every test run)', () => {
  let db: Knex;
  let drop: () => Promise<void>;
  let server: Server;
  let base: string;
  const declared = contract({
    method: 'get',
    path: '/api/test-contract/{kind}',
    reply: { 200: Type.Object({ count: Type.Integer(), names: Type.Array(Type.String()) }) },
  });
  beforeAll(async () => {
    const fresh = await freshDatabase();
    drop = fresh.drop;
    db = openDatabase(fresh.target);
    await migrateToLatest(db);
    const good = implement(declared, {
      summary: 'test',
      tag: 'test',
      access: 'public',
      policy: { action: 'public' },
      responses: { 200: 'ok' },
      handler: ({ params }) => Promise.resolve({ body: { count: params.kind.length, names: [params.kind] } }),
    });
    // The older, untyped way lets a handler answer anything: the check in the test run is what catches it.
    const drifted = route({
      ...good,
      path: '/api/test-contract-drifted/{kind}',
      handler: () => Promise.resolve({ body: { count: 'dua', names: [] } }),
    });
    const app = express();
    for (const spec of [good, drifted])
      app.get(spec.path.replace('{kind}', ':kind'), (req, res, next) => {
        handlerFor(spec, db)(req, res).catch(next);
      });
    app.use((error: Error, _req: express.Request, res: express.Response, _next: express.NextFunction) => {
      res.status(500).json({ error: { code: 'INTERNAL', message: error.message } });
    });
    server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server?.close();
    await db?.destroy();
    await drop?.();
  });

  it('a reply that matches passes', async () => {
    const response = await fetch(`${base}${urlOf(declared, { kind: 'lansia' })}`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ count: 6, names: ['lansia'] });
  });

  it('a reply that drifted from its contract fails the request, naming the route and the field', async () => {
    const response = await fetch(`${base}/api/test-contract-drifted/lansia`);
    expect(response.status).toBe(500);
    const body = (await response.json()) as { error: { message: string } };
    expect(body.error.message).toContain('GET /api/test-contract-drifted/{kind} breaks its contract');
    expect(body.error.message).toContain('/count');
  });
});
