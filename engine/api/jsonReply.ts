import type { ServerResponse } from 'node:http';

const MARKUP = /[<>&]/g;
const ESCAPED: Readonly<Record<string, string>> = { '<': '\\u003c', '>': '\\u003e', '&': '\\u0026' };

/**
 * Sends a JSON answer: <, > and & escaped so a stored payload cannot become markup even if sniffed as
 * HTML (what express's `json escape` did). Written straight to Node's response rather than through
 * express's `res.json`/`res.send` (content negotiation, freshness and ETag checks an API answer that is
 * never cached does not need: a measurable share of a step completion). Node itself drops the body of a
 * HEAD answer.
 */
export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const json = JSON.stringify(body).replace(MARKUP, (c) => ESCAPED[c]!);
  res.statusCode = status;
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('Content-Length', Buffer.byteLength(json));
  res.end(json);
}
