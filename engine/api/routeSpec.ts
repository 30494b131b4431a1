import type { Knex } from 'knex';
import type { Request, Response } from 'express';
import type { AccessKind } from '../app/accessLog/recordAccess.ts';
import { AppError } from '../app/appErrors.ts';
import type { SessionAccount } from '../app/authService.ts';
import type { AuthUser } from '../app/authUser.ts';
import type { AccessProfile } from '../app/permissions/accessProfile.ts';
import type { Action } from '../app/permissions/actions.ts';
import type { PublicCodeKind } from '../storage/regencyScope.ts';
import type { Sql } from '../storage/sql.ts';
import type { AnswerOf, BodyOf, Contract, ParamsOf } from '../contracts/contract.ts';

/**
 * What a handler receives: the database (a transaction scoped to the user's regency by row-level
 * security), the signed-in user and their access profile (if any), validated input and the raw request.
 */
export interface RouteContext<Body = unknown> {
  db: Knex;
  /** The same transaction for fixed statements written against `Sql` (the hot path's storage functions). */
  sql: Sql;
  /**
   * Runs read-only work (dashboards, register, exports) on the read database (ALUR_DATABASE_READ_URL,
   * a standby) in its own read-only transaction under the same regency scope; without a read database,
   * on `db`. Writes (the access log) stay on `db`.
   */
  read: <T>(work: (db: Knex) => Promise<T>) => Promise<T>;
  user: AuthUser | undefined;
  access: AccessProfile | undefined;
  /** The session's CSRF token (signed-in routes), for the UI to echo on writes. */
  csrfToken: string | undefined;
  /** Account facts of the session (platform admin, pending password change), for account routes. */
  account: SessionAccount | undefined;
  body: Body;
  params: Record<string, string>;
  query: Record<string, string | undefined>;
  req: Request;
  res: Response;
}

/** A file sent after the request's transaction committed (so an access record exists before any byte leaves). */
export interface FileResult {
  content: Buffer | Uint8Array;
  mediaType: string;
  fileName: string;
  disposition?: 'inline' | 'attachment';
}

/**
 * A handler's answer: status and JSON body; a `file` (with its status); a `redirect`; `raw` when the handler already wrote the response;
 * or an `error` answered after committing (for refusals whose bookkeeping must persist, like failed logins).
 * `accessDetail` adds non-personal detail to the access-log record of the request.
 */
export type RouteResult = {
  status?: number;
  body?: unknown;
  raw?: true;
  file?: FileResult;
  error?: AppError;
  accessDetail?: Record<string, unknown>;
  /** A browser redirect (303 See Other) to this address, sent after the transaction committed. */
  redirect?: string;
  /** The case the access record names when the path does not (a case just opened). */
  accessCaseId?: string;
};

/**
 * Who may call a route. Deny by default: a route without a policy answers 403. Any path parameter
 * naming a case's thing ({caseId}, {taskId}, {attachmentId}, {documentId}, {requestId}) is checked
 * against that case; a public route with {trackingCode} is scoped to that case's regency.
 */
export interface RoutePolicy {
  action: Action;
  /** Record each successful call in the access log as this kind of access (exports record body.reason). */
  log?: AccessKind;
  /** For public routes: a path parameter holding a citizen's code that selects the regency. */
  publicCode?: { param: string; kind: PublicCodeKind };
}

/** What slow work on an upload may read: the caller, the query, and a short database read in their regency. */
export interface PrepareContext {
  user: AuthUser | undefined;
  query: Record<string, string | undefined>;
  scoped: <T>(work: (db: Knex) => Promise<T>) => Promise<T>;
}

/**
 * What a direct route's handler receives: no knex, only the request transaction's `Sql`, which on a
 * PostgreSQL server runs on node-postgres directly (engine/storage/requestTransaction.ts).
 */
export type DirectRouteContext<Body = unknown> = Omit<RouteContext<Body>, 'db' | 'read'>;

/** One API operation; the same spec drives routing, validation, permissions and the OpenAPI document. */
export type RouteSpec<Body = unknown> = RouteSpecBase &
  (
    | { direct?: undefined; handler: (context: RouteContext<Body>) => Promise<RouteResult> }
    /** A hot route whose handler uses only `Sql`: its transaction skips knex (not with idempotency or uploads). */
    | { direct: true; handler: (context: DirectRouteContext<Body>) => Promise<RouteResult> }
  );

/** The parts of a route besides its handler. */
interface RouteSpecBase {
  method: 'get' | 'post' | 'put' | 'delete';
  path: string;
  summary: string;
  tag: string;
  /** 'public' needs no session; 'user' needs one; writes with a session also need the CSRF header. */
  access: 'public' | 'user';
  /** Role kinds allowed (from regency.yaml), narrowing the policy further; omitted means the policy decides. */
  kinds?: readonly string[];
  /** Allowed while the user still has to replace a temporary password (session, own password). */
  beforePasswordChange?: true;
  /** The permission the route needs; see RoutePolicy. */
  policy?: RoutePolicy;
  body?: Record<string, unknown>;
  /** Query parameters' schema (from the route's contract); unknown parameters are refused. */
  query?: Record<string, unknown>;
  /** The reply body's schema per success status (from the route's contract): OpenAPI, and checked in tests. */
  reply?: Contract['reply'];
  /**
   * A POST that creates something: an `Idempotency-Key` header makes a retry return the first answer
   * (kept 24 hours per user) instead of creating again.
   */
  idempotent?: true;
  /**
   * Raw request bodies (uploads) skip JSON parsing. `prepare` turns the bytes into the handler's body
   * before the request's transaction (after the role check), so slow work such as unpacking an
   * archive in a worker holds no database connection meanwhile.
   */
  rawBody?: { maxBytes: number; prepare?: (raw: Buffer, context: PrepareContext) => Promise<unknown> };
  responses: Record<number, string>;
}

/** Helper that keeps the body type of a route spec. */
export function route<Body = unknown>(spec: RouteSpec<Body>): RouteSpec {
  return spec as unknown as RouteSpec;
}

/**
 * What a contract's handler receives: typed body and path parameters; a signed-in user on `access: 'user'`.
 * Without a declared body it is `unknown`: a raw upload's `prepare` result, which the handler narrows.
 */
export type ContractContext<C extends Contract, A extends RouteSpec['access']> = Omit<
  RouteContext<BodyOf<C> extends undefined ? unknown : BodyOf<C>>,
  'user' | 'access' | 'params'
> & {
  params: ParamsOf<C>;
  user: A extends 'user' ? AuthUser : AuthUser | undefined;
  access: A extends 'user' ? AccessProfile : AccessProfile | undefined;
};

/** What a contract's handler answers: a declared reply body, or a file, raw answer or committed error. */
export type ContractResult<C extends Contract> = Omit<RouteResult, 'body'> & { body?: AnswerOf<C> };

/** The route's own part besides its contract: documentation, access, policy and the handler. */
export type Implementation<C extends Contract, A extends RouteSpec['access']> = Omit<
  RouteSpecBase,
  'method' | 'path' | 'body' | 'query' | 'reply' | 'access'
> & {
  access: A;
  handler: (context: ContractContext<C, A>) => Promise<ContractResult<C>>;
};

/** What a direct contract route's handler receives: as ContractContext, without knex (see DirectRouteContext). */
export type DirectContractContext<C extends Contract, A extends RouteSpec['access']> = Omit<
  ContractContext<C, A>,
  'db' | 'read'
>;

/** A direct route's own part besides its contract (see `implementDirect`). */
export type DirectImplementation<C extends Contract, A extends RouteSpec['access']> = Omit<
  Implementation<C, A>,
  'handler' | 'idempotent' | 'rawBody'
> & {
  handler: (context: DirectContractContext<C, A>) => Promise<ContractResult<C>>;
};

/** The parts of a route that come from its contract. */
function declaredParts(declared: Contract): Pick<RouteSpecBase, 'method' | 'path' | 'reply' | 'body' | 'query'> {
  return {
    method: declared.method,
    path: declared.path,
    reply: declared.reply,
    ...(declared.body ? { body: declared.body as unknown as Record<string, unknown> } : {}),
    ...(declared.query ? { query: declared.query as unknown as Record<string, unknown> } : {}),
  };
}

/** handlerFor refuses a 'user' route without a session before any handler runs; this keeps the handler's type honest. */
function assertSignedIn(access: RouteSpec['access'], context: Pick<RouteContext, 'user' | 'access'>): void {
  if (access === 'user' && (context.user === undefined || context.access === undefined))
    throw new AppError('UNAUTHENTICATED', 'Silakan masuk terlebih dahulu.');
}

/** A route that implements a contract (engine/api/contracts): the one declaration of its input and replies. */
export function implement<const C extends Contract, const A extends RouteSpec['access']>(
  declared: C,
  implementation: Implementation<C, A>,
): RouteSpec {
  const { handler, ...rest } = implementation;
  return {
    ...rest,
    ...declaredParts(declared),
    handler: (context) => {
      assertSignedIn(implementation.access, context);
      return handler({ ...context, params: context.params as ParamsOf<C> } as ContractContext<C, A>);
    },
  };
}

/**
 * A contract route on the hot path whose handler uses only the request transaction's `Sql`: on a
 * PostgreSQL server its transaction runs on node-postgres without knex (engine/storage/requestTransaction.ts).
 */
export function implementDirect<const C extends Contract, const A extends RouteSpec['access']>(
  declared: C,
  implementation: DirectImplementation<C, A>,
): RouteSpec {
  const { handler, ...rest } = implementation;
  return {
    ...rest,
    ...declaredParts(declared),
    direct: true,
    handler: (context) => {
      assertSignedIn(implementation.access, context);
      return handler({ ...context, params: context.params as ParamsOf<C> } as DirectContractContext<C, A>);
    },
  };
}
