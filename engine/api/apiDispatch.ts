import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { AppError } from '../app/appErrors.ts';
import type { RouteSpec } from './routeSpec.ts';

/** One declared route ready to serve: its body parser and its handler. */
export interface ServedRoute {
  spec: RouteSpec;
  parser: RequestHandler;
  handle: (req: Request, res: Response) => Promise<void>;
}

/** A path segment: a fixed word (lower-cased), or a pattern with the names of the parameters it captures. */
type Segment = string | { pattern: RegExp; params: string[] };

interface CompiledRoute extends ServedRoute {
  /** Path segments after `/api`. */
  segments: Segment[];
}

const routeOfRequest = new WeakMap<Request, string>();

/** The declared path of the API route serving `req` (for error reports), if one matched. */
export function matchedRoute(req: Request): string | undefined {
  return routeOfRequest.get(req);
}

function compileSegment(part: string): Segment {
  if (!part.includes('{')) return part.toLowerCase();
  const params: string[] = [];
  // As express's own `:name` (path-to-regexp): one or more characters up to the next fixed text, not across '/'.
  const source = part
    .split(/(\{\w+\})/)
    .map((piece) => {
      const param = /^\{(\w+)\}$/.exec(piece);
      if (!param) return piece.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      params.push(param[1]!);
      return '([^/]+?)';
    })
    .join('');
  return { pattern: new RegExp(`^${source}$`, 'i'), params };
}

function compile(route: ServedRoute): CompiledRoute {
  return { ...route, segments: route.spec.path.split('/').slice(2).map(compileSegment) };
}

/** The route's parameters when `parts` is its path (raw, still URI-encoded), else undefined. */
function paramsOf(route: CompiledRoute, parts: readonly string[]): Record<string, string> | undefined {
  const params: Record<string, string> = {};
  for (const [i, segment] of route.segments.entries()) {
    const part = parts[i]!;
    if (typeof segment === 'string') {
      if (segment !== part.toLowerCase()) return undefined;
      continue;
    }
    const found = segment.pattern.exec(part);
    if (!found) return undefined;
    segment.params.forEach((name, k) => (params[name] = found[k + 1]!));
  }
  return params;
}

function decoded(params: Record<string, string>): Record<string, string> {
  try {
    return Object.fromEntries(Object.entries(params).map(([name, value]) => [name, decodeURIComponent(value)]));
  } catch {
    throw new AppError('BAD_REQUEST', 'Alamat berisi kode % yang tidak sah. Periksa alamatnya.', '/path');
  }
}

/**
 * One middleware for every declared API route, mounted at `/api`: routes are grouped by method and
 * number of segments, so a request is compared with the few routes of its shape instead of walking
 * express's list of ~150 route layers (each a regular expression and a `next()`), which cost more per
 * request than the route's own work on the hot path. Matching follows express's defaults (first
 * declared route wins, case-insensitive, one trailing slash allowed, parameters URI-decoded); HEAD is
 * served by the GET route.
 */
export function apiDispatch(routes: readonly ServedRoute[]): RequestHandler {
  const byShape = new Map<string, CompiledRoute[]>();
  for (const route of routes.map(compile)) {
    const key = `${route.spec.method} ${route.segments.length}`;
    byShape.set(key, [...(byShape.get(key) ?? []), route]);
  }
  return (req: Request, res: Response, next: NextFunction): void => {
    const path = req.path.length > 1 && req.path.endsWith('/') ? req.path.slice(0, -1) : req.path;
    const parts = path.split('/').slice(1);
    const method = req.method === 'HEAD' ? 'get' : req.method.toLowerCase();
    for (const route of byShape.get(`${method} ${parts.length}`) ?? []) {
      const params = paramsOf(route, parts);
      if (!params) continue;
      try {
        req.params = decoded(params);
      } catch (error) {
        return next(error);
      }
      routeOfRequest.set(req, route.spec.path);
      void route.parser(req, res, (error?: unknown) => {
        if (error) return next(error);
        route.handle(req, res).catch(next);
      });
      return;
    }
    next();
  };
}
