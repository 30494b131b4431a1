import { Type } from '@sinclair/typebox';
import { contract } from './contract.ts';

/** Liveness and the database check, for monitors and load balancers. */
export const systemContracts = {
  health: contract({
    method: 'get',
    path: '/api/health',
    reply: { 200: Type.Object({ status: Type.Literal('ok'), time: Type.String({ format: 'date-time' }) }) },
  }),
};
