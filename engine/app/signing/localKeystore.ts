import type { Knex } from 'knex';
import { createDemoCa, issueDemoP12 } from './demoCertificateAuthority.ts';
import type { PdfSigner, SigningRequest } from './pdfSigner.ts';
import { signWithP12 } from './signWithP12.ts';

type KeyRow = { p12: Buffer | null; key_pem: string | null; cert_pem: string };

/**
 * Signs with a local PKCS#12 per signer, issued on first use by a demo CA of the regency (quick start and
 * tests). The keys live in `signing_keys` (row-level security by regency); production uses BSrE instead.
 */
export function localKeystore(db: Knex): PdfSigner {
  async function caOf(regencyId: string): Promise<{ keyPem: string; certPem: string }> {
    const row = (await db('signing_keys').where({ regency_id: regencyId, owner: '' }).first()) as KeyRow | undefined;
    if (row?.key_pem) return { keyPem: row.key_pem, certPem: row.cert_pem };
    const ca = createDemoCa(regencyId);
    await db('signing_keys')
      .insert({ regency_id: regencyId, owner: '', key_pem: ca.keyPem, cert_pem: ca.certPem })
      .onConflict(['regency_id', 'owner'])
      .ignore();
    const stored = (await db('signing_keys').where({ regency_id: regencyId, owner: '' }).first()) as KeyRow;
    return { keyPem: stored.key_pem!, certPem: stored.cert_pem };
  }
  async function p12Of(request: SigningRequest): Promise<Buffer> {
    const row = (await db('signing_keys').where({ regency_id: request.regencyId, owner: request.userId }).first()) as
      KeyRow | undefined;
    if (row?.p12) return Buffer.from(row.p12);
    const issued = issueDemoP12(await caOf(request.regencyId), {
      name: request.name,
      ...(request.nip ? { nip: request.nip } : {}),
    });
    await db('signing_keys')
      .insert({ regency_id: request.regencyId, owner: request.userId, p12: issued.p12, cert_pem: issued.certPem })
      .onConflict(['regency_id', 'owner'])
      .ignore();
    return issued.p12;
  }
  return {
    kind: 'local',
    async signPdf(pdf, request) {
      return signWithP12(pdf, await p12Of(request), '', request);
    },
  };
}
