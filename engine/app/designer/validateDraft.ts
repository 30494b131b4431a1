import type { Knex } from 'knex';
import type { DefinitionError } from '../../definition/definitionError.ts';
import { loadSopSource, type SopLoad } from '../../definition/loadDefinitionSource.ts';
import type { RawRegency } from '../../definition/sopTypes.ts';
import { getRegency } from '../../storage/definitionRepository.ts';
import { AppError } from '../appErrors.ts';

/** The regency of the signed-in user, as stored. */
export async function currentRegency(db: Knex, regencyId: string): Promise<RawRegency> {
  const regency = await getRegency(db, regencyId);
  if (!regency) throw new AppError('NOT_FOUND', 'Kabupaten tidak ditemukan.');
  return regency;
}

/** Checks a draft exactly as the CLI and the browser editor do, against the stored regency. */
export function validateSource(regency: RawRegency, source: string, fileName: string): SopLoad {
  return loadSopSource(new TextEncoder().encode(source), fileName, { regency, folderName: regency.id });
}

/** The refusal for a definition that still has errors: 422 with every error as `line:column message`. */
export function definitionInvalid(errors: DefinitionError[], what = 'Definisi'): AppError {
  return new AppError(
    'UNPROCESSABLE',
    `${what} masih berisi kesalahan; perbaiki dahulu.`,
    '/source',
    errors.map((e) => ({ path: e.path, message: `${e.line}:${e.column} ${e.message}` })),
  );
}
