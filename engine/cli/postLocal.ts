import { readFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';

/**
 * POSTs JSON to a server on this machine and returns status and parsed body. For a server speaking TLS
 * itself, its own certificate (ALUR_TLS_CERT) is the trusted root, so a self-signed one works.
 */
export function postLocal(
  url: string,
  headers: Record<string, string>,
  body: unknown,
  env: NodeJS.ProcessEnv,
): Promise<{ status: number; body: unknown }> {
  const https = url.startsWith('https:');
  const send = https ? httpsRequest : httpRequest;
  const ca = https && env.ALUR_TLS_CERT ? readFileSync(env.ALUR_TLS_CERT) : undefined;
  return new Promise((resolve, reject) => {
    const req = send(
      url,
      { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, ...(ca ? { ca } : {}) },
      (res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk.toString()));
        res.on('end', () => {
          let parsed: unknown = text;
          try {
            parsed = JSON.parse(text);
          } catch {
            // Non-JSON answers are reported as text.
          }
          resolve({ status: res.statusCode ?? 0, body: parsed });
        });
      },
    );
    req.on('error', reject);
    req.end(JSON.stringify(body));
  });
}
