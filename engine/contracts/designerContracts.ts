import { Type } from '@sinclair/typebox';
import type { MigrationPlan } from '../app/designer/caseMigration.ts';
import type { DesignerSopRow } from '../app/designer/designerList.ts';
import type { WaitingSop } from '../app/designer/fourEyes.ts';
import type { SopHistory } from '../app/designer/history.ts';
import type { ImportFileReport, ImportReport } from '../app/designer/packImport.ts';
import type { SimulationResult } from '../app/designer/simulateWalk.ts';
import type { WorkingCopy } from '../app/designer/workingCopy.ts';
import { contract, fileReply } from './contract.ts';
import {
  DefinitionErrorSchema,
  DiffQuery,
  DiffReply,
  DraftSaveBody,
  draftSaveReplies,
  DraftSource,
  ReviewNote,
  RevisionNumber,
  workingCopyFields,
} from './draftContractParts.ts';
import { engineShape } from './engineShape.ts';
import { engineShaped, nullable } from './engineShaped.ts';

const SopId = Type.String({ pattern: '^[a-z0-9][a-z0-9-]{0,79}$' });
/** Published version numbers are PostgreSQL integers: a larger number can name no version. */
const VersionNumber = Type.Integer({ minimum: 1, maximum: 2_147_483_647 });
const Signer = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 200 }),
    nip: Type.Optional(Type.String({ maxLength: 30 })),
    title: Type.String({ minLength: 1, maxLength: 200 }),
  },
  { additionalProperties: false },
);
const Published = Type.Object({ version: Type.Integer(), created: Type.Boolean() });
const SavedSops = Type.Array(Type.Object({ sopId: Type.String(), revision: Type.Integer() }));
/** What importing one file would do, and its errors (the app's ImportFileReport). */
const ImportFileSchema = engineShaped<ImportFileReport>(
  Type.Object({
    file: Type.String(),
    sopId: nullable(Type.String()),
    name: nullable(Type.String()),
    action: Type.Union([Type.Literal('new'), Type.Literal('update'), Type.Literal('settings'), Type.Literal('skip')]),
    baseRevision: Type.Integer(),
    errors: Type.Array(DefinitionErrorSchema),
    note: nullable(Type.String()),
  }),
);
/** The report of a pack check, shown before anything is saved (the app's ImportReport). */
const Report = engineShaped<ImportReport>(
  Type.Object({ valid: Type.Boolean(), savableAsDrafts: Type.Boolean(), files: Type.Array(ImportFileSchema) }),
);
/** The newest text of an SOP and where it stands (the app's WorkingCopy). */
const WorkingCopySchema = engineShaped<WorkingCopy>(Type.Object({ sopId: Type.String(), ...workingCopyFields }));
const StepRef = nullable(Type.Object({ id: Type.String(), activity: Type.String() }));
/** Whether and where one running case can move to the new version (the app's MigrationPlan). */
const MigrationPlanSchema = engineShaped<MigrationPlan>(
  Type.Object({
    caseId: Type.String(),
    trackingCode: Type.String(),
    fromVersion: Type.Integer(),
    openedAt: Type.String(),
    currentStep: StepRef,
    landsOn: StepRef,
    blocker: nullable(Type.String()),
    missingData: Type.Array(Type.Object({ field: Type.String(), title: Type.String() })),
  }),
);
/** The simulated walk (the app's SimulationResult), outlined by what the simulation panel shows. */
const SimulationResultSchema = engineShaped<SimulationResult>(
  Type.Object({
    visits: Type.Array(
      Type.Object({
        stepId: Type.String(),
        activity: Type.String(),
        actors: Type.Array(Type.String()),
        enteredAt: Type.String(),
        dueAt: nullable(Type.String()),
        decision: nullable(
          Type.Object({
            question: nullable(Type.String()),
            chosen: Type.String(),
            mode: Type.Union([Type.Literal('rule'), Type.Literal('human')]),
            branches: Type.Array(
              Type.Object({ label: Type.String(), passed: Type.Boolean(), explanations: Type.Array(Type.String()) }),
            ),
          }),
        ),
      }),
    ),
    caseDueAt: nullable(Type.String()),
    finishedAt: nullable(Type.String()),
    outcome: nullable(Type.String()),
    eligibility: nullable(Type.Object({ passed: Type.Boolean(), criteria: Type.Array(Type.Unknown()) })),
    error: nullable(Type.String()),
  }),
);

/** The SOP designer: list, create, save drafts, history and diff. */
export const designerSopContracts = {
  list: contract({
    method: 'get',
    path: '/api/designer/sops',
    reply: { 200: Type.Object({ sops: Type.Array(engineShape<DesignerSopRow>('Satu SOP di daftar perancang')) }) },
  }),
  library: contract({
    method: 'get',
    path: '/api/designer/library',
    reply: {
      200: Type.Object({
        regencies: Type.Array(
          Type.Object({
            regencyId: Type.String(),
            regencyName: Type.String(),
            sops: Type.Array(Type.Object({ sopId: Type.String(), name: Type.String(), version: Type.Integer() })),
          }),
        ),
      }),
    },
  }),
  create: contract({
    method: 'post',
    path: '/api/designer/sops',
    body: Type.Object(
      {
        sopId: SopId,
        name: Type.String({ minLength: 1, maxLength: 300 }),
        from: Type.Union([
          Type.Object({ template: Type.Literal(true), unit: Type.Optional(SopId) }, { additionalProperties: false }),
          Type.Object(
            {
              copy: Type.Object({ regencyId: SopId, sopId: SopId }, { additionalProperties: false }),
            },
            { additionalProperties: false },
          ),
        ]),
      },
      { additionalProperties: false },
    ),
    reply: { 201: draftSaveReplies[201] },
  }),
  workingCopy: contract({
    method: 'get',
    path: '/api/designer/sops/{sopId}',
    reply: { 200: WorkingCopySchema },
  }),
  saveDraft: contract({
    method: 'post',
    path: '/api/designer/sops/{sopId}/drafts',
    body: DraftSaveBody,
    reply: draftSaveReplies,
  }),
  history: contract({
    method: 'get',
    path: '/api/designer/sops/{sopId}/history',
    reply: { 200: engineShape<SopHistory>('Versi terbit, revisi draf dan langkah pengesahan') },
  }),
  diff: contract({
    method: 'get',
    path: '/api/designer/sops/{sopId}/diff',
    query: DiffQuery,
    reply: { 200: DiffReply },
  }),
};

/** Review and publication: submit, return, the approver's list, publish, revert. */
export const designerReviewContracts = {
  submit: contract({
    method: 'post',
    path: '/api/designer/sops/{sopId}/submit',
    body: Type.Object({ revision: RevisionNumber, note: Type.Optional(ReviewNote) }, { additionalProperties: false }),
    reply: { 200: Type.Object({ submitted: Type.Integer() }) },
  }),
  return: contract({
    method: 'post',
    path: '/api/designer/sops/{sopId}/return',
    body: Type.Object(
      { revision: RevisionNumber, note: Type.String({ minLength: 1, maxLength: 2000 }) },
      { additionalProperties: false },
    ),
    reply: { 200: Type.Object({ returned: Type.Integer() }) },
  }),
  waiting: contract({
    method: 'get',
    path: '/api/designer/waiting',
    reply: { 200: Type.Object({ sops: Type.Array(engineShape<WaitingSop>('SOP yang menunggu pengesahan')) }) },
  }),
  publishForm: contract({
    method: 'get',
    path: '/api/designer/sops/{sopId}/publish-form',
    reply: {
      200: Type.Object({
        number: Type.String(),
        effectiveDate: Type.String(),
        signer: Type.Object({ name: Type.String(), nip: Type.Optional(Type.String()), title: Type.String() }),
      }),
    },
  }),
  publish: contract({
    method: 'post',
    path: '/api/designer/sops/{sopId}/publish',
    body: Type.Object(
      {
        revision: RevisionNumber,
        number: Type.String({ minLength: 1, maxLength: 200 }),
        effectiveDate: Type.String({ format: 'date' }),
        signer: Signer,
      },
      { additionalProperties: false },
    ),
    reply: { 201: Published, 200: Published },
  }),
  revert: contract({
    method: 'post',
    path: '/api/designer/sops/{sopId}/revert',
    body: Type.Object({ version: VersionNumber, baseRevision: RevisionNumber }, { additionalProperties: false }),
    reply: draftSaveReplies,
  }),
};

/** Moving running cases to a new version, and simulating a draft. */
export const designerMigrationContracts = {
  plan: contract({
    method: 'get',
    path: '/api/designer/sops/{sopId}/migration',
    query: Type.Object({ to: Type.Optional(Type.String({ description: 'Versi tujuan (bawaan: terbaru)' })) }),
    reply: {
      200: Type.Object({
        toVersion: Type.Integer(),
        cases: Type.Array(MigrationPlanSchema),
      }),
    },
  }),
  confirm: contract({
    method: 'post',
    path: '/api/designer/sops/{sopId}/migration',
    body: Type.Object(
      {
        toVersion: VersionNumber,
        caseIds: Type.Array(Type.String({ minLength: 1, maxLength: 80 }), { minItems: 1, maxItems: 500 }),
        note: Type.Optional(ReviewNote),
      },
      { additionalProperties: false },
    ),
    reply: {
      200: Type.Object({
        moved: Type.Array(
          Type.Object({ caseId: Type.String(), fromVersion: Type.Integer(), toVersion: Type.Integer() }),
        ),
      }),
    },
  }),
  simulate: contract({
    method: 'post',
    path: '/api/designer/simulate',
    body: Type.Object(
      {
        source: DraftSource,
        caseData: Type.Record(Type.String(), Type.Unknown()),
        scenario: Type.Optional(
          Type.Object({
            name: Type.String(),
            ending: Type.String(),
            visits: Type.Array(Type.Object({ stepId: Type.String(), branch: Type.Optional(Type.String()) }), {
              maxItems: 500,
            }),
          }),
        ),
        start: Type.Optional(Type.String({ format: 'date-time' })),
      },
      { additionalProperties: false },
    ),
    reply: { 200: SimulationResultSchema },
  }),
};

/** Packs: check, import (all or nothing) and export of a regency's YAML files as a zip. */
export const designerPackContracts = {
  check: contract({ method: 'post', path: '/api/designer/import/check', reply: { 200: Report } }),
  import: contract({
    method: 'post',
    path: '/api/designer/import',
    query: Type.Object({
      bases: Type.Optional(Type.String({ description: 'sop:revisi,… dari laporan pemeriksaan' })),
      keepInvalid: Type.Optional(Type.String({ description: '1: simpan juga berkas yang masih salah sebagai draf' })),
    }),
    reply: {
      201: Type.Object({ report: Report, saved: SavedSops }),
      422: Type.Object({
        error: Type.Object({
          code: Type.Literal('UNPROCESSABLE'),
          reason: Type.Literal('PACK_INVALID'),
          message: Type.String(),
        }),
        report: Report,
      }),
    },
  }),
  export: contract({ method: 'get', path: '/api/designer/export', reply: { 200: fileReply('application/zip') } }),
};
