import { AppError } from '../../app/appErrors.ts';
import { publicRegencies, publicStandards } from '../../app/outputs/publicStandards.ts';
import { checkUploadedPdf, publicStatus, publicVerification } from '../../app/outputs/publicViews.ts';
import { publicBaseUrl } from '../publicAddress.ts';
import { publicContracts as c } from '../../contracts/publicContracts.ts';
import { implement, type RouteSpec } from '../routeSpec.ts';

/** Pages for citizens: case status by tracking code and document verification, both without personal data. */
export const publicRoutes: RouteSpec[] = [
  implement(c.site, {
    summary: 'Alamat publik Alur (ALUR_PUBLIC_URL) untuk tautan lacak di tanda terima',
    tag: 'publik',
    access: 'public',
    policy: { action: 'public' },
    responses: { 200: 'Alamat publik' },
    handler: ({ req }) => Promise.resolve({ body: { publicUrl: publicBaseUrl(req) } }),
  }),
  implement(c.status, {
    summary: 'Status layanan menurut kode lacak: layanan, tahap, perkiraan selesai (tanpa data pribadi)',
    tag: 'publik',
    access: 'public',
    policy: { action: 'public' },
    responses: { 200: 'Status', 404: 'Kode tidak dikenal' },
    handler: async ({ db, params }) => ({ body: await publicStatus(db, params.trackingCode) }),
  }),
  implement(c.verification, {
    summary: 'Verifikasi dokumen dari kode QR: nomor, tanggal, penanda tangan, sah atau dicabut',
    tag: 'publik',
    access: 'public',
    policy: { action: 'public', publicCode: { param: 'code', kind: 'verificationCode' } },
    responses: { 200: 'Dokumen', 404: 'Tidak dikenal' },
    handler: async ({ db, params }) => ({ body: await publicVerification(db, params.code) }),
  }),
  implement(c.regencies, {
    summary: 'Kabupaten yang mengumumkan Standar Pelayanan (UU 25/2009 Pasal 15 dan 21), tanpa masuk',
    tag: 'publik',
    access: 'public',
    policy: { action: 'public' },
    responses: { 200: 'Daftar kabupaten' },
    handler: async ({ db }) => ({ body: { regencies: await publicRegencies(db) } }),
  }),
  implement(c.standards, {
    summary:
      'Standar Pelayanan terbit satu kabupaten: persyaratan, prosedur, jangka waktu, biaya, produk, pengaduan (tanpa masuk)',
    tag: 'publik',
    access: 'public',
    policy: { action: 'public' },
    responses: { 200: 'Standar Pelayanan', 404: 'Kabupaten tidak dikenal' },
    handler: async ({ db, params }) => ({ body: await publicStandards(db, params.regencyId) }),
  }),
  implement(c.checkPdf, {
    summary: 'Memeriksa apakah berkas PDF yang diunggah adalah berkas asli dokumen ini (sidik SHA-256)',
    tag: 'publik',
    access: 'public',
    policy: { action: 'public', publicCode: { param: 'code', kind: 'verificationCode' } },
    rawBody: { maxBytes: 10 * 1024 * 1024 },
    responses: { 200: 'Hasil pemeriksaan', 400: 'Bukan berkas PDF', 404: 'Tidak dikenal' },
    handler: async ({ db, params, body }) => {
      const file = Buffer.isBuffer(body) ? body : Buffer.alloc(0);
      if (file.subarray(0, 5).toString('latin1') !== '%PDF-')
        throw new AppError('VALIDATION_FAILED', 'Berkas yang diunggah bukan PDF.', '/file');
      return { body: await checkUploadedPdf(db, params.code, file) };
    },
  }),
];
