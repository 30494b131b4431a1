import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import { safeErrorForLog } from '../api/safeErrorForLog.ts';
import { operationalFailureOf } from './operationalFailure.ts';

/** What was logged about a server-side failure: its kind and the id the client or job result carries. */
export interface ErrorReport {
  kind: 'operational' | 'unexpected';
  correlationId: string;
  /** For operational failures: when to try again, and the Indonesian message for the client. */
  retryAfterSeconds?: number;
  message?: string;
}

/**
 * Logs an operational (warn) or unexpected (error) failure once, with a fresh correlation id and only
 * the safe parts of the error (no request data, number runs masked). Used by the API and background jobs.
 */
export function reportError(logger: Logger, error: unknown, context: Record<string, string | undefined>): ErrorReport {
  const correlationId = randomUUID();
  const operational = operationalFailureOf(error);
  const line = {
    ...context,
    kind: operational ? 'operational' : 'unexpected',
    correlationId,
    err: safeErrorForLog(error),
  };
  if (operational) {
    logger.warn(line, 'operational error');
    return {
      kind: 'operational',
      correlationId,
      retryAfterSeconds: operational.retryAfterSeconds,
      message: operational.message,
    };
  }
  logger.error(line, 'unexpected error');
  return { kind: 'unexpected', correlationId };
}
