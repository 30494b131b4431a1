import type { Request } from 'express';
import { AppError } from '../../app/appErrors.ts';
import { issueDocument, listCaseOutputs } from '../../app/outputs/issueDocument.ts';
import { renderDocumentPdf } from '../../app/outputs/renderDocumentPdf.ts';
import { revokeDocument } from '../../app/outputs/revokeDocument.ts';
import { outputContracts as c } from '../../contracts/outputContracts.ts';
import { getRegency } from '../../storage/definitionRepository.ts';
import { findIssuedDocument } from '../../storage/issuedDocuments.ts';
import { publicBaseUrl } from '../publicAddress.ts';
import { implement, type RouteSpec } from '../routeSpec.ts';
import { signOptions } from './letterRoutes.ts';

/** The public address of a document's verification page (ALUR_PUBLIC_URL when behind a proxy). */
export function verificationUrl(req: Request, code: string): string {
  return `${publicBaseUrl(req)}/verifikasi/${code}`;
}

/** Outputs of a case and the numbered documents issued from them. */
export const outputRoutes: RouteSpec[] = [
  implement(c.list, {
    summary: 'Keluaran SOP untuk kasus ini: sudah dihasilkan atau belum, dapat diterbitkan, dokumen terbit',
    tag: 'keluaran',
    access: 'user',
    policy: { action: 'output.read', log: 'view' },
    responses: { 200: 'Keluaran', 401: 'Belum masuk', 404: 'Kasus tidak ada' },
    handler: async ({ db, user, params }) => ({
      body: {
        outputs: await listCaseOutputs(db, user, params.caseId),
        // Which signing service signs here: BSrE asks the signer for NIK and passphrase.
        signing: process.env.ALUR_SIGNING === 'bsre' ? ('bsre' as const) : ('local' as const),
      },
    }),
  }),
  implement(c.issue, {
    idempotent: true,
    summary:
      'Menyiapkan (bila belum) dan langsung menandatangani surat: hanya penanda tangan atau Plt/Plh-nya; nomor diambil saat penandatanganan',
    tag: 'keluaran',
    access: 'user',
    policy: { action: 'output.sign' },
    responses: {
      201: 'Dokumen terbit',
      401: 'Belum masuk',
      403: 'Bukan penanda tangan surat ini',
      404: 'Tidak ada',
      409: 'Sudah terbit',
      422: 'Langkah belum selesai, tanpa templat, isian wajib kosong atau paraf belum lengkap',
      503: 'Layanan tanda tangan elektronik gagal (tidak ada nomor terpakai)',
    },
    handler: async ({ db, user, params, req, body }) => ({
      status: 201,
      body: {
        document: await issueDocument(db, user, params.caseId, params.outputId, signOptions(db, req, body)),
      },
    }),
  }),
  implement(c.document, {
    summary: 'Satu dokumen terbit (untuk halaman cetak)',
    tag: 'keluaran',
    access: 'user',
    policy: { action: 'output.read', log: 'document' },
    responses: { 200: 'Dokumen', 401: 'Belum masuk', 404: 'Tidak ada' },
    handler: async ({ db, user, params, req }) => {
      const found = await findIssuedDocument(db, user.regencyId, params.documentId);
      if (!found) throw new AppError('NOT_FOUND', 'Dokumen tidak ditemukan.');
      const { document } = found;
      return { body: { document, verifyUrl: verificationUrl(req, document.verificationCode) } };
    },
  }),
  implement(c.documentPdf, {
    summary: 'Dokumen terbit sebagai PDF dengan kop surat dan kode QR verifikasi',
    tag: 'keluaran',
    access: 'user',
    policy: { action: 'output.read', log: 'print' },
    responses: { 200: 'PDF', 401: 'Belum masuk', 404: 'Tidak ada' },
    handler: async ({ db, user, params, req }) => {
      const found = await findIssuedDocument(db, user.regencyId, params.documentId);
      if (!found) throw new AppError('NOT_FOUND', 'Dokumen tidak ditemukan.');
      const { document, signedPdf } = found;
      const fileName = `${document.number.replace(/[^A-Za-z0-9.-]+/g, '_')}.pdf`;
      // A signed letter is the stored file itself: re-rendering would break its signature.
      if (signedPdf) return { file: { content: signedPdf, mediaType: 'application/pdf', fileName } };
      const regency = await getRegency(db, user.regencyId);
      const pdf = await renderDocumentPdf(
        document,
        verificationUrl(req, document.verificationCode),
        regency?.calendar.timezone ?? 'Asia/Jakarta',
      );
      // A file result is sent after the print is recorded in the access log.
      return {
        file: {
          content: pdf,
          mediaType: 'application/pdf',
          fileName,
        },
      };
    },
  }),
  implement(c.revoke, {
    summary: 'Mencabut dokumen terbit (halaman verifikasi publik menampilkan DICABUT)',
    tag: 'keluaran',
    access: 'user',
    policy: { action: 'output.revoke' },
    kinds: ['kadis', 'kabid', 'admin'],
    responses: { 200: 'Dicabut', 400: 'Alasan wajib', 401: 'Belum masuk', 403: 'Tidak berwenang', 404: 'Tidak ada' },
    handler: async ({ db, user, params, body }) => {
      await revokeDocument(db, user, params.documentId, body.reason);
      return { body: { ok: true as const } };
    },
  }),
];
