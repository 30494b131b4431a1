import type { Knex } from 'knex';
import { kabupatenByCode } from '../../regions/kabupatenList.ts';
import { upsertRegency } from '../../storage/definitionRepository.ts';
import { regencyRegions } from '../../storage/regencies/regencyRegions.ts';
import { regencyNameOf } from '../../storage/regencyNames.ts';
import type { AccountActor } from '../accounts/accountEvents.ts';
import { createAccount, type IssuedCredential } from '../accounts/accountService.ts';
import type { AccountSummary } from '../accounts/accountRows.ts';
import { AppError } from '../appErrors.ts';
import { contentHash } from '../canonicalJson.ts';
import { definitionInvalid } from '../designer/validateDraft.ts';
import { checkRegencyText } from './applyRegencySettings.ts';
import { regencyTemplate, TIME_ZONES, type Letterhead, type ZoneName } from './regencyTemplate.ts';

/** What the new-regency wizard sends. */
export interface NewRegencyInput {
  id: string;
  name: string;
  regionCode: string;
  timezone: ZoneName;
  office: Letterhead;
  admin: { username: string; name: string; credential: 'activation' | 'temporary'; email?: string };
}

/** The created regency and its first admin's one-time credential. */
export interface CreatedRegency {
  regencyId: string;
  name: string;
  admin: { account: AccountSummary; issued: IssuedCredential };
}

const ID = /^[a-z0-9][a-z0-9-]{1,79}$/;
const CODE = /^[0-9]{2}\.[0-9]{2}$/;
const folded = (s: string): string => s.trim().replace(/\s+/g, ' ').toLowerCase();

function refuse(path: string, message: string): AppError {
  return new AppError('VALIDATION_FAILED', message, path);
}

/** The wizard's answers checked one by one, each refusal naming its field in Indonesian. */
async function checkInput(db: Knex, input: NewRegencyInput): Promise<void> {
  if (!ID.test(input.id))
    throw refuse(
      '/id',
      `Pengenal "${input.id}" tidak dapat dipakai: gunakan huruf kecil, angka dan tanda hubung, diawali huruf atau angka (mis. paser).`,
    );
  if (!CODE.test(input.regionCode))
    throw refuse(
      '/regionCode',
      `Kode wilayah "${input.regionCode}" tidak sah: tulis dua angka, titik, dua angka (mis. 64.01).`,
    );
  const kabupaten = kabupatenByCode(input.regionCode);
  if (!kabupaten)
    throw refuse(
      '/regionCode',
      `Kode wilayah ${input.regionCode} tidak ada dalam daftar kabupaten/kota Kemendagri (Kepmendagri 300.2.2-2138 Tahun 2025).`,
    );
  if (folded(input.name) !== folded(kabupaten.name))
    throw refuse(
      '/name',
      `Kode wilayah ${kabupaten.code} adalah ${kabupaten.name} (${kabupaten.province}), bukan "${input.name}". Periksa nama atau kodenya.`,
    );
  if (!(input.timezone in TIME_ZONES)) throw refuse('/timezone', 'Pilih zona waktu WIB, WITA atau WIT.');
  if (await regencyNameOf(db, input.id))
    throw new AppError('CONFLICT', `Kabupaten dengan pengenal "${input.id}" sudah terdaftar.`, '/id');
  const same = (await regencyRegions(db)).find(
    (r) => r.regionCode === kabupaten.code || folded(r.name) === folded(kabupaten.name),
  );
  if (same)
    throw new AppError('CONFLICT', `${kabupaten.name} sudah terdaftar di Alur (pengenal "${same.id}").`, '/regionCode');
}

/**
 * Creates a regency from the wizard, in force at once and without any file: its regency.yaml is
 * generated from the answers and checked like any other, the app owns it from then on (edited in the
 * designer), and its first admin gets a one-time activation link or temporary password.
 */
export async function createRegency(db: Knex, input: NewRegencyInput, actor: AccountActor): Promise<CreatedRegency> {
  await checkInput(db, input);
  const source = regencyTemplate(input.id, kabupatenByCode(input.regionCode)!, input.timezone, input.office);
  const load = checkRegencyText(source, input.id);
  if (!load.regency) throw definitionInvalid(load.errors, 'Kop dan data kantor');
  await upsertRegency(db, load.regency, contentHash(load.regency), source, true);
  const admin = await createAccount(
    db,
    {
      regencyId: input.id,
      username: input.admin.username,
      name: input.admin.name,
      roles: ['admin'],
      ...(input.admin.email !== undefined ? { email: input.admin.email } : {}),
      credential: { kind: input.admin.credential },
    },
    actor,
  );
  return { regencyId: input.id, name: load.regency.name, admin };
}
