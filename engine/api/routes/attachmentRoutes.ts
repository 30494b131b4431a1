import { createHash, randomUUID } from 'node:crypto';
import { hasActivePdfContent } from '../../app/activePdfContent.ts';
import { AppError } from '../../app/appErrors.ts';
import { acceptedKinds, detectFileKind, MEDIA_TYPE_OF, safeFileName } from '../../app/detectFileType.ts';
import { executableOfVersionId } from '../../app/executableCache.ts';
import { attachmentContracts as c } from '../../contracts/attachmentContracts.ts';
import { attachmentFile, insertAttachment, listAttachments } from '../../storage/attachmentRepository.ts';
import { loadCase } from '../../storage/caseRepository.ts';
import { implement, type RouteSpec } from '../routeSpec.ts';

/** Largest accepted scan. */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

/** Scans of requirement documents: upload to a case, download with permission checks. */
export const attachmentRoutes: RouteSpec[] = [
  implement(c.upload, {
    idempotent: true,
    summary:
      'Mengunggah pindaian dokumen (JPEG, PNG atau PDF; XLSX/DOCX bila jenis dokumennya menerimanya; maks. 10 MB); query `doc` = jenis dokumen, `name` = nama berkas',
    tag: 'lampiran',
    access: 'user',
    policy: { action: 'attachment.upload' },
    rawBody: { maxBytes: MAX_ATTACHMENT_BYTES },
    responses: {
      201: 'Tersimpan',
      400: 'Jenis dokumen tidak ada di SOP',
      401: 'Belum masuk',
      404: 'Kasus tidak ada',
      413: 'Terlalu besar',
      415: 'Jenis berkas tidak diterima untuk dokumen ini',
    },
    handler: async ({ db, sql, user, params, query, body }) => {
      const stored = await loadCase(db, user.regencyId, params.caseId);
      if (!stored) throw new AppError('NOT_FOUND', 'Kasus tidak ditemukan.');
      const doc = query.doc ?? '';
      if (!/^[a-z0-9][a-z0-9-]{0,79}$/.test(doc))
        throw new AppError('VALIDATION_FAILED', 'Jenis dokumen (doc) wajib diisi dengan pengenal dokumen SOP.', '/doc');
      const bytes = Buffer.isBuffer(body) ? body : Buffer.alloc(0);
      if (bytes.length === 0) throw new AppError('VALIDATION_FAILED', 'Berkas kosong.', '/body');
      const compiled = await executableOfVersionId(sql, user.regencyId, stored.versionId);
      const requirements = compiled?.exe.definition.steps.flatMap((s) => s.requirements) ?? [];
      if (requirements.some((r) => r.doc === doc && r.kind === 'equipment'))
        throw new AppError(
          'VALIDATION_FAILED',
          'Butir ini peralatan kerja, bukan dokumen: tidak perlu diunggah.',
          '/doc',
        );
      const accepted = acceptedKinds(requirements, doc);
      const kind = detectFileKind(bytes);
      if (!kind || !accepted.includes(kind))
        throw new AppError(
          'UNSUPPORTED_MEDIA_TYPE',
          `Berkas untuk dokumen ini harus berupa ${accepted.map((k) => k.toUpperCase()).join(', ')} (diperiksa dari isinya, bukan nama berkas).`,
        );
      const type = MEDIA_TYPE_OF[kind];
      if (kind === 'pdf' && hasActivePdfContent(bytes))
        throw new AppError(
          'UNSUPPORTED_MEDIA_TYPE',
          'PDF ini berisi skrip, lampiran tersemat atau tindakan otomatis; unggah pindaian biasa.',
        );
      const id = randomUUID();
      const fileName = safeFileName(query.name, kind);
      await insertAttachment(db, {
        id,
        caseId: stored.id,
        regencyId: stored.regencyId,
        doc,
        fileName,
        mediaType: type,
        content: bytes,
        sha256: createHash('sha256').update(bytes).digest('hex'),
        uploadedBy: user.id,
      });
      return { status: 201, body: { id, doc, fileName, mediaType: type, sizeBytes: bytes.length } };
    },
  }),
  implement(c.list, {
    summary: 'Daftar lampiran kasus',
    tag: 'lampiran',
    access: 'user',
    policy: { action: 'attachment.read', log: 'attachments' },
    responses: { 200: 'Daftar', 401: 'Belum masuk', 404: 'Kasus tidak ada' },
    handler: async ({ db, user, params }) => {
      const stored = await loadCase(db, user.regencyId, params.caseId);
      if (!stored) throw new AppError('NOT_FOUND', 'Kasus tidak ditemukan.');
      return { body: { attachments: await listAttachments(db, user.regencyId, stored.id) } };
    },
  }),
  implement(c.download, {
    summary: 'Mengunduh lampiran (hanya kabupaten pemilik)',
    tag: 'lampiran',
    access: 'user',
    policy: { action: 'attachment.read', log: 'download' },
    responses: { 200: 'Isi berkas', 401: 'Belum masuk', 404: 'Tidak ada' },
    handler: async ({ db, user, params }) => {
      const file = await attachmentFile(db, user.regencyId, params.attachmentId);
      if (!file) throw new AppError('NOT_FOUND', 'Lampiran tidak ditemukan.');
      if (file.purged)
        throw new AppError('NOT_FOUND', 'Isi lampiran sudah dihapus karena masa retensi data kasus telah lewat.');
      // Sent by the route runner after the access record is committed.
      return { file: { content: file.content, mediaType: file.mediaType, fileName: file.fileName } };
    },
  }),
];
