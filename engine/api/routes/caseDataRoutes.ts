import { AppError } from '../../app/appErrors.ts';
import { caseOverview, worksOnCase } from '../../app/caseData/caseOverview.ts';
import { caseForReader } from '../../app/caseData/caseForReader.ts';
import { isIdentityField } from '../../app/caseData/identityFields.ts';
import { hidesPerson } from '../../app/caseData/personView.ts';
import { denied } from '../../app/permissions/authorize.ts';
import { regionsOf } from '../../regions/regionData.ts';
import { getRegency } from '../../storage/definitionRepository.ts';
import { caseContracts as c } from '../../contracts/caseContracts.ts';
import { implement, type RouteSpec } from '../routeSpec.ts';
import { loadCaseWithSop } from '../../app/caseWithSop.ts';

/** The case's data as staff read it (sections of its forms, masked per permission) and the reveal of a masked number. */
export const caseDataRoutes: RouteSpec[] = [
  implement(c.sections, {
    summary:
      'Data kasus per bagian formulir (pemohon, alamat, jawaban tiap langkah dan siapa yang mengisi), kelayakan, dokumen, permohonan ganda; NIK/KK disamarkan kecuali bagi yang sedang mengerjakan kasus',
    tag: 'kasus',
    access: 'user',
    policy: { action: 'case.read', log: 'view' },
    responses: { 200: 'Bagian data kasus', 401: 'Belum masuk', 404: 'Tidak ada' },
    handler: async ({ db, sql, user, access, params, query }) => {
      const { stored, exe } = await loadCaseWithSop(db, sql, user.regencyId, params.caseId);
      // Of a per-person list only the persons this reader holds (or the opened task's person) are built at all.
      const shown = caseForReader({
        state: stored.state,
        definition: exe.definition,
        access,
        taskId: query.taskId,
      });
      const overview = await caseOverview(db, {
        caseId: stored.id,
        regencyId: stored.regencyId,
        definition: exe.definition,
        regency: await getRegency(db, user.regencyId),
        regions: regionsOf(user.regencyId),
        state: shown.state,
        access: access,
      });
      return {
        body: overview,
        accessDetail: { sections: overview.sections.length, unmasked: overview.revealed, ...shown.accessDetail },
      };
    },
  }),
  implement(c.reveal, {
    summary: 'Menampilkan NIK/KK yang disamarkan; setiap tampilan dicatat di log akses',
    tag: 'kasus',
    access: 'user',
    policy: { action: 'case.read', log: 'reveal' },
    responses: { 200: 'Nilai lengkap', 400: 'Bukan isian NIK/KK', 401: 'Belum masuk', 404: 'Tidak ada' },
    handler: async ({ db, sql, user, access, params, body }) => {
      // `nik`, or one member's number inside a list: `householdMembers/2/nik`.
      const path = /^([A-Za-z][A-Za-z0-9_]*)(?:\/(\d{1,4})\/([A-Za-z][A-Za-z0-9_]*))?$/.exec(body.field);
      const leaf = path?.[3] ?? path?.[1];
      if (!path || !leaf || !isIdentityField(leaf))
        throw new AppError(
          'VALIDATION_FAILED',
          'Hanya NIK atau nomor KK yang dapat ditampilkan di sini (mis. "nik" atau "anggota/0/nik").',
          '/field',
        );
      const { stored, exe } = await loadCaseWithSop(db, sql, user.regencyId, params.caseId);
      // One person's number of a per-person list (or their task's answer) only for a reader who gets that person.
      const { view } = caseForReader({ state: stored.state, definition: exe.definition, access });
      const sourceTask = body.taskId !== undefined ? stored.state.tasks.find((t) => t.id === body.taskId) : undefined;
      const listItem = path[2] !== undefined ? { list: path[1]!, index: Number(path[2]) } : undefined;
      const person = listItem && view.lists.includes(listItem.list) ? listItem : sourceTask?.item;
      if (hidesPerson(view, listItem) || hidesPerson(view, sourceTask?.item))
        throw denied(
          'OUT_OF_SCOPE',
          'Data penerima ini bukan bagian tugas Anda. Nomor hanya dapat ditampilkan untuk penerima yang ditugaskan kepada Anda.',
        );
      const source = body.taskId !== undefined ? sourceTask?.formData : stored.state.data;
      const top = source?.[path[1]!];
      const item = path[2] !== undefined && Array.isArray(top) ? (top[Number(path[2])] as unknown) : undefined;
      const value =
        path[2] === undefined
          ? top
          : item !== null && typeof item === 'object'
            ? (item as Record<string, unknown>)[path[3]!]
            : undefined;
      if (typeof value !== 'string') throw new AppError('NOT_FOUND', 'Isian ini tidak ada pada kasus.', '/field');
      return {
        body: { field: body.field, value },
        accessDetail: {
          field: body.field,
          ...(body.taskId ? { taskId: body.taskId } : {}),
          ...(person ? { person: { list: person.list, index: person.index } } : {}),
          worksOnCase: worksOnCase(stored.state, access),
        },
      };
    },
  }),
];
