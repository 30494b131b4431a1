import type { NextFunction, Request, Response } from 'express';
import type { Logger } from 'pino';
import { AppError, DEFAULT_RETRY_AFTER_SECONDS, OperationalError } from '../app/appErrors.ts';
import { reportError } from '../app/reportError.ts';
import { matchedRoute } from './apiDispatch.ts';
import { sendJson } from './jsonReply.ts';
import { fromDataException } from './databaseErrors.ts';

/** The one error shape of the API: `{ error: { code, message, path?, details?, reason?, correlationId? } }`. */
export function sendError(res: Response, error: AppError, correlationId?: string): void {
  const body: Record<string, unknown> = { code: error.code, message: error.message };
  if (error.path !== undefined) body.path = error.path;
  if (error.details !== undefined) body.details = error.details;
  if (error.reason !== undefined) body.reason = error.reason;
  if (correlationId !== undefined) body.correlationId = correlationId;
  sendJson(res, error.status, { error: body });
}

function fromHttpParserError(error: unknown): AppError | undefined {
  if (error === null || typeof error !== 'object') return undefined;
  const e = error as { type?: string; status?: number };
  if (e.type === 'entity.too.large') return new AppError('PAYLOAD_TOO_LARGE', 'Data yang dikirim terlalu besar.');
  if (e.type === 'entity.parse.failed') return new AppError('BAD_REQUEST', 'Data yang dikirim bukan JSON yang sah.');
  if (e.type === 'charset.unsupported' || e.type === 'encoding.unsupported')
    return new AppError('UNSUPPORTED_MEDIA_TYPE', 'Pengkodean data tidak didukung.');
  if (typeof e.status === 'number' && e.status >= 400 && e.status < 500)
    return new AppError('BAD_REQUEST', 'Permintaan tidak sah.');
  return undefined;
}

/** Header carrying the correlation id of a logged server-side failure. */
export const CORRELATION_HEADER = 'X-Correlation-Id';

/**
 * Maps any error to the API error shape by its kind: a user error is answered (4xx) and not logged;
 * an operational one is logged and answered 503 with Retry-After; anything else is logged and answered
 * 500 without internals. Both server-side kinds carry a correlation id in the body and a header.
 */
export function errorHandler(logger: Logger) {
  return (error: unknown, req: Request, res: Response, _next: NextFunction): void => {
    const userError =
      error instanceof AppError && error.status < 500
        ? error
        : (fromHttpParserError(error) ?? fromDataException(error));
    if (userError && !res.headersSent) {
      sendError(res, userError);
      return;
    }
    const route = matchedRoute(req) ?? (req.route ? String((req.route as { path: unknown }).path) : undefined);
    const report = reportError(logger, error, { method: req.method, route });
    // A file or raw answer may already be under way: then the connection is cut rather than mixed.
    if (res.headersSent) {
      res.destroy();
      return;
    }
    res.setHeader(CORRELATION_HEADER, report.correlationId);
    if (report.kind === 'operational') {
      res.setHeader('Retry-After', String(report.retryAfterSeconds ?? DEFAULT_RETRY_AFTER_SECONDS));
      sendError(
        res,
        new AppError('UNAVAILABLE', report.message ?? new OperationalError().message),
        report.correlationId,
      );
      return;
    }
    // An AppError('INTERNAL', …) keeps its own (safe, Indonesian) message; anything else gets the generic one.
    const message =
      error instanceof AppError
        ? error.message
        : 'Terjadi kesalahan pada server. Coba lagi; bila berulang, hubungi admin dan sebutkan kode kejadian.';
    sendError(res, new AppError('INTERNAL', message), report.correlationId);
  };
}
