import express from 'express';
import type { Knex } from 'knex';
import type { Logger } from 'pino';
import { AppError } from '../app/appErrors.ts';
import { apiDispatch } from './apiDispatch.ts';
import { errorHandler } from './errorHandler.ts';
import { mountControlRoute, type ControlOptions } from './controlRoute.ts';
import { buildOpenApi } from './openApi.ts';
import { allRoutes } from './routes/allRoutes.ts';
import { handlerFor } from './routeHandler.ts';
import { securityHeaders } from './securityHeaders.ts';

/** Options of the HTTP app. */
export interface AppOptions {
  db: Knex;
  /** A standby for read-only work (dashboards, register, exports); without it everything runs on `db`. */
  readDb?: Knex;
  logger: Logger;
  /** Browsers reach the site over HTTPS (TLS here or at a proxy): Secure cookies, HSTS, upgrade-insecure-requests. */
  https?: boolean;
  /**
   * The proxies whose X-Forwarded-For is believed (express `trust proxy`: comma-separated addresses or
   * subnets, or `loopback`); `none` believes nobody. Default: ALUR_TRUST_PROXY, else `loopback`.
   */
  trustProxy?: string;
  /** The local control endpoint for `alur backup` (servers holding a PGlite folder). */
  control?: ControlOptions;
  /** Extra middleware mounted after the API (the UIs' static files). */
  mountUi?: (app: express.Express) => void;
}

const JSON_LIMIT = '256kb';

/** Builds the express app: security headers, JSON API under /api, OpenAPI document, then the UIs. */
export function createApp(options: AppOptions): express.Express {
  const app = express();
  app.disable('x-powered-by');
  // JSON answers escape <, > and & so a stored payload cannot become markup even if sniffed as HTML.
  app.set('json escape', true);
  // Client addresses count failed logins; only a named proxy may tell us the client's address.
  const trustProxy = options.trustProxy ?? process.env.ALUR_TRUST_PROXY ?? 'loopback';
  app.set('trust proxy', trustProxy === 'none' ? false : trustProxy);
  // API answers are never cached (sessions, personal data), so hashing each body for an ETag is wasted work.
  app.set('etag', false);
  app.use(securityHeaders(options.https === true));
  // Every API answer may carry personal data or a session's view of it: no browser or proxy keeps a copy.
  app.use('/api', (_req, res, next) => {
    res.setHeader('Cache-Control', 'no-store');
    next();
  });
  if (options.control) mountControlRoute(app, options.control);
  // ALUR_SECURE_COOKIES=1 (the older switch) still forces Secure cookies.
  const routes = allRoutes(() => options.https === true || process.env.ALUR_SECURE_COOKIES === '1');
  const openApi = buildOpenApi(routes);
  app.get('/api/openapi.json', (_req, res) => void res.json(openApi));
  app.use(
    '/api',
    apiDispatch(
      routes.map((spec) => ({
        spec,
        parser: spec.rawBody
          ? express.raw({ type: () => true, limit: spec.rawBody.maxBytes })
          : express.json({ limit: JSON_LIMIT, strict: true }),
        handle: handlerFor(spec, options.db, options.readDb),
      })),
    ),
  );
  app.use('/api', (_req, _res, next) => next(new AppError('NOT_FOUND', 'Alamat API tidak dikenal.')));
  options.mountUi?.(app);
  app.use(errorHandler(options.logger));
  return app;
}
