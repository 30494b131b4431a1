// Three kinds of error (see README "Kontrak / contracts"):
// - AppError: the user's request cannot be done (4xx); answered with an Indonesian message, not logged as an error.
// - OperationalError: the database or another service is unreachable or too slow; 503 with Retry-After, logged.
// - anything else is unexpected (a bug): 500, logged with a correlation id that the client also receives.

/** Error codes the API returns; each maps to one HTTP status. */
export type AppErrorCode =
  | 'BAD_REQUEST'
  | 'VALIDATION_FAILED'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'CSRF_FAILED'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'PAYLOAD_TOO_LARGE'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'UNPROCESSABLE'
  | 'RATE_LIMITED'
  | 'INTERNAL'
  | 'UNAVAILABLE';

const STATUS: Record<AppErrorCode, number> = {
  BAD_REQUEST: 400,
  VALIDATION_FAILED: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  CSRF_FAILED: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  UNPROCESSABLE: 422,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  UNAVAILABLE: 503,
};

/** A user error (4xx): a code, an Indonesian message saying what to do and an optional field path. (`INTERNAL` is treated as unexpected.) */
export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: AppErrorCode,
    message: string,
    readonly path?: string,
    readonly details?: Array<{ path: string; message: string }>,
    /** The engine's own code (FORM_INVALID, TASK_NOT_OPEN…) when the engine refused the command. */
    readonly reason?: string,
  ) {
    super(message);
    this.status = STATUS[code];
  }
}

/** Seconds a client waits before retrying after an outage, unless the failure says otherwise. */
export const DEFAULT_RETRY_AFTER_SECONDS = 5;

/** The Indonesian outage message; it names the same wait as the Retry-After header so the two never disagree. */
function outageMessage(retryAfterSeconds: number): string {
  return `Basis data sedang tidak dapat dihubungi atau sibuk. Tidak ada yang disimpan; coba lagi dalam ${retryAfterSeconds} detik.`;
}

/** An operational failure: a dependency is down or too slow, nothing is wrong with the request; the client may retry. */
export class OperationalError extends Error {
  readonly code = 'UNAVAILABLE';
  readonly status = 503;
  constructor(
    message?: string,
    /** Seconds the client should wait before retrying (the Retry-After header). */
    readonly retryAfterSeconds = DEFAULT_RETRY_AFTER_SECONDS,
    options?: { cause?: unknown },
  ) {
    super(message ?? outageMessage(retryAfterSeconds), options);
    this.name = 'OperationalError';
  }
}

/** The kind of any thrown value: user (4xx), operational (503) or unexpected (500). */
export type ErrorKind = 'user' | 'operational' | 'unexpected';
