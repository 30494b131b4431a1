import { AppError } from '../../app/appErrors.ts';
import { serviceCatalogue } from '../../app/catalogue/serviceCatalogue.ts';
import { caseContracts as cases } from '../../contracts/caseContracts.ts';
import { catalogueContracts as catalogue } from '../../contracts/catalogueContracts.ts';
import { loadCase } from '../../storage/caseRepository.ts';
import { getVersionById } from '../../storage/definitionRepository.ts';
import { implement, type RouteSpec } from '../routeSpec.ts';

/** The service catalogue and the definition a case runs on. */
export const catalogueRoutes: RouteSpec[] = [
  implement(catalogue.catalogue, {
    summary:
      'Layanan terbit kabupaten saya yang boleh saya mulai (peran langkah pertama, termasuk pelimpahan), per unit, dengan ringkasan Standar Pelayanan; scope=all: semua layanan terbit (untuk saringan kotak masuk dan dasbor)',
    tag: 'katalog',
    access: 'user',
    policy: { action: 'catalogue.read' },
    responses: { 200: 'Katalog', 400: 'scope tidak dikenal', 401: 'Belum masuk' },
    handler: async ({ db, user, query }) => {
      if (query.scope !== undefined && query.scope !== 'all')
        throw new AppError('VALIDATION_FAILED', 'Parameter scope hanya boleh "all" atau tidak diisi.', '/query/scope');
      return { body: await serviceCatalogue(db, user, query.scope === 'all') };
    },
  }),
  implement(cases.definition, {
    summary: 'Definisi (versi) yang dijalankan kasus ini: formulir, langkah, pelaksana',
    tag: 'kasus',
    access: 'user',
    policy: { action: 'case.read' },
    responses: { 200: 'Definisi', 401: 'Belum masuk', 404: 'Tidak ada' },
    handler: async ({ db, sql, user, params }) => {
      const stored = await loadCase(db, user.regencyId, params.caseId);
      if (!stored) throw new AppError('NOT_FOUND', 'Kasus tidak ditemukan.');
      const version = await getVersionById(sql, user.regencyId, stored.versionId);
      if (!version) throw new AppError('NOT_FOUND', 'Versi tidak ditemukan.');
      return { body: { version: version.version, definition: version.definition } };
    },
  }),
];
