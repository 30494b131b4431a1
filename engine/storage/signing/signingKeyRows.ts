import { Type, type Static } from '@sinclair/typebox';
import type { Knex } from 'knex';
import { Nullable } from '../rowColumns.ts';
import { rowDecoder } from '../rowDecoder.ts';

const SigningKeyRowSchema = Type.Object({
  // bytea: a Buffer from node-postgres, a Uint8Array from PGlite.
  p12: Nullable(Type.Uint8Array()),
  key_pem: Nullable(Type.String()),
  cert_pem: Type.String(),
});

// Compiled once, at module load.
const signingKeyRows = rowDecoder('signing_keys', SigningKeyRowSchema);

/** A `signing_keys` row: a regency's demo CA (owner '') or one signer's PKCS#12. */
export type SigningKeyRow = Static<typeof SigningKeyRowSchema>;

/** The key stored for `owner` ('' for the regency's CA) in the regency, if any. */
export async function signingKeyOf(db: Knex, regencyId: string, owner: string): Promise<SigningKeyRow | undefined> {
  return signingKeyRows.first(await db('signing_keys').where({ regency_id: regencyId, owner }).first());
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
