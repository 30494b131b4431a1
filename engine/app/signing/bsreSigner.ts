import { SigningRefused, type PdfSigner } from './pdfSigner.ts';

/** Where the regency's BSrE Esign Client Service answers and the client credentials it was given. */
export interface BsreSettings {
  baseUrl: string;
  username: string;
  password: string;
  timeoutMs: number;
}

type BsreAnswer = { file?: unknown; error?: unknown; message?: unknown; status?: unknown };

/**
 * The national signing service (BSrE, BSSN) through its Esign Client Service API v2, as described in
 * "Petunjuk Teknis Penggunaan API Esign Client Service" versi 2.0 (Balai Sertifikasi Elektronik,
 * Januari 2024): `POST {baseUrl}/api/v2/sign/pdf`, HTTP Basic with the client credentials, JSON body
 * `{ nik, passphrase, signatureProperties: [{ tampilan: "INVISIBLE", location, reason }], file: [<PDF base64>] }`,
 * answer 200 `{ file: [<signed PDF base64>] }`; any other status carries `{ error | message }`.
 * The NIK and passphrase are typed by the signer at each signing and never stored.
 */
export function bsreSigner(settings: BsreSettings): PdfSigner {
  return {
    kind: 'bsre',
    async signPdf(pdf, request) {
      if (!request.nik || !request.passphrase)
        throw new SigningRefused('NIK dan passphrase sertifikat elektronik BSrE wajib diisi untuk menandatangani.');
      let response: Response;
      try {
        response = await fetch(`${settings.baseUrl.replace(/\/+$/, '')}/api/v2/sign/pdf`, {
          method: 'POST',
          headers: {
            'Content-Type': 'application/json',
            Authorization: `Basic ${Buffer.from(`${settings.username}:${settings.password}`).toString('base64')}`,
          },
          body: JSON.stringify({
            nik: request.nik,
            passphrase: request.passphrase,
            signatureProperties: [{ tampilan: 'INVISIBLE', location: request.location, reason: request.reason }],
            file: [pdf.toString('base64')],
          }),
          signal: AbortSignal.timeout(settings.timeoutMs),
        });
      } catch {
        throw new Error('Layanan tanda tangan elektronik BSrE tidak dapat dihubungi.');
      }
      const answer = (await response.json().catch(() => ({}))) as BsreAnswer;
      if (response.status >= 400 && response.status < 500) {
        const reason =
          typeof answer.error === 'string' ? answer.error : typeof answer.message === 'string' ? answer.message : '';
        throw new SigningRefused(`BSrE menolak penandatanganan${reason ? `: ${reason}` : ''}.`);
      }
      const file: unknown = Array.isArray(answer.file) ? (answer.file as unknown[])[0] : undefined;
      if (!response.ok || typeof file !== 'string')
        throw new Error(`Layanan BSrE menjawab ${response.status} tanpa dokumen bertanda tangan.`);
      return Buffer.from(file, 'base64');
    },
  };
}
