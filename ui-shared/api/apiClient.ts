import { newIdempotencyKey } from './idempotencyKey.ts';

/** Waits before each automatic retry of a POST (the server's Retry-After is 5 s; a user should not wait longer). */
const RETRY_DELAYS_MS = [1_000, 3_000];

/** An API error as the server describes it: code, Indonesian message, optional field path and details. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly path?: string,
    readonly details: Array<{ path: string; message: string }> = [],
    readonly reason?: string,
    /** Set on 5xx answers: the id of the server's log line, for the admin. */
    readonly correlationId?: string,
  ) {
    super(message);
  }
}

let csrfToken = sessionStorage.getItem('alur.csrf') ?? '';

/** Remembers the CSRF token of the session (from login or /api/auth/me). */
export function setCsrfToken(token: string | null): void {
  csrfToken = token ?? '';
  if (token) sessionStorage.setItem('alur.csrf', token);
  else sessionStorage.removeItem('alur.csrf');
}

type ErrorBody = {
  error?: {
    code?: string;
    message?: string;
    path?: string;
    details?: Array<{ path: string; message: string }>;
    reason?: string;
    correlationId?: string;
  };
};

/**
 * Sends one request; a POST carries an Idempotency-Key (the caller's, or a fresh one per call) and is
 * retried with the same key after a network failure or a 503, so the server creates nothing twice.
 */
async function send(method: string, path: string, headers: Record<string, string>, payload: BodyInit | undefined) {
  for (let attempt = 0; ; attempt++) {
    const last = method !== 'POST' || attempt >= RETRY_DELAYS_MS.length;
    try {
      const response = await fetch(path, {
        method,
        headers,
        credentials: 'same-origin',
        ...(payload !== undefined ? { body: payload } : {}),
      });
      if (response.status !== 503 || last) return response;
    } catch (error) {
      if (last) throw error;
    }
    await new Promise((resolve) => setTimeout(resolve, RETRY_DELAYS_MS[attempt]));
  }
}

/** Calls the JSON API with the session cookie and the CSRF header; throws ApiError on any 4xx/5xx. */
export async function api<T>(
  method: string,
  path: string,
  body?: unknown,
  init: { raw?: Blob; contentType?: string; idempotencyKey?: string } = {},
): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (method !== 'GET') headers['x-csrf-token'] = csrfToken;
  if (method === 'POST') headers['idempotency-key'] = init.idempotencyKey ?? newIdempotencyKey();
  let payload: BodyInit | undefined;
  if (init.raw) {
    payload = init.raw;
    headers['content-type'] = init.contentType ?? 'application/octet-stream';
  } else if (body !== undefined) {
    payload = JSON.stringify(body);
    headers['content-type'] = 'application/json';
  }
  const response = await send(method, path, headers, payload);
  const text = await response.text();
  const parsed: unknown = text ? JSON.parse(text) : {};
  if (!response.ok) {
    const e = (parsed as ErrorBody).error ?? {};
    throw new ApiError(
      response.status,
      e.code ?? 'ERROR',
      e.message ?? `HTTP ${response.status}`,
      e.path,
      e.details ?? [],
      e.reason,
      e.correlationId,
    );
  }
  return parsed as T;
}
