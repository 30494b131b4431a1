import type { Knex } from 'knex';

/** A `signing_keys` row: a regency's demo CA (owner '') or one signer's PKCS#12. */
export interface SigningKeyRow {
  p12: Buffer | null;
  key_pem: string | null;
  cert_pem: string;
}

/** The key stored for `owner` ('' for the regency's CA) in the regency, if any. */
export async function signingKeyOf(db: Knex, regencyId: string, owner: string): Promise<SigningKeyRow | undefined> {
  return (await db('signing_keys').where({ regency_id: regencyId, owner }).first()) as SigningKeyRow | undefined;
}

/** Stores a key unless one is already there for the owner (two processes issuing at once keep the first). */
export async function insertSigningKeyOnce(
  db: Knex,
  row: { regencyId: string; owner: string; certPem: string; keyPem?: string; p12?: Buffer },
): Promise<void> {
  await db('signing_keys')
    .insert({
      regency_id: row.regencyId,
      owner: row.owner,
      cert_pem: row.certPem,
      ...(row.keyPem !== undefined ? { key_pem: row.keyPem } : {}),
      ...(row.p12 !== undefined ? { p12: row.p12 } : {}),
    })
    .onConflict(['regency_id', 'owner'])
    .ignore();
}
