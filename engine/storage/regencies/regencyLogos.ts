import { Type, type Static } from '@sinclair/typebox';
import type { Knex } from 'knex';
import { Nullable, Timestamp } from '../rowColumns.ts';
import { rowDecoder } from '../rowDecoder.ts';

/** A stored logo upload without its bytes: what, by whom, when, and whether it was replaced or removed. */
export interface RegencyLogoInfo {
  id: string;
  mediaType: string;
  width: number;
  height: number;
  byteSize: number;
  sha256: string;
  uploadedByName: string;
  uploadedAt: string;
  removedByName: string | null;
  removedAt: string | null;
}

/** A logo with its bytes, for the kop. */
export interface RegencyLogoFile extends RegencyLogoInfo {
  content: Buffer;
}

/** What is stored of a checked upload. */
export interface NewRegencyLogo {
  id: string;
  regencyId: string;
  mediaType: string;
  width: number;
  height: number;
  sha256: string;
  content: Uint8Array;
  by: { id: string; name: string };
  at: Date;
}

const LogoRowSchema = Type.Object({
  id: Type.String(),
  media_type: Type.String(),
  width: Type.Number(),
  height: Type.Number(),
  byte_size: Type.Number(),
  sha256: Type.String(),
  uploaded_by_name: Type.String(),
  uploaded_at: Timestamp,
  removed_by_name: Nullable(Type.String()),
  removed_at: Nullable(Timestamp),
  content: Type.Optional(Type.Uint8Array()),
});
type LogoRow = Static<typeof LogoRowSchema>;

// Compiled once, at module load.
const logoRows = rowDecoder('regency_logos', LogoRowSchema);

const INFO_COLUMNS = [
  'id',
  'media_type',
  'width',
  'height',
  'byte_size',
  'sha256',
  'uploaded_by_name',
  'uploaded_at',
  'removed_by_name',
  'removed_at',
];

function toInfo(row: LogoRow): RegencyLogoInfo {
  return {
    id: row.id,
    mediaType: row.media_type,
    width: row.width,
    height: row.height,
    byteSize: row.byte_size,
    sha256: row.sha256,
    uploadedByName: row.uploaded_by_name,
    uploadedAt: new Date(row.uploaded_at).toISOString(),
    removedByName: row.removed_by_name,
    removedAt: row.removed_at === null ? null : new Date(row.removed_at).toISOString(),
  };
}

function toFile(row: LogoRow): RegencyLogoFile {
  return { ...toInfo(row), content: Buffer.from(row.content ?? new Uint8Array()) };
}

/** Closes the regency's current logo (replaced or removed); answers whether there was one. */
export async function closeCurrentLogo(
  db: Knex,
  regencyId: string,
  by: { id: string; name: string },
  at: Date,
): Promise<boolean> {
  const closed = await db('regency_logos')
    .where({ regency_id: regencyId })
    .whereNull('removed_at')
    .update({ removed_by: by.id, removed_by_name: by.name, removed_at: at });
  return closed > 0;
}

/** Stores a new current logo (close the previous one first, in the same transaction). */
export async function insertLogo(db: Knex, logo: NewRegencyLogo): Promise<void> {
  await db('regency_logos').insert({
    id: logo.id,
    regency_id: logo.regencyId,
    media_type: logo.mediaType,
    width: logo.width,
    height: logo.height,
    byte_size: logo.content.length,
    sha256: logo.sha256,
    content: Buffer.from(logo.content),
    uploaded_by: logo.by.id,
    uploaded_by_name: logo.by.name,
    uploaded_at: logo.at,
  });
}

/** The regency's logo in use now, with its bytes (undefined when none is uploaded). */
export async function currentLogoFile(db: Knex, regencyId: string): Promise<RegencyLogoFile | undefined> {
  const row = logoRows.first(
    await db('regency_logos')
      .where({ regency_id: regencyId })
      .whereNull('removed_at')
      .first([...INFO_COLUMNS, 'content']),
  );
  return row ? toFile(row) : undefined;
}

/** Every upload of the regency, newest first, without bytes. */
export async function logoHistory(db: Knex, regencyId: string): Promise<RegencyLogoInfo[]> {
  const rows = logoRows.rows(
    await db('regency_logos').where({ regency_id: regencyId }).orderBy('uploaded_at', 'desc').select(INFO_COLUMNS),
  );
  return rows.map(toInfo);
}

/** One upload's bytes by id (replaced ones too: an issued letter's kop names the logo of its moment). */
export async function logoFileById(db: Knex, regencyId: string, id: string): Promise<RegencyLogoFile | undefined> {
  const row = logoRows.first(
    await db('regency_logos')
      .where({ regency_id: regencyId, id })
      .first([...INFO_COLUMNS, 'content']),
  );
  return row ? toFile(row) : undefined;
}
