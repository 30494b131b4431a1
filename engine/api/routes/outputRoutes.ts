import type { Request } from 'express';
import { AppError } from '../../app/appErrors.ts';
import { toIssuedDocument, type IssuedDocumentRow } from '../../app/outputs/documentTypes.ts';
import { issueDocument, listCaseOutputs } from '../../app/outputs/issueDocument.ts';
import { recordIssuedOutput } from '../../app/caseService.ts';
import { signOptions, SIGN_BODY, type SignBody } from './letterRoutes.ts';
import { renderDocumentPdf } from '../../app/outputs/renderDocumentPdf.ts';
import { getRegency } from '../../storage/definitionRepository.ts';
import { publicBaseUrl } from '../publicAddress.ts';
import { route, type RouteSpec } from '../routeSpec.ts';

/** The public address of a document's verification page (ALUR_PUBLIC_URL when behind a proxy). */
export function verificationUrl(req: Request, code: string): string {
  return `${publicBaseUrl(req)}/verifikasi/${code}`;
}

/** Outputs of a case and the numbered documents issued from them. */
export const outputRoutes: RouteSpec[] = [
  route({
    method: 'get',
    path: '/api/cases/{caseId}/outputs',
    summary: 'Keluaran SOP untuk kasus ini: sudah dihasilkan atau belum, dapat diterbitkan, dokumen terbit',
    tag: 'keluaran',
    access: 'user',
    policy: { action: 'output.read', log: 'view' },
    responses: { 200: 'Keluaran', 401: 'Belum masuk', 404: 'Kasus tidak ada' },
    handler: async ({ db, user, params }) => ({
      body: {
        outputs: await listCaseOutputs(db, user!, params.caseId!),
        // Which signing service signs here: BSrE asks the signer for NIK and passphrase.
        signing: process.env.ALUR_SIGNING === 'bsre' ? 'bsre' : 'local',
      },
    }),
  }),
  route<SignBody>({
    method: 'post',
    path: '/api/cases/{caseId}/outputs/{outputId}/issue',
    idempotent: true,
    summary:
      'Menyiapkan (bila belum) dan langsung menandatangani surat: hanya penanda tangan atau Plt/Plh-nya; nomor diambil saat penandatanganan',
    tag: 'keluaran',
    access: 'user',
    policy: { action: 'output.sign' },
    body: SIGN_BODY,
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
        document: await issueDocument(db, user!, params.caseId!, params.outputId!, signOptions(db, req, body)),
      },
    }),
  }),
  route({
    method: 'get',
    path: '/api/documents/{documentId}',
    summary: 'Satu dokumen terbit (untuk halaman cetak)',
    tag: 'keluaran',
    access: 'user',
    policy: { action: 'output.read', log: 'document' },
    responses: { 200: 'Dokumen', 401: 'Belum masuk', 404: 'Tidak ada' },
    handler: async ({ db, user, params, req }) => {
      const row = (await db('issued_documents')
        .where({ id: params.documentId, regency_id: user!.regencyId })
        .first()) as IssuedDocumentRow | undefined;
      if (!row) throw new AppError('NOT_FOUND', 'Dokumen tidak ditemukan.');
      return { body: { document: toIssuedDocument(row), verifyUrl: verificationUrl(req, row.verification_code) } };
    },
  }),
  route({
    method: 'get',
    path: '/api/documents/{documentId}/pdf',
    summary: 'Dokumen terbit sebagai PDF dengan kop surat dan kode QR verifikasi',
    tag: 'keluaran',
    access: 'user',
    policy: { action: 'output.read', log: 'print' },
    responses: { 200: 'PDF', 401: 'Belum masuk', 404: 'Tidak ada' },
    handler: async ({ db, user, params, req }) => {
      const row = (await db('issued_documents')
        .where({ id: params.documentId, regency_id: user!.regencyId })
        .first()) as IssuedDocumentRow | undefined;
      if (!row) throw new AppError('NOT_FOUND', 'Dokumen tidak ditemukan.');
      const fileName = `${row.number.replace(/[^A-Za-z0-9.-]+/g, '_')}.pdf`;
      // A signed letter is the stored file itself: re-rendering would break its signature.
      if (row.pdf) return { file: { content: Buffer.from(row.pdf), mediaType: 'application/pdf', fileName } };
      const regency = await getRegency(db, user!.regencyId);
      const pdf = await renderDocumentPdf(
        toIssuedDocument(row),
        verificationUrl(req, row.verification_code),
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
  route<{ reason: string }>({
    method: 'post',
    path: '/api/documents/{documentId}/revoke',
    summary: 'Mencabut dokumen terbit (halaman verifikasi publik menampilkan DICABUT)',
    tag: 'keluaran',
    access: 'user',
    policy: { action: 'output.revoke' },
    kinds: ['kadis', 'kabid', 'admin'],
    body: {
      type: 'object',
      required: ['reason'],
      additionalProperties: false,
      properties: { reason: { type: 'string', minLength: 1, maxLength: 2000 } },
    },
    responses: { 200: 'Dicabut', 400: 'Alasan wajib', 401: 'Belum masuk', 403: 'Tidak berwenang', 404: 'Tidak ada' },
    handler: async ({ db, user, params, body }) => {
      const rows = (await db('issued_documents')
        .where({ id: params.documentId, regency_id: user!.regencyId, status: 'valid' })
        .update({ status: 'revoked', revoked_at: new Date(), revoked_reason: body.reason })
        .returning(['case_id', 'number'])) as Array<{ case_id: string; number: string }>;
      const revoked = rows[0];
      if (!revoked) throw new AppError('NOT_FOUND', 'Dokumen tidak ditemukan atau sudah dicabut.');
      // The case's timeline says who revoked which letter and why (the audit trail of the revocation).
      await recordIssuedOutput(db, user!, revoked.case_id, {
        type: 'recordRevocation',
        documentId: params.documentId!,
        number: revoked.number,
        reason: body.reason,
      });
      return { body: { ok: true } };
    },
  }),
];
