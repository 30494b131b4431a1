/** Who signs, as the signing service needs to know them (never stored with the letter). */
export interface SigningRequest {
  /** The account whose key signs (the local keystore looks its PKCS#12 up by this id). */
  userId: string;
  regencyId: string;
  /** Name and NIP as printed, for the demo certificate's subject. */
  name: string;
  nip?: string;
  /** Reason and place written into the signature dictionary. */
  reason: string;
  location: string;
  /** BSrE only: the signer's NIK and the passphrase of their certificate, typed at each signing. */
  nik?: string;
  passphrase?: string;
}

/**
 * The one interface a signing key sits behind: takes an unsigned PDF and returns the same PDF with a
 * PAdES signature (an incremental update). The local keystore and the BSrE adapter both implement it.
 */
export interface PdfSigner {
  readonly kind: 'local' | 'bsre';
  signPdf(pdf: Buffer, request: SigningRequest): Promise<Buffer>;
}

/** A signing that failed for a reason the signer can fix (wrong passphrase, unknown NIK); shown to them in Indonesian. */
export class SigningRefused extends Error {}
