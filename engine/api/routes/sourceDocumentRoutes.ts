import { AppError } from '../../app/appErrors.ts';
import { importDocument, resolveClash, type ClashChoice } from '../../app/designer/documentImport.ts';
import {
  cleanFileName,
  MAX_DOCUMENT_BYTES,
  readUploadedDocument,
  type DocumentReading,
} from '../../app/designer/documentUpload.ts';
import { reviewPart } from '../../app/designer/reviewPart.ts';
import { documentFile, documentOfSop, listDesignerEvents } from '../../storage/designer/sourceDocumentStore.ts';
import { currentRegency } from '../../app/designer/validateDraft.ts';
import { sourceDocumentContracts as c } from '../../contracts/sourceDocumentContracts.ts';
import { implement, type PrepareContext, type RouteSpec } from '../routeSpec.ts';

const TAG = 'perancang';
/** Importing and checking imported parts change drafts: drafters (and admins) only, as saving does. */
const WRITERS = ['drafter', 'admin'] as const;

/** Reads the upload with the importer before the request's transaction (see documentUpload.ts). */
async function prepareUpload(raw: Buffer, context: PrepareContext): Promise<DocumentReading> {
  const fileName = cleanFileName(context.query.fileName);
  const regency = await context.scoped((db) => currentRegency(db, context.user!.regencyId));
  return readUploadedDocument(raw, fileName, regency);
}

/** The prepared upload, checked rather than cast (the contract cannot type a prepared raw body). */
function readingOf(body: unknown): DocumentReading {
  if (body !== null && typeof body === 'object' && 'content' in body && body.content instanceof Uint8Array)
    return body as DocumentReading;
  throw new AppError('VALIDATION_FAILED', 'Kirim dokumen sebagai isi permintaan.', '/body');
}

/** The sourceDocumentId path parameter as the database's id. */
function documentIdOf(value: string): string {
  if (!/^[1-9][0-9]{0,17}$/.test(value))
    throw new AppError('VALIDATION_FAILED', 'Nomor dokumen tidak sah.', '/sourceDocumentId');
  return value;
}

/** "Impor dari dokumen": upload, choices for clashing ids, the document beside each draft, review of parts. */
export const sourceDocumentRoutes: RouteSpec[] = [
  implement(c.upload, {
    summary:
      'Mengimpor dokumen SOP (.docx, .pdf, .txt, .md, gambar pindaian): satu draf per SOP yang ditemukan; dokumen dan teksnya disimpan bersama draf',
    tag: TAG,
    access: 'user',
    kinds: WRITERS,
    policy: { action: 'definition.validate' },
    rawBody: { maxBytes: MAX_DOCUMENT_BYTES, prepare: prepareUpload },
    responses: {
      201: 'Dokumen tersimpan; draf dibuat dan pengenal yang bentrok menunggu pilihan',
      400: 'Berkas kosong atau nama berkas tidak ada',
      401: 'Belum masuk',
      403: 'Bukan penyusun',
      413: 'Berkas terlalu besar (paling besar 20 MB)',
      415: 'Jenis berkas tidak dapat dibaca',
      422: 'Tidak ada SOP yang ditemukan',
      429: 'Dokumen lain sedang dibaca',
    },
    handler: async ({ db, user, body }) => ({ status: 201, body: await importDocument(db, user, readingOf(body)) }),
  }),
  implement(c.resolve, {
    summary:
      'Pilihan penyusun untuk SOP hasil impor yang pengenalnya sudah dipakai: pengenal baru, revisi baru SOP yang ada, atau dilewati',
    tag: TAG,
    access: 'user',
    kinds: WRITERS,
    policy: { action: 'definition.validate' },
    responses: {
      200: 'Pilihan dijalankan',
      400: 'Data tidak sah',
      401: 'Belum masuk',
      403: 'Bukan penyusun',
      404: 'Dokumen atau SOP tidak menunggu pilihan',
      409: 'Pengenal baru juga sudah dipakai',
    },
    handler: async ({ db, user, params, body }) => {
      if (body.choice === 'rename' && body.newId === undefined)
        throw new AppError('VALIDATION_FAILED', 'Isi pengenal baru untuk SOP ini.', '/newId');
      const choice: ClashChoice =
        body.choice === 'rename' ? { choice: 'rename', newId: body.newId! } : { choice: body.choice };
      return { body: await resolveClash(db, user, documentIdOf(params.sourceDocumentId), body.sopId, choice) };
    },
  }),
  implement(c.file, {
    summary: 'Mengunduh berkas asli dokumen sumber yang diimpor',
    tag: TAG,
    access: 'user',
    policy: { action: 'definition.validate' },
    responses: { 200: 'Berkas asli', 401: 'Belum masuk', 403: 'Bukan penyusun atau pengesah', 404: 'Tidak ada' },
    handler: async ({ db, params }) => {
      const file = await documentFile(db, documentIdOf(params.sourceDocumentId));
      if (!file) throw new AppError('NOT_FOUND', 'Dokumen tidak ditemukan.', '/sourceDocumentId');
      return {
        file: { content: file.content, mediaType: file.mediaType, fileName: file.fileName, disposition: 'attachment' },
      };
    },
  }),
  implement(c.ofSop, {
    summary: 'Dokumen sumber sebuah SOP hasil impor: teks per halaman dan baris, serta siapa memeriksa bagian mana',
    tag: TAG,
    access: 'user',
    policy: { action: 'definition.validate' },
    responses: {
      200: 'Dokumen dan teksnya (null bila SOP tidak diimpor dari dokumen)',
      401: 'Belum masuk',
      403: 'Bukan penyusun atau pengesah',
    },
    handler: async ({ db, user, params }) => {
      const document = (await documentOfSop(db, user.regencyId, params.sopId)) ?? null;
      return { body: { document, events: await listDesignerEvents(db, user.regencyId, params.sopId) } };
    },
  }),
  implement(c.review, {
    summary:
      '"Sudah diperiksa": menandai satu bagian tafsiran atau pembacaan kurang jelas sebagai diperiksa (revisi draf baru dan catatan siapa/kapan)',
    tag: TAG,
    access: 'user',
    kinds: WRITERS,
    policy: { action: 'definition.validate' },
    responses: {
      201: 'Revisi baru',
      400: 'Data tidak sah',
      401: 'Belum masuk',
      403: 'Bukan penyusun',
      409: 'Revisi lain disimpan lebih dahulu',
      422: 'Bagian itu bukan tafsiran yang perlu diperiksa',
    },
    handler: async ({ db, user, params, body }) => {
      if ((body.stepId === undefined) === (body.field === undefined))
        throw new AppError(
          'VALIDATION_FAILED',
          'Sebutkan langkah (stepId) atau isian sampul (field), salah satu.',
          '/body',
        );
      const target =
        body.stepId !== undefined ? { stepId: body.stepId, part: body.part } : { field: body.field!, part: body.part };
      const outcome = await reviewPart(db, user, {
        sopId: params.sopId,
        source: body.source,
        baseRevision: body.baseRevision,
        target,
      });
      if (!outcome.ok)
        throw new AppError(
          'CONFLICT',
          `${outcome.conflict.latest.savedByName} menyimpan revisi ${outcome.conflict.latest.revision} setelah Anda membuka revisi ${outcome.conflict.baseRevision}. Muat ulang, lalu periksa lagi.`,
          '/baseRevision',
          undefined,
          'DRAFT_CONFLICT',
        );
      return { status: 201, body: { revision: outcome.revision, source: outcome.source ?? body.source } };
    },
  }),
];
