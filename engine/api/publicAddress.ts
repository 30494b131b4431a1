import type { Request } from 'express';
import { parsePublicUrl } from '../server/transportMode.ts';

/**
 * The address citizens are given (tracking links on receipts, QR codes on letters): ALUR_PUBLIC_URL when
 * set, otherwise the address this request came in on — which on a staff PC may be `127.0.0.1` or a
 * private address, hence the setting.
 */
export function publicBaseUrl(req: Request, env: NodeJS.ProcessEnv = process.env): string {
  return parsePublicUrl(env.ALUR_PUBLIC_URL) ?? `${req.protocol}://${req.get('host') ?? 'localhost'}`;
}
