import type { Knex } from 'knex';
import { bsreSigner } from './bsreSigner.ts';
import { localKeystore } from './localKeystore.ts';
import type { PdfSigner } from './pdfSigner.ts';

/**
 * The signing service configured by environment: `ALUR_SIGNING=bsre` with `ALUR_BSRE_URL`,
 * `ALUR_BSRE_USERNAME`, `ALUR_BSRE_PASSWORD` (and `ALUR_BSRE_TIMEOUT_MS`) uses BSrE; otherwise the
 * local demo keystore.
 */
export function signerFromEnvironment(db: Knex, env: NodeJS.ProcessEnv = process.env): PdfSigner {
  if (env.ALUR_SIGNING !== 'bsre') return localKeystore(db);
  const baseUrl = env.ALUR_BSRE_URL;
  if (!baseUrl) throw new Error('ALUR_SIGNING=bsre memerlukan ALUR_BSRE_URL.');
  return bsreSigner({
    baseUrl,
    username: env.ALUR_BSRE_USERNAME ?? '',
    password: env.ALUR_BSRE_PASSWORD ?? '',
    timeoutMs: Number(env.ALUR_BSRE_TIMEOUT_MS ?? 30_000),
  });
}
