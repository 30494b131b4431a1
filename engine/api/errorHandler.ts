import type { NextFunction, Request, Response } from 'express';
import type { Logger } from 'pino';
import { AppError } from '../app/appErrors.ts';
import { fromDatabaseError, RETRY_AFTER_SECONDS } from './databaseErrors.ts';
import { safeErrorForLog } from './safeErrorForLog.ts';

/** The one error shape of the API: `{ error: { code, message, path?, details?, reason? } }`. */
export function sendError(res: Response, error: AppError): void {
  const body: Record<string, unknown> = { code: error.code, message: error.message };
  if (error.path !== undefined) body.path = error.path;
  if (error.details !== undefined) body.details = error.details;
  if (error.reason !== undefined) body.reason = error.reason;
  if (error.status === 503) res.setHeader('Retry-After', String(RETRY_AFTER_SECONDS));
  res.status(error.status).json({ error: body });
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

/** Maps any error to the API error shape; unexpected ones are logged (without request data) and answered as 500 without internals. */
export function errorHandler(logger: Logger) {
  return (error: unknown, req: Request, res: Response, _next: NextFunction): void => {
    const known = error instanceof AppError ? error : (fromHttpParserError(error) ?? fromDatabaseError(error));
    if (known && !res.headersSent) {
      sendError(res, known);
      return;
    }
    logger.error(
      {
        err: safeErrorForLog(error),
        method: req.method,
        route: req.route ? String((req.route as { path: unknown }).path) : undefined,
      },
      'unexpected error',
    );
    // A file or raw answer may already be under way: then the connection is cut rather than mixed.
    if (res.headersSent) {
      res.destroy();
      return;
    }
    sendError(res, new AppError('INTERNAL', 'Terjadi kesalahan pada server. Coba lagi; bila berulang, hubungi admin.'));
  };
}
