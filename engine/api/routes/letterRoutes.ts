import type { Static } from '@sinclair/typebox';
import type { Request } from 'express';
import type { Knex } from 'knex';
import { AppError } from '../../app/appErrors.ts';
import { loadLetterContext } from '../../app/letters/letterContext.ts';
import { initialLetter, loadDraft, prepareLetter } from '../../app/letters/letterDrafts.ts';
import { layoutOf } from '../../app/letters/layoutOf.ts';
import { renderLetterPdf } from '../../app/letters/renderLetterPdf.ts';
import { signLetter, type SignOptions } from '../../app/letters/signLetter.ts';
import { signerRoleOf } from '../../app/letters/signerAuthority.ts';
import { kopLogo } from '../../app/regencyLogo/regencyLogo.ts';
import { signerFromEnvironment } from '../../app/signing/signerFromEnvironment.ts';
import { outputContracts as c, type SignBodySchema } from '../../contracts/outputContracts.ts';
import { publicBaseUrl } from '../publicAddress.ts';
import { implement, type RouteSpec } from '../routeSpec.ts';

/** The body of a signing (its schema is declared in the output contracts). */
export type SignBody = Static<typeof SignBodySchema>;

/** Signing options of a request: the configured signing service and the public verification address. */
export function signOptions(db: Knex, req: Request, body: SignBody | undefined): SignOptions {
  return {
    signer: signerFromEnvironment(db),
    verifyUrl: (code) => `${publicBaseUrl(req)}/verifikasi/${code}`,
    ...(body?.nik ? { nik: body.nik } : {}),
    ...(body?.passphrase ? { passphrase: body.passphrase } : {}),
  };
}

/** Letters with authority: staff prepare a numberless preview, the paraf chain initials, the signer signs. */
export const letterRoutes: RouteSpec[] = [
  implement(c.prepare, {
    idempotent: true,
    summary: 'Menyiapkan surat: pratinjau tanpa nomor dengan data langkah yang menghasilkannya',
    tag: 'keluaran',
    access: 'user',
    policy: { action: 'output.prepare' },
    responses: {
      201: 'Konsep surat',
      401: 'Belum masuk',
      403: 'Tidak berwenang',
      404: 'Tidak ada',
      409: 'Sudah terbit',
      422: 'Langkah belum selesai, tanpa templat atau isian wajib kosong',
    },
    handler: async ({ db, user, params }) => ({
      status: 201,
      body: { draft: await prepareLetter(db, user, params.caseId, params.outputId) },
    }),
  }),
  implement(c.preview, {
    summary: 'Pratinjau PDF konsep surat (tanpa nomor, bertanda PRATINJAU)',
    tag: 'keluaran',
    access: 'user',
    policy: { action: 'output.read', log: 'print' },
    responses: { 200: 'PDF', 401: 'Belum masuk', 404: 'Tidak ada' },
    handler: async ({ db, user, params }) => {
      const draft = await loadDraft(db, user.regencyId, params.draftId);
      if (draft.status !== 'prepared') throw new AppError('CONFLICT', 'Konsep surat ini sudah tidak berlaku.');
      const context = await loadLetterContext(db, user.regencyId, draft.caseId, draft.outputId, false);
      const role = signerRoleOf(context.template.signerRole, context.regency);
      const roleName = context.regency.roles.find((r) => r.id === role)?.name ?? role;
      // The preview shows the kop as signing would print it now: today's logo.
      const logo = await kopLogo(db, user.regencyId);
      const pdf = await renderLetterPdf(
        layoutOf(context, draft.values, {
          number: null,
          signer: { name: '(nama penanda tangan)', title: roleName },
          date: new Date(),
          initials: draft.initials,
          ...(logo ? { logo } : {}),
        }),
      );
      return { file: { content: pdf, mediaType: 'application/pdf', fileName: `pratinjau-${draft.outputId}.pdf` } };
    },
  }),
  implement(c.initial, {
    summary: 'Memaraf konsep surat (urutan paraf menurut templat)',
    tag: 'keluaran',
    access: 'user',
    policy: { action: 'output.initial' },
    responses: {
      200: 'Diparaf',
      401: 'Belum masuk',
      403: 'Bukan giliran jabatan Anda',
      404: 'Tidak ada',
      409: 'Lengkap',
    },
    handler: async ({ db, user, params }) => ({ body: { draft: await initialLetter(db, user, params.draftId) } }),
  }),
  implement(c.sign, {
    idempotent: true,
    summary:
      'Menandatangani surat secara elektronik (PAdES): nomor diambil saat ini; gagal berarti tidak ada nomor terpakai',
    tag: 'keluaran',
    access: 'user',
    policy: { action: 'output.sign' },
    responses: {
      201: 'Dokumen terbit',
      401: 'Belum masuk',
      403: 'Bukan penanda tangan surat ini',
      404: 'Tidak ada',
      409: 'Sudah ditandatangani',
      422: 'Paraf belum lengkap atau passphrase ditolak',
      503: 'Layanan tanda tangan elektronik gagal',
    },
    handler: async ({ db, user, params, req, body }) => ({
      status: 201,
      body: { document: await signLetter(db, user, params.draftId, signOptions(db, req, body)) },
    }),
  }),
];
