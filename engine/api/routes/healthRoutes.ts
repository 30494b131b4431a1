import { route, type RouteSpec } from '../routeSpec.ts';

/** Liveness and database check. */
export const healthRoutes: RouteSpec[] = [
  route({
    method: 'get',
    path: '/api/health',
    summary: 'Status server dan basis data',
    tag: 'sistem',
    access: 'public',
    policy: { action: 'public' },
    responses: { 200: 'Sehat', 503: 'Basis data tidak terjangkau (dengan Retry-After)' },
    handler: async ({ db }) => {
      await db.raw('SELECT 1');
      return { body: { status: 'ok', time: new Date().toISOString() } };
    },
  }),
];
