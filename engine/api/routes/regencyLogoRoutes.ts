import { AppError } from '../../app/appErrors.ts';
import {
  logoImageFile,
  logoStatus,
  readUploadedLogo,
  removeLogo,
  replaceLogo,
  type LogoUpload,
} from '../../app/regencyLogo/regencyLogo.ts';
import { regencyLogoContracts as c } from '../../contracts/regencyLogoContracts.ts';
import { implement, type RouteSpec } from '../routeSpec.ts';

const TAG = 'kabupaten';
/** The parser's own limit sits above the logo limit, so a large file gets the logo's message, not a generic one. */
const RAW_LIMIT = 8 * 1024 * 1024;
const ADMIN_ERRORS = { 401: 'Belum masuk', 403: 'Bukan admin kabupaten' };

/** The prepared upload, checked rather than cast (the contract cannot type a prepared raw body). */
function uploadOf(body: unknown): LogoUpload {
  if (body !== null && typeof body === 'object' && 'content' in body && Buffer.isBuffer(body.content))
    return body as LogoUpload;
  throw new AppError('VALIDATION_FAILED', 'Kirim gambar lambang sebagai isi permintaan.', '/body');
}

/** The regency's official logo (lambang) in the kop of letters, receipts and printed SOPs. */
export const regencyLogoRoutes: RouteSpec[] = [
  implement(c.status, {
    summary: 'Lambang daerah yang dipakai pada kop (null bila belum diunggah) dan riwayat unggahannya',
    tag: TAG,
    access: 'user',
    policy: { action: 'regency.read' },
    responses: { 200: 'Lambang dan riwayat', 401: 'Belum masuk' },
    handler: async ({ db, user }) => ({ body: await logoStatus(db, user.regencyId) }),
  }),
  implement(c.upload, {
    summary:
      'Mengunggah lambang daerah resmi (PNG atau JPEG, paling besar 1 MB, sisi 64–2000 piksel); menggantikan lambang sebelumnya',
    tag: TAG,
    access: 'user',
    policy: { action: 'regency.settings.edit' },
    rawBody: { maxBytes: RAW_LIMIT, prepare: (raw) => readUploadedLogo(raw) },
    responses: {
      200: 'Lambang dipakai pada kop mulai sekarang',
      400: 'Berkas kosong',
      413: 'Berkas terlalu besar',
      415: 'Bukan PNG atau JPEG',
      422: 'Berkas rusak atau ukuran piksel di luar batas',
      ...ADMIN_ERRORS,
    },
    handler: async ({ db, user, body }) => {
      await replaceLogo(db, user, uploadOf(body));
      return { body: await logoStatus(db, user.regencyId) };
    },
  }),
  implement(c.remove, {
    summary: 'Melepas lambang dari kop mulai sekarang (unggahan tetap tercatat; surat yang terbit tidak berubah)',
    tag: TAG,
    access: 'user',
    policy: { action: 'regency.settings.edit' },
    responses: { 200: 'Kop tanpa lambang', 404: 'Belum ada lambang', ...ADMIN_ERRORS },
    handler: async ({ db, user }) => {
      await removeLogo(db, user);
      return { body: await logoStatus(db, user.regencyId) };
    },
  }),
  implement(c.image, {
    summary: 'Gambar lambang (juga lambang yang sudah diganti, karena surat yang terbit menyebut lambang saat itu)',
    tag: TAG,
    access: 'user',
    policy: { action: 'regency.read' },
    responses: { 200: 'Gambar', 401: 'Belum masuk', 404: 'Tidak ada' },
    handler: async ({ db, user, params }) => {
      const file = await logoImageFile(db, user.regencyId, params.logoId);
      const extension = file.mediaType === 'image/png' ? 'png' : 'jpg';
      return {
        file: {
          content: file.content,
          mediaType: file.mediaType,
          fileName: `lambang-${user.regencyId}.${extension}`,
          disposition: 'inline',
        },
      };
    },
  }),
];
