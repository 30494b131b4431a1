import { AppError } from '../../app/appErrors.ts';
import { unzipPack } from '../../app/designer/inflatePack.ts';
import { exportPack } from '../../app/designer/packExport.ts';
import type { PackFile } from '../../app/designer/packFiles.ts';
import { importPack, previewImport, type PackOptions } from '../../app/designer/packImport.ts';
import type { AccessProfile } from '../../app/permissions/accessProfile.ts';
import { designerPackContracts as c } from '../../contracts/designerContracts.ts';
import { implement, type RouteSpec } from '../routeSpec.ts';

const TAG = 'perancang';
// The upload itself; what it unpacks to is limited in inflatePack.ts.
const MAX_PACK_BYTES = 5 * 1024 * 1024;

/** `sopA:3,sopB:0` → { sopA: 3, sopB: 0 }: the revisions an import report was made against. */
function basesParam(value: string | undefined): Record<string, number> {
  const bases: Record<string, number> = {};
  for (const part of (value ?? '').split(',').filter((p) => p.length > 0)) {
    const match = /^([a-z0-9][a-z0-9-]{0,79}):([0-9]{1,7})$/.exec(part);
    if (!match) throw new AppError('VALIDATION_FAILED', `Bagian "${part}" dari bases tidak sah.`, '/query/bases');
    bases[match[1]!] = Number(match[2]);
  }
  return bases;
}

/** Regency admins import a pack's regency.yaml too (as a settings draft); drafters only its SOPs. */
function withSettings(access: AccessProfile): PackOptions {
  return { withSettings: access.kinds.has('admin') };
}

/** Unpacks an uploaded pack in a worker thread, before the request's transaction. */
function unpackBody(body: Buffer): Promise<PackFile[]> {
  if (!Buffer.isBuffer(body) || body.length === 0)
    throw new AppError('VALIDATION_FAILED', 'Kirim paket sebagai arsip zip.', '/body');
  return unzipPack(new Uint8Array(body));
}

function isPackFile(value: unknown): value is PackFile {
  return typeof value === 'object' && value !== null && 'name' in value && 'content' in value;
}

/** The files `unpackBody` prepared for the handler. */
function packFilesOf(body: unknown): PackFile[] {
  if (!Array.isArray(body) || !body.every(isPackFile))
    throw new AppError('VALIDATION_FAILED', 'Kirim paket sebagai arsip zip.', '/body');
  return body;
}

const UPLOAD_ERRORS = {
  400: 'Bukan zip',
  401: 'Belum masuk',
  403: 'Bukan penyusun',
  413: 'Terlalu besar (ukuran setelah dibuka, jumlah entri, waktu)',
  429: 'Paket lain sedang dibuka',
};

/** Regency packs (a zip of the regency's YAML files): check, import all or nothing, export. */
export const designerPackRoutes: RouteSpec[] = [
  implement(c.check, {
    summary: 'Memeriksa paket kabupaten (zip berisi berkas YAML) tanpa menyimpan apa pun',
    tag: TAG,
    access: 'user',
    policy: { action: 'definition.validate' },
    rawBody: { maxBytes: MAX_PACK_BYTES, prepare: unpackBody },
    responses: { 200: 'Laporan pemeriksaan', ...UPLOAD_ERRORS, 422: 'Arsip bertumpuk terlalu dalam' },
    handler: async ({ db, user, access, body }) => ({
      body: await previewImport(db, user, packFilesOf(body), withSettings(access)),
    }),
  }),
  implement(c.import, {
    summary:
      'Mengimpor paket sebagai revisi draf, semua atau tidak sama sekali (query bases=sop:revisi,… dari laporan; keepInvalid=1 menyimpan juga berkas yang masih salah sebagai draf)',
    tag: TAG,
    access: 'user',
    policy: { action: 'definition.validate' },
    rawBody: { maxBytes: MAX_PACK_BYTES, prepare: unpackBody },
    responses: {
      201: 'Tersimpan',
      ...UPLOAD_ERRORS,
      409: 'SOP berubah sejak laporan',
      422: 'Paket berisi kesalahan atau arsip bertumpuk terlalu dalam; tidak ada yang disimpan',
    },
    handler: async ({ db, user, access, body, query }) => {
      const result = await importPack(db, user, packFilesOf(body), basesParam(query.bases), {
        ...withSettings(access),
        keepInvalid: query.keepInvalid === '1',
      });
      if (result.saved.length === 0)
        return {
          status: 422,
          body: {
            error: {
              code: 'UNPROCESSABLE' as const,
              reason: 'PACK_INVALID' as const,
              message: 'Paket berisi kesalahan; tidak ada yang disimpan.',
            },
            report: result.report,
          },
        };
      return { status: 201, body: result };
    },
  }),
  implement(c.export, {
    summary: 'Mengunduh paket kabupaten (regency.yaml dan SOP) sebagai zip',
    tag: TAG,
    access: 'user',
    policy: { action: 'definition.validate' },
    responses: { 200: 'Arsip zip', 401: 'Belum masuk', 403: 'Bukan penyusun atau pengesah' },
    handler: async ({ db, user }) => {
      const pack = await exportPack(db, user.regencyId);
      return {
        file: { content: pack.zip, mediaType: 'application/zip', fileName: pack.fileName, disposition: 'attachment' },
      };
    },
  }),
];
