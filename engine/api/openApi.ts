import { FILE_MEDIA_TYPE } from '../contracts/contract.ts';
import type { RouteSpec } from './routeSpec.ts';

const ERROR_SCHEMA = {
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message'],
      properties: {
        code: { type: 'string' },
        message: { type: 'string', description: 'Pesan dalam bahasa Indonesia' },
        path: { type: 'string', description: 'JSON path isian yang salah' },
        details: {
          type: 'array',
          items: { type: 'object', properties: { path: { type: 'string' }, message: { type: 'string' } } },
        },
        reason: { type: 'string', description: 'Kode mesin (FORM_INVALID, TASK_NOT_OPEN, …)' },
      },
    },
  },
};

/** A reply's content: JSON with its schema, or a file of the media type its schema names. */
function replyContent(schema: Record<string, unknown>): Record<string, unknown> {
  const fileType = schema[FILE_MEDIA_TYPE];
  if (typeof fileType === 'string') return { [fileType]: { schema: { type: 'string', format: 'binary' } } };
  return { 'application/json': { schema } };
}

/** Builds the OpenAPI 3.1 document from the same route specs the server runs. */
export function buildOpenApi(routes: readonly RouteSpec[]): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const spec of routes) {
    const parameters: Array<Record<string, unknown>> = [...spec.path.matchAll(/\{(\w+)\}/g)].map((m) => ({
      name: m[1],
      in: 'path',
      required: true,
      schema: { type: 'string' },
    }));
    if (spec.idempotent)
      parameters.push({
        name: 'Idempotency-Key',
        in: 'header',
        required: false,
        schema: { type: 'string', maxLength: 200 },
        description:
          'Kunci unik per tindakan pengguna: permintaan ulang dengan kunci sama (24 jam) mendapat jawaban pertama',
      });
    const queryProperties = (spec.query?.properties ?? {}) as Record<string, Record<string, unknown>>;
    for (const [name, schema] of Object.entries(queryProperties))
      parameters.push({ name, in: 'query', required: false, schema });
    const responses = Object.fromEntries(
      Object.entries(spec.responses).map(([status, description]) => {
        const reply = spec.reply?.[Number(status)];
        return [
          status,
          // A refusal answered with more than the error (a 409 with both revisions) documents its own schema.
          reply
            ? { description, content: replyContent(reply as Record<string, unknown>) }
            : Number(status) >= 400
              ? { description, content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } }
              : { description },
        ];
      }),
    );
    const operation: Record<string, unknown> = { summary: spec.summary, tags: [spec.tag], parameters, responses };
    if (spec.access === 'user') operation.security = [{ sessionCookie: [] }];
    // The permission the route needs, as the permission module names it (no policy: always refused).
    operation['x-alur-permission'] = spec.policy
      ? { action: spec.policy.action, ...(spec.policy.log ? { accessLog: spec.policy.log } : {}) }
      : { action: 'none (ditolak)' };
    if (spec.body) operation.requestBody = { required: true, content: { 'application/json': { schema: spec.body } } };
    if (spec.rawBody)
      operation.requestBody = {
        required: true,
        content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } },
      };
    (paths[spec.path] ??= {})[spec.method] = operation;
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Alur API',
      version: '0.1.0',
      description:
        'API mesin alur kerja SOP Dinas Sosial. Semua kesalahan memakai bentuk { error: { code, message, path? } }.',
    },
    paths,
    components: {
      schemas: { Error: ERROR_SCHEMA },
      securitySchemes: {
        sessionCookie: {
          type: 'apiKey',
          in: 'cookie',
          name: 'alur_session',
          description: 'Penulisan juga memerlukan header X-CSRF-Token dari /api/auth/login.',
        },
      },
    },
  };
}
