/** A JSON response with its status. */
export interface ApiResponse<T = Record<string, unknown>> {
  status: number;
  body: T;
  /** Response headers (security headers, content type, cookies). */
  headers: Headers;
  /** The body exactly as sent (to check escaping). */
  text: string;
}

/** A tiny API client that keeps its cookies (by name) and the CSRF token like the browser UI does. */
export class ApiClient {
  private readonly cookies = new Map<string, string>();
  /** The Cookie header this client sends (tests that download through fetch reuse it). */
  get cookie(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
  private csrf = '';
  constructor(readonly baseUrl: string) {}

  /** Signs in; throws if the server refuses. */
  async login(username: string, password: string): Promise<ApiResponse> {
    const response = await this.request('POST', '/api/auth/login', { username, password });
    if (response.status !== 200)
      throw new Error(`login ${username}: ${response.status} ${JSON.stringify(response.body)}`);
    return response;
  }

  /** Sends a request; JSON bodies by default, raw bytes for uploads. */
  async request<T = Record<string, unknown>>(
    method: string,
    path: string,
    body?: unknown,
    options: { raw?: Uint8Array; contentType?: string; csrf?: boolean; headers?: Record<string, string> } = {},
  ): Promise<ApiResponse<T>> {
    const headers: Record<string, string> = { ...(options.headers ?? {}) };
    if (this.cookies.size > 0) headers.cookie = this.cookie;
    if (this.csrf && options.csrf !== false) headers['x-csrf-token'] = this.csrf;
    let payload: BodyInit | undefined;
    if (options.raw) {
      payload = Buffer.from(options.raw);
      headers['content-type'] = options.contentType ?? 'application/octet-stream';
    } else if (body !== undefined) {
      payload = typeof body === 'string' ? body : JSON.stringify(body);
      headers['content-type'] = options.contentType ?? 'application/json';
    }
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers,
      ...(payload !== undefined ? { body: payload } : {}),
    });
    // Each cookie by its name, as a browser keeps them (an SSO login cookie must not replace the session).
    for (const line of response.headers.getSetCookie()) {
      const pair = line.split(';')[0] ?? '';
      const at = pair.indexOf('=');
      const [name, value] = [pair.slice(0, at), pair.slice(at + 1)];
      if (value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text.length > 0 ? JSON.parse(text) : {};
    } catch {
      // Non-JSON bodies (downloads) are returned as text.
    }
    if (path === '/api/auth/login' && response.status === 200)
      this.csrf = String((parsed as { csrfToken?: string }).csrfToken ?? '');
    return { status: response.status, body: parsed as T, headers: response.headers, text };
  }

  get<T = Record<string, unknown>>(path: string): Promise<ApiResponse<T>> {
    return this.request<T>('GET', path);
  }

  post<T = Record<string, unknown>>(path: string, body?: unknown): Promise<ApiResponse<T>> {
    return this.request<T>('POST', path, body ?? {});
  }

  /** Downloads a file (a PDF) as bytes, with the session. */
  async download(path: string): Promise<{ status: number; bytes: Buffer; contentType: string }> {
    const response = await fetch(`${this.baseUrl}${path}`, { headers: this.cookie ? { cookie: this.cookie } : {} });
    return {
      status: response.status,
      bytes: Buffer.from(await response.arrayBuffer()),
      contentType: response.headers.get('content-type') ?? '',
    };
  }
}
