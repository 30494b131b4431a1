import type { Request, Response } from 'express';
import type { Knex } from 'knex';
import { accessLogRow } from '../app/accessLog/recordAccess.ts';
import { AppError } from '../app/appErrors.ts';
import {
  claimIdempotencyKey,
  idempotencyKeyOf,
  releaseIdempotencyKey,
  rememberAnswer,
  type IdempotentRequest,
} from '../app/idempotency.ts';
import type { SessionContext } from '../app/authService.ts';
import { retryWhenCaseMoved } from '../app/caseService.ts';
import { confirmed, lookUpSession, sessionAhead, SessionMovedError } from '../app/sessionAhead.ts';
import type { AccessProfile } from '../app/permissions/accessProfile.ts';
import { assertMayPerform, authorizeRequest, denied } from '../app/permissions/authorize.ts';
import { ConcurrentChangeError } from '../storage/caseRepository.ts';
import { isTaskRemembered, RememberedCaseRefused } from '../storage/cases/rememberedCases.ts';
import { enterRegencyOfPublicCode, withRegencyScope } from '../storage/regencyScope.ts';
import {
  withDirectConnection,
  withKnexRequest,
  type RequestConnection,
  type RequestTransaction,
} from '../storage/requestTransaction.ts';
import { sqlOf, type Sql } from '../storage/sql.ts';
import { schemaMismatch, validateBody } from './bodyValidator.ts';
import { sendError } from './errorHandler.ts';
import { assertCleanText } from './cleanText.ts';
import { assertJsonDepth } from './jsonDepth.ts';
import type { RoutePolicy, RouteResult, RouteSpec } from './routeSpec.ts';
import { sendJson } from './jsonReply.ts';
import { GENERATED_HTML_POLICY } from './securityHeaders.ts';
import { readSessionToken } from './sessionCookie.ts';

async function authenticate(sql: Sql, req: Request): Promise<SessionContext | undefined> {
  const token = readSessionToken(req);
  return token ? lookUpSession(sql, token) : undefined;
}

/** The public-code parameter of a route: declared, or inferred from a `{trackingCode}` path parameter. */
function publicCodeOf(spec: RouteSpec): RoutePolicy['publicCode'] {
  if (spec.policy?.publicCode) return spec.policy.publicCode;
  return spec.path.includes('{trackingCode}') ? { param: 'trackingCode', kind: 'trackingCode' } : undefined;
}

function assertKinds(spec: RouteSpec, access: AccessProfile | undefined): void {
  if (spec.kinds && !(access && [...access.kinds].some((k) => spec.kinds!.includes(k))))
    throw denied('ROLE_NOT_ALLOWED', 'Peran Anda tidak berwenang melakukan tindakan ini.');
}

/** The knex transaction of a route written with the query builder (every route that is not direct has one). */
function knexOf(tx: RequestTransaction): Knex.Transaction {
  if (!tx.knex) throw new Error('A route on the query builder ran in a direct transaction');
  return tx.knex;
}

/** The thing a route names besides its case ({attachmentId}, {documentId}, {userId}…), for the access log. */
function resourceOf(params: Record<string, string>): string | undefined {
  return Object.entries(params).find(([name]) => name !== 'caseId')?.[1];
}

function send(res: Response, result: RouteResult): void {
  if (result.raw) return;
  if (result.error) return sendError(res, result.error);
  if (result.redirect !== undefined) return res.redirect(303, result.redirect);
  if (result.file) {
    const { file } = result;
    res.status(result.status ?? 200);
    res.setHeader('Content-Type', file.mediaType);
    res.setHeader(
      'Content-Disposition',
      `${file.disposition ?? 'inline'}; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
    );
    res.setHeader('Cache-Control', 'private, no-store');
    // A scan opened directly is a sandboxed document: nothing in it can run as a page of this origin.
    // (PDFs keep the app's CSP: browsers refuse to show a PDF in a sandboxed document.)
    if (file.mediaType.startsWith('image/'))
      res.setHeader(
        'Content-Security-Policy',
        "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox",
      );
    if (file.mediaType.startsWith('text/html')) res.setHeader('Content-Security-Policy', GENERATED_HTML_POLICY);
    res.end(Buffer.from(file.content));
    return;
  }
  sendJson(res, result.status ?? 200, result.body ?? {});
}

// Tests run with ALUR_CHECK_REPLIES=1 (vitest configs): every reply of a route with a contract must match
// its declared schema, so the typed client and the server cannot drift apart unnoticed.
const checkReplies = process.env.ALUR_CHECK_REPLIES === '1';

/** Throws (an unexpected error: 500, logged) when a JSON reply does not match the route's declared reply. */
function assertReplyDeclared(spec: RouteSpec, outcome: RouteResult): void {
  if (!spec.reply || outcome.error || outcome.raw || outcome.file || outcome.redirect !== undefined) return;
  const status = outcome.status ?? 200;
  const schema = spec.reply[status];
  const mismatch =
    schema === undefined
      ? `status ${status} has no declared reply`
      : schemaMismatch(schema, JSON.parse(JSON.stringify(outcome.body ?? {})));
  if (mismatch) throw new Error(`Reply of ${spec.method.toUpperCase()} ${spec.path} breaks its contract: ${mismatch}`);
}

/** How often a direct request runs before a refused remembered row counts as a lost race (409). */
const RUNS_OF_A_DIRECT_REQUEST = 3;

/**
 * Runs one API request: session and CSRF checks, then — inside one transaction scoped to the user's
 * regency by row-level security — the route's policy (deny by default), body validation, the handler
 * and the access-log record. The response is sent only after the transaction committed.
 */
export function handlerFor(spec: RouteSpec, db: Knex, readDb?: Knex) {
  // A direct route holds one connection for the whole request: the session lookup, then its transaction.
  const knexRequest: RequestConnection = {
    // Looked up per request (sqlOf keeps one per knex instance): nothing touches the database before a request.
    get sql() {
      return sqlOf(db);
    },
    transaction: (regencyId, work) => withKnexRequest(db, regencyId, work),
  };
  // A direct route sends its session lookup together with its first statement when this process knows the
  // session already (engine/app/sessionAhead.ts), and may act on a case row this process saved itself
  // (engine/storage/cases/rememberedCases.ts). If the session changed meanwhile, or the remembered row was
  // refused, nothing was committed and the request runs again, looking both up.
  const direct = async (req: Request, res: Response, held: RequestConnection): Promise<void> => {
    for (let attempt = 1; ; attempt++) {
      try {
        return await handle(req, res, held, attempt === 1);
      } catch (error) {
        if (!(error instanceof SessionMovedError || error instanceof RememberedCaseRefused)) throw error;
        // Refused again and again (the case keeps moving under this process): as any other lost race.
        if (attempt >= RUNS_OF_A_DIRECT_REQUEST) throw new AppError('CONFLICT', new ConcurrentChangeError().message);
      }
    }
  };
  return (req: Request, res: Response): Promise<void> =>
    spec.direct
      ? retryWhenCaseMoved(() => withDirectConnection(db, (held) => direct(req, res, held)))
      : handle(req, res, knexRequest, false);

  async function handle(req: Request, res: Response, connection: RequestConnection, ahead: boolean): Promise<void> {
    // Browsers mark cross-site requests; no write of this API is ever legitimately made from another site.
    if (spec.method !== 'get' && req.get('sec-fetch-site') === 'cross-site')
      throw new AppError('CSRF_FAILED', 'Permintaan dari situs lain ditolak.');
    if (spec.access === 'public' && spec.method === 'get') return handleAs(req, res, connection, undefined, confirmed);
    if (!ahead) return handleAs(req, res, connection, await authenticate(connection.sql, req), confirmed);
    const early = await sessionAhead(connection.sql, readSessionToken(req), new Date(), {
      checkAtSave: isTaskRemembered((req.params as Record<string, string | undefined>).taskId),
    });
    // Nothing decided on a session still to be confirmed stands until it is: not an answer, not an error.
    return handleAs(req, res, connection, early.session, early.confirm).catch(async (error: unknown) => {
      await early.confirm();
      throw error;
    });
  }

  async function handleAs(
    req: Request,
    res: Response,
    connection: RequestConnection,
    session: SessionContext | undefined,
    confirm: (transaction?: Sql) => Promise<void>,
  ): Promise<void> {
    if (spec.access === 'user') {
      if (!session) throw new AppError('UNAUTHENTICATED', 'Silakan masuk terlebih dahulu.');
      // Cookie-authenticated writes must echo the session's CSRF token in a header.
      if (spec.method !== 'get' && req.get('x-csrf-token') !== session.csrfToken)
        throw new AppError('CSRF_FAILED', 'Sesi formulir tidak sah (CSRF). Muat ulang halaman lalu coba lagi.');
      // ASVS: a temporary password must be replaced before anything else is done with the account.
      if (session.account.mustChangePassword && spec.beforePasswordChange !== true)
        throw new AppError(
          'FORBIDDEN',
          'Ganti dulu kata sandi sementara Anda (menu Akun saya → Ganti kata sandi).',
          undefined,
          undefined,
          'PASSWORD_CHANGE_REQUIRED',
        );
    }
    const policy = spec.policy;
    if (!policy) throw denied('NO_POLICY', 'Rute ini belum memiliki kebijakan akses; akses ditolak.');
    const signedIn = spec.access === 'user' ? session?.user : undefined;
    const access = signedIn ? session?.access : undefined;
    const query = Object.fromEntries(
      Object.entries(req.query).map(([k, v]) => [k, typeof v === 'string' ? v : undefined]),
    );
    let body: unknown = spec.rawBody ? req.body : (req.body ?? {});
    if (!spec.rawBody) {
      assertJsonDepth(body);
      assertCleanText(body, '/body');
    } else if (spec.rawBody.prepare) {
      // Only someone allowed to perform the action gets the server to do the slow work.
      assertMayPerform(policy.action, access);
      if (signedIn) assertKinds(spec, access);
      body = await spec.rawBody.prepare(req.body as Buffer, {
        user: signedIn,
        query,
        scoped: (work) => withRegencyScope(db, signedIn?.regencyId, work),
      });
    }
    const params = req.params as Record<string, string>;
    assertCleanText(params, '/path');
    assertCleanText(query, '/query');
    const idempotencyKey = spec.idempotent ? idempotencyKeyOf(req.get('idempotency-key')) : undefined;
    const result = await connection.transaction(signedIn?.regencyId, async (tx) => {
      if (signedIn) assertKinds(spec, access);
      const caseId = await authorizeRequest(tx.sql, policy.action, access, params);
      // The lookup was sent before the statements above, so its answer is here already (or, on a remembered
      // case row, the save checks the session).
      await confirm(tx.sql);
      const publicCode = publicCodeOf(spec);
      let regencyId = signedIn?.regencyId;
      if (publicCode && !signedIn && params[publicCode.param])
        regencyId = await enterRegencyOfPublicCode(tx.sql, publicCode.kind, params[publicCode.param]!);
      if (spec.query) validateBody(spec.query, query, '/query');
      if (spec.body) validateBody(spec.body, body);
      const claim: IdempotentRequest | undefined =
        idempotencyKey && regencyId
          ? {
              regencyId,
              owner: signedIn ? signedIn.id : `public:${publicCode ? params[publicCode.param] : ''}`,
              key: idempotencyKey,
              route: `${spec.method.toUpperCase()} ${spec.path}`,
              content: Buffer.isBuffer(body)
                ? Buffer.concat([Buffer.from(`${req.originalUrl}\n`), body])
                : { url: req.originalUrl, body },
            }
          : undefined;
      // Idempotent routes are never direct (implementDirect refuses it): their key lives in a knex query.
      const trx = tx.knex;
      const replayed = claim && trx ? await claimIdempotencyKey(trx, claim) : undefined;
      if (replayed) res.setHeader('Idempotency-Replayed', 'true');
      const common = {
        sql: tx.sql,
        user: session?.user,
        access,
        csrfToken: session?.csrfToken,
        account: signedIn ? session?.account : undefined,
        body,
        params,
        query,
        req,
        res,
      };
      const outcome: RouteResult = replayed
        ? { status: replayed.status, body: replayed.body }
        : spec.direct
          ? await spec.handler(common)
          : await spec.handler({
              ...common,
              db: knexOf(tx),
              // Without a read database the read work joins the request's own transaction on the primary.
              read: readDb
                ? (work) => withRegencyScope(readDb, regencyId, work, { readOnly: true })
                : (work) => work(knexOf(tx)),
            });
      if (checkReplies) assertReplyDeclared(spec, outcome);
      if (claim && trx && !replayed) {
        if (outcome.error || outcome.raw || outcome.file) await releaseIdempotencyKey(trx, claim);
        else await rememberAnswer(trx, claim, { status: outcome.status ?? 200, body: outcome.body ?? {} });
      }
      if (policy.log && signedIn && !outcome.error) {
        const reason = (body as { reason?: unknown } | undefined)?.reason;
        const resource = resourceOf(params);
        await tx.logAccess(
          accessLogRow({
            user: signedIn,
            action: policy.log,
            route: `${spec.method.toUpperCase()} ${spec.path}`,
            ...(caseId !== undefined ? { caseId } : outcome.accessCaseId ? { caseId: outcome.accessCaseId } : {}),
            ...(resource !== undefined ? { resource } : {}),
            ...(typeof reason === 'string' ? { reason } : {}),
            ...(outcome.accessDetail ? { detail: outcome.accessDetail } : {}),
            ...(req.ip ? { ip: req.ip } : {}),
          }),
        );
      }
      return outcome;
    });
    send(res, result);
  }
}
