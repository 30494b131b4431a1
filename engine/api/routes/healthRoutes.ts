import { systemContracts } from '../../contracts/systemContracts.ts';
import { implement, type RouteSpec } from '../routeSpec.ts';
import { pingDatabase } from '../../storage/health/pingDatabase.ts';

/** Liveness and database check. */
export const healthRoutes: RouteSpec[] = [
  implement(systemContracts.health, {
    summary: 'Status server dan basis data',
    tag: 'sistem',
    access: 'public',
    policy: { action: 'public' },
    responses: { 200: 'Sehat', 503: 'Basis data tidak terjangkau (dengan Retry-After)' },
    handler: async ({ db }) => {
      await pingDatabase(db);
      return { body: { status: 'ok' as const, time: new Date().toISOString() } };
    },
  }),
];
