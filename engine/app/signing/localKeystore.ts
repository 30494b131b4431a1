import type { Knex } from 'knex';
import { insertSigningKeyOnce, signingKeyOf } from '../../storage/signing/signingKeyRows.ts';
import { createDemoCa, issueDemoP12 } from './demoCertificateAuthority.ts';
import type { PdfSigner, SigningRequest } from './pdfSigner.ts';
import { signWithP12 } from './signWithP12.ts';

/**
 * Signs with a local PKCS#12 per signer, issued on first use by a demo CA of the regency (quick start and
 * tests). The keys live in `signing_keys` (row-level security by regency); production uses BSrE instead.
 */
export function localKeystore(db: Knex): PdfSigner {
  async function caOf(regencyId: string): Promise<{ keyPem: string; certPem: string }> {
    const row = await signingKeyOf(db, regencyId, '');
    if (row?.key_pem) return { keyPem: row.key_pem, certPem: row.cert_pem };
    const ca = createDemoCa(regencyId);
    await insertSigningKeyOnce(db, { regencyId, owner: '', keyPem: ca.keyPem, certPem: ca.certPem });
    const stored = await signingKeyOf(db, regencyId, '');
    if (!stored?.key_pem) throw new Error(`demo CA of ${regencyId} was not stored`);
    return { keyPem: stored.key_pem, certPem: stored.cert_pem };
  }
  async function p12Of(request: SigningRequest): Promise<Buffer> {
    const row = await signingKeyOf(db, request.regencyId, request.userId);
    if (row?.p12) return Buffer.from(row.p12);
    const issued = issueDemoP12(await caOf(request.regencyId), {
      name: request.name,
      ...(request.nip ? { nip: request.nip } : {}),
    });
    await insertSigningKeyOnce(db, {
      regencyId: request.regencyId,
      owner: request.userId,
      p12: issued.p12,
      certPem: issued.certPem,
    });
    return issued.p12;
  }
  return {
    kind: 'local',
    async signPdf(pdf, request) {
      return signWithP12(pdf, await p12Of(request), '', request);
    },
  };
}
