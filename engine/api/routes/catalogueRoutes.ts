import { AppError } from '../../app/appErrors.ts';
import { needsSourceNotice } from '../../definition/sourceNotice.ts';
import type { SopDefinition } from '../../definition/sopTypes.ts';
import { activeDelegations } from '../../app/resolveActor.ts';
import { loadCase } from '../../storage/caseRepository.ts';
import { getRegency, getVersionById } from '../../storage/definitionRepository.ts';
import { route, type RouteSpec } from '../routeSpec.ts';

/** The service catalogue and the definition a case runs on. */
export const catalogueRoutes: RouteSpec[] = [
  route({
    method: 'get',
    path: '/api/catalogue',
    summary:
      'Layanan terbit kabupaten saya yang boleh saya mulai (peran langkah pertama, termasuk pelimpahan), per unit, dengan ringkasan Standar Pelayanan; scope=all: semua layanan terbit (untuk saringan kotak masuk dan dasbor)',
    tag: 'katalog',
    access: 'user',
    policy: { action: 'catalogue.read' },
    responses: { 200: 'Katalog', 400: 'scope tidak dikenal', 401: 'Belum masuk' },
    handler: async ({ db, user, query }) => {
      if (query.scope !== undefined && query.scope !== 'all')
        throw new AppError('VALIDATION_FAILED', 'Parameter scope hanya boleh "all" atau tidak diisi.', '/query/scope');
      const regency = await getRegency(db, user!.regencyId);
      const rows = (await db('definitions as d')
        .join(
          'definition_versions as v',
          (j) =>
            void j
              .on('v.regency_id', 'd.regency_id')
              .andOn('v.sop_id', 'd.sop_id')
              .andOn('v.version', 'd.latest_version'),
        )
        .where('d.regency_id', user!.regencyId)
        .andWhere('d.status', 'published')
        .orderBy('d.name')
        .select('d.sop_id', 'v.version', 'v.definition')) as Array<{
        sop_id: string;
        version: number;
        definition: SopDefinition;
      }>;
      // Only what one may start: the first step's role among the user's own or delegated roles (the
      // same rule openCase enforces), so nobody fills a whole form to be refused at the end.
      const delegated = await activeDelegations(db, user!, new Date());
      const myRoles = new Set([...user!.roles, ...delegated.flatMap((d) => d.roles)]);
      const allServices = rows.map(({ sop_id, version, definition }) => {
        const first = definition.steps[0];
        const starter = first ? (definition.actors.find((a) => a.id === first.actors[0])?.performerRole ?? null) : null;
        return {
          sopId: sop_id,
          version,
          name: definition.name,
          number: definition.number ?? null,
          kind: definition.kind ?? 'sop',
          unit: definition.unit ?? null,
          requirements: definition.serviceStandard?.requirements ?? definition.supportingDocuments ?? [],
          duration: definition.serviceStandard?.duration ?? null,
          fee: definition.serviceStandard?.fee ?? null,
          products:
            definition.serviceStandard?.products ??
            [...new Set(definition.steps.flatMap((s) => s.outputs.map((o) => o.name)))].slice(-3),
          starterRole: starter,
          sourceNotice: needsSourceNotice(definition),
        };
      });
      // Filters (inbox, dashboard) list every published service; the catalogue only those one may start.
      const services =
        query.scope === 'all'
          ? allServices
          : allServices.filter((s) => s.starterRole !== null && myRoles.has(s.starterRole));
      const units = (regency?.units ?? [])
        .map((u) => ({ id: u.id, name: u.name, services: services.filter((s) => s.unit === u.id) }))
        .filter((u) => u.services.length > 0);
      const other = services.filter((s) => !units.some((u) => u.id === s.unit));
      if (other.length > 0) units.push({ id: 'lainnya', name: 'Lainnya', services: other });
      return { body: { units } };
    },
  }),
  route({
    method: 'get',
    path: '/api/cases/{caseId}/definition',
    summary: 'Definisi (versi) yang dijalankan kasus ini: formulir, langkah, pelaksana',
    tag: 'kasus',
    access: 'user',
    policy: { action: 'case.read' },
    responses: { 200: 'Definisi', 401: 'Belum masuk', 404: 'Tidak ada' },
    handler: async ({ db, user, params }) => {
      const stored = await loadCase(db, user!.regencyId, params.caseId!);
      if (!stored) throw new AppError('NOT_FOUND', 'Kasus tidak ditemukan.');
      const version = await getVersionById(db, user!.regencyId, stored.versionId);
      if (!version) throw new AppError('NOT_FOUND', 'Versi tidak ditemukan.');
      return { body: { version: version.version, definition: version.definition } };
    },
  }),
];
