import type { IncomingMessage, ServerResponse } from 'node:http';
import helmet from 'helmet';

/**
 * The Content-Security-Policy of every page and answer: scripts and styles only from this origin (no
 * inline script, no inline <style>, no eval), images also as data:/blob: (QR codes, previews), no
 * plugins, no framing, forms and <base> only to this origin. React's `style` props are set through
 * the CSSOM, which style-src does not restrict. (Form validators must not compile code with eval.)
 */
export const CONTENT_SECURITY_POLICY = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  'font-src': ["'self'"],
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'frame-ancestors': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
};

/** Generated HTML documents (printable reports) get their own policy: their inline styles, no script at all, sandboxed. */
export const GENERATED_HTML_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; sandbox";

/**
 * Helmet with the policy above and its other defaults (nosniff, HSTS — which browsers ignore over plain
 * HTTP —, frame and referrer policies). Only when browsers reach Alur over HTTPS:
 * `upgrade-insecure-requests` and Cross-Origin-Opener-Policy. Over plain HTTP from another PC
 * they would send every script request to https:// and leave a blank page (COOP is ignored there too).
 */
function helmetWithPolicy(https: boolean): ReturnType<typeof helmet> {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: true,
      directives: { ...CONTENT_SECURITY_POLICY, 'upgrade-insecure-requests': https ? [] : null },
    },
    // Browsers ignore (and complain about) Cross-Origin-Opener-Policy on plain-HTTP, non-localhost origins.
    crossOriginOpenerPolicy: https,
    referrerPolicy: { policy: 'no-referrer' },
  });
}

/** The headers helmet sets, asked of it once: none of our policies depends on the request. */
function headersOf(middleware: ReturnType<typeof helmet>): Map<string, string> {
  const headers = new Map<string, string>();
  const collect = {
    setHeader: (name: string, value: string | number | readonly string[]) => headers.set(name, String(value)),
    removeHeader: (name: string) => headers.delete(name),
  };
  let done = false;
  middleware({} as IncomingMessage, collect as unknown as ServerResponse, (error?: unknown) => {
    if (error) throw error instanceof Error ? error : new Error('helmet refused the policy');
    done = true;
  });
  // helmet calls next synchronously; a policy that needed the request would show here rather than go unset.
  if (!done) throw new Error('helmet did not finish synchronously');
  return headers;
}

/**
 * The security headers of every answer, as helmet computes them for the policy above, computed once
 * and set per response with one call (helmet's twelve middlewares per request cost more than the
 * hot path's own routing). The header set is the same as helmet's own (tests/security checks them).
 */
export function securityHeaders(https: boolean): (req: IncomingMessage, res: ServerResponse, next: () => void) => void {
  const headers = headersOf(helmetWithPolicy(https));
  return (_req, res, next) => {
    res.setHeaders(headers);
    next();
  };
}
