import { AppError } from '../../app/appErrors.ts';
import { worksOnCase } from '../../app/caseData/caseOverview.ts';
import { maskedData } from '../../app/caseData/identityFields.ts';
import { maskNik, searchCases, type CaseSearch } from '../../app/caseQueries.ts';
import { openCase, runCaseCommand, type CaseCommandOutcome } from '../../app/caseService.ts';
import { caseForReader } from '../../app/caseData/caseForReader.ts';
import { eventsInView } from '../../app/caseData/eventsInView.ts';
import { hiddenTaskIds } from '../../app/caseData/stateInView.ts';
import type { AccessProfile } from '../../app/permissions/accessProfile.ts';
import type { Action } from '../../app/permissions/actions.ts';
import { assertMayOpenCase } from '../../app/permissions/openScope.ts';
import { loadEvents } from '../../storage/caseRepository.ts';
import type { Static } from '@sinclair/typebox';
import { caseContracts as c, type CaseReplySchema } from '../../contracts/caseContracts.ts';
import { implement, type RouteSpec } from '../routeSpec.ts';
import { caseHead } from './caseProgress.ts';
import { loadCaseWithSop } from '../../app/caseWithSop.ts';

/** The JSON a case command or read returns. */
export function caseBody(
  outcome: Pick<CaseCommandOutcome, 'caseId' | 'trackingCode' | 'state'>,
): Static<typeof CaseReplySchema> {
  const s = outcome.state;
  return {
    ...caseHead(outcome),
    openedAt: s.openedAt,
    paused: s.paused ?? null,
    data: s.data,
    eligibility: s.eligibility ?? null,
    tasks: s.tasks,
    blocks: s.blocks ?? [],
  };
}

/**
 * A command's reply as the acting user may read it: of a per-person list, only their own persons unless
 * they hold the whole case (engine/app/caseData/personView.ts); the access record says whose data it carried.
 */
export function commandReply(
  outcome: CaseCommandOutcome,
  access: AccessProfile,
): { body: Static<typeof CaseReplySchema>; accessDetail?: Record<string, unknown> } {
  const shown = caseForReader({ state: outcome.state, definition: outcome.definition, access });
  return {
    body: caseBody({ ...outcome, state: shown.state }),
    ...(shown.accessDetail ? { accessDetail: shown.accessDetail } : {}),
  };
}

function endRoute(action: 'cancel' | 'reject' | 'close', summary: string, permission: Action): RouteSpec {
  return implement(c[action], {
    summary,
    tag: 'kasus',
    access: 'user',
    // The reply is the whole case (with NIK and KK): it is recorded like reading the case.
    policy: { action: permission, log: 'view' },
    responses: {
      200: 'Kasus diakhiri',
      400: 'Alasan wajib',
      401: 'Belum masuk',
      403: 'Tidak berwenang',
      404: 'Tidak ada',
      409: 'Sudah berakhir atau diubah orang lain',
    },
    handler: async ({ db, user, access, params, body }) =>
      commandReply(await runCaseCommand(db, user, params.caseId, { type: action, reason: body.reason }), access),
  });
}

/** Cases: open, search, read, timeline, and ending them by hand. */
export const caseRoutes: RouteSpec[] = [
  implement(c.open, {
    idempotent: true,
    summary: 'Membuka kasus baru dari versi terbit terakhir SOP',
    tag: 'kasus',
    access: 'user',
    policy: { action: 'case.open', log: 'view' },
    responses: {
      201: 'Kasus dibuka',
      400: 'Data kasus tidak sah (per isian)',
      401: 'Belum masuk',
      403: 'Tidak berwenang',
      404: 'SOP tidak ada',
    },
    handler: async ({ db, user, access, body }) => {
      await assertMayOpenCase(db, access, body.sopId);
      const opened = await openCase(db, user, body.sopId, body.data);
      return { status: 201, body: caseBody(opened), accessCaseId: opened.caseId };
    },
  }),
  implement(c.search, {
    summary: 'Register kasus: cari menurut kode lacak, NIK, nama, SOP, status, rentang tanggal',
    tag: 'kasus',
    access: 'user',
    policy: { action: 'case.search', log: 'search' },
    responses: { 200: 'Hasil pencarian (NIK disamarkan)', 401: 'Belum masuk' },
    handler: async ({ read, access, query }) => {
      const search: CaseSearch = {};
      for (const key of ['q', 'sopId', 'status', 'from', 'to'] as const) if (query[key]) search[key] = query[key];
      if (query.page) search.page = Number(query.page) || 1;
      if (query.pageSize) search.pageSize = Number(query.pageSize) || 50;
      if (search.from && Number.isNaN(Date.parse(search.from)))
        throw new AppError('VALIDATION_FAILED', 'Tanggal awal tidak sah (TTTT-BB-HH).', '/from');
      if (search.to && Number.isNaN(Date.parse(search.to)))
        throw new AppError('VALIDATION_FAILED', 'Tanggal akhir tidak sah (TTTT-BB-HH).', '/to');
      // The register only reads: from a standby when there is one; the access row goes to the primary.
      const found = await read((db) => searchCases(db, access, search));
      // The access log keeps what was looked for (NIK masked like in the list) and how many cases were shown.
      const detail = {
        ...search,
        ...(search.q ? { q: search.q.replace(/\d{8,}/g, (m) => maskNik(m) ?? '') } : {}),
        shown: found.items.length,
      };
      return { body: found, accessDetail: detail };
    },
  }),
  implement(c.read, {
    summary:
      'Satu kasus: status, data, tugas, kelayakan (NIK/KK disamarkan kecuali bagi yang sedang mengerjakan kasus)',
    tag: 'kasus',
    access: 'user',
    policy: { action: 'case.read', log: 'view' },
    responses: { 200: 'Kasus', 401: 'Belum masuk', 404: 'Tidak ada' },
    handler: async ({ db, sql, user, access, params, query }) => {
      const { stored, exe } = await loadCaseWithSop(db, sql, user.regencyId, params.caseId);
      // Of a per-person list only the persons this reader holds (or the opened task's person) leave the server.
      const shown = caseForReader({
        state: stored.state,
        definition: exe.definition,
        access,
        taskId: query.taskId,
      });
      // Readers who do not work on the case get NIK and KK masked here too (the sections API reveals on request).
      const state = worksOnCase(stored.state, access)
        ? shown.state
        : { ...shown.state, data: maskedData(shown.state.data) };
      return {
        body: caseBody({ caseId: stored.id, trackingCode: stored.trackingCode, state }),
        ...(shown.accessDetail ? { accessDetail: shown.accessDetail } : {}),
      };
    },
  }),
  implement(c.timeline, {
    summary: 'Semua peristiwa kasus: siapa, atas nama siapa, apa, kapan',
    tag: 'kasus',
    access: 'user',
    policy: { action: 'case.read', log: 'timeline' },
    responses: { 200: 'Linimasa', 401: 'Belum masuk', 404: 'Tidak ada' },
    handler: async ({ db, sql, user, access, params }) => {
      const { stored, exe } = await loadCaseWithSop(db, sql, user.regencyId, params.caseId);
      // The events of persons this reader does not hold keep only where the work stood, not their answers.
      const shown = caseForReader({ state: stored.state, definition: exe.definition, access });
      const events = eventsInView(
        await loadEvents(db, user.regencyId, stored.id),
        hiddenTaskIds(stored.state, shown.view),
      );
      return { body: { events }, ...(shown.accessDetail ? { accessDetail: shown.accessDetail } : {}) };
    },
  }),
  endRoute('cancel', 'Membatalkan kasus (permohonan ditarik) dengan alasan', 'case.cancel'),
  endRoute('reject', 'Menolak kasus dengan alasan', 'case.decide'),
  endRoute('close', 'Menutup kasus secara administratif dengan alasan', 'case.decide'),
];
