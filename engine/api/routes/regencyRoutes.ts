import { AppError } from '../../app/appErrors.ts';
import { regencyContracts as c } from '../../contracts/regencyContracts.ts';
import { regionsOf } from '../../regions/regionData.ts';
import { getRegency } from '../../storage/definitionRepository.ts';
import { listRegencyNames } from '../../storage/regencyNames.ts';
import { implement, type RouteSpec } from '../routeSpec.ts';

/** Regencies: the public list, and the signed-in user's own regency in full. */
export const regencyRoutes: RouteSpec[] = [
  implement(c.list, {
    summary: 'Daftar kabupaten yang memakai Alur (nama saja)',
    tag: 'kabupaten',
    access: 'public',
    policy: { action: 'public' },
    responses: { 200: 'Daftar kabupaten' },
    handler: async ({ db }) => ({ body: { regencies: await listRegencyNames(db) } }),
  }),
  implement(c.current, {
    summary: 'Kabupaten pengguna: kantor, unit, peran, kalender',
    tag: 'kabupaten',
    access: 'user',
    policy: { action: 'regency.read' },
    responses: { 200: 'Konfigurasi kabupaten', 401: 'Belum masuk' },
    handler: async ({ db, user }) => {
      const regency = await getRegency(db, user.regencyId);
      if (!regency) throw new AppError('NOT_FOUND', 'Kabupaten tidak ditemukan.');
      return { body: { regency } };
    },
  }),
  implement(c.regions, {
    summary: 'Kecamatan dan desa/kelurahan kabupaten pengguna dengan kode Kemendagri (Kepmendagri 300.2.2-2138/2025)',
    tag: 'kabupaten',
    access: 'user',
    policy: { action: 'regency.read' },
    responses: { 200: 'Wilayah', 401: 'Belum masuk', 404: 'Data wilayah kabupaten ini belum tersedia' },
    handler: ({ user }) => {
      const regions = regionsOf(user.regencyId);
      if (!regions)
        throw new AppError(
          'NOT_FOUND',
          'Data kode wilayah kabupaten ini belum tersedia di Alur (engine/regions/data).',
        );
      return Promise.resolve({ body: regions });
    },
  }),
];
