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

/** Calls the JSON API with the session cookie and the CSRF header; throws ApiError on any 4xx/5xx. */
export async function api<T>(
  method: string,
  path: string,
  body?: unknown,
  init: { raw?: Blob; contentType?: string } = {},
): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (method !== 'GET') headers['x-csrf-token'] = csrfToken;
  let payload: BodyInit | undefined;
  if (init.raw) {
    payload = init.raw;
    headers['content-type'] = init.contentType ?? 'application/octet-stream';
  } else if (body !== undefined) {
    payload = JSON.stringify(body);
    headers['content-type'] = 'application/json';
  }
  const response = await fetch(path, {
    method,
    headers,
    credentials: 'same-origin',
    ...(payload !== undefined ? { body: payload } : {}),
  });
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
