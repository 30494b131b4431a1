import { createHash, randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import PDFDocument from 'pdfkit';
import { AppError } from '../appErrors.ts';
import type { AuthUser } from '../authUser.ts';
import {
  closeCurrentLogo,
  currentLogoFile,
  insertLogo,
  logoFileById,
  logoHistory,
  type RegencyLogoFile,
  type RegencyLogoInfo,
} from '../../storage/regencies/regencyLogos.ts';
import { checkLogoImage, type LogoImage } from './logoImage.ts';

/** A checked upload, ready to be stored in the request's transaction. */
export interface LogoUpload extends LogoImage {
  content: Buffer;
  sha256: string;
}

/** Places the image in a throwaway PDF the way a kop does, so a file pdfkit cannot embed is refused now. */
async function embedsInPdf(content: Buffer): Promise<boolean> {
  try {
    const pdf = new PDFDocument({ size: [100, 100] });
    const done = new Promise<void>((resolve, reject) => {
      pdf.on('end', () => resolve());
      pdf.on('error', reject);
    });
    pdf.on('data', () => undefined);
    pdf.image(content, 0, 0, { fit: [60, 60] });
    pdf.end();
    await done;
    return true;
  } catch {
    return false;
  }
}

/** Checks an uploaded logo (type, size, dimensions, completeness, that it embeds in a PDF) before any transaction. */
export async function readUploadedLogo(raw: Buffer): Promise<LogoUpload> {
  const image = checkLogoImage(raw);
  if (!(await embedsInPdf(raw)))
    throw new AppError(
      'UNPROCESSABLE',
      'Berkas lambang tidak dapat dipasang pada surat. Simpan ulang sebagai PNG atau JPEG biasa, lalu unggah lagi.',
      '/body',
    );
  return { ...image, content: raw, sha256: createHash('sha256').update(raw).digest('hex') };
}

/** The regency's logo now and every earlier upload (who, when, hash). */
export async function logoStatus(
  db: Knex,
  regencyId: string,
): Promise<{ logo: RegencyLogoInfo | null; history: RegencyLogoInfo[] }> {
  const history = await logoHistory(db, regencyId);
  return { logo: history.find((l) => l.removedAt === null) ?? null, history };
}

/** Makes an upload the regency's logo; the previous one is closed (kept, with who replaced it and when). */
export async function replaceLogo(
  db: Knex,
  user: AuthUser,
  upload: LogoUpload,
  now = new Date(),
): Promise<RegencyLogoInfo> {
  const by = { id: user.id, name: user.name };
  await closeCurrentLogo(db, user.regencyId, by, now);
  const id = randomUUID();
  await insertLogo(db, { id, regencyId: user.regencyId, ...upload, by, at: now });
  const stored = await logoFileById(db, user.regencyId, id);
  if (!stored) throw new AppError('INTERNAL', 'Lambang yang baru disimpan tidak terbaca kembali.');
  const { content: _bytes, ...info } = stored;
  return info;
}

/** Removes the regency's logo from the kop from now on (the upload stays on record); 404 when there is none. */
export async function removeLogo(db: Knex, user: AuthUser, now = new Date()): Promise<void> {
  if (!(await closeCurrentLogo(db, user.regencyId, { id: user.id, name: user.name }, now)))
    throw new AppError('NOT_FOUND', 'Belum ada lambang yang diunggah untuk kabupaten ini.');
}

/** The logo the kop uses now (undefined: the kop is text only). */
export function kopLogo(db: Knex, regencyId: string): Promise<RegencyLogoFile | undefined> {
  return currentLogoFile(db, regencyId);
}

/** One upload's image, also a replaced one (an issued letter names the logo of its moment). */
export async function logoImageFile(db: Knex, regencyId: string, id: string): Promise<RegencyLogoFile> {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(id))
    throw new AppError('NOT_FOUND', 'Lambang tidak ditemukan.', '/logoId');
  const file = await logoFileById(db, regencyId, id);
  if (!file) throw new AppError('NOT_FOUND', 'Lambang tidak ditemukan.', '/logoId');
  return file;
}
