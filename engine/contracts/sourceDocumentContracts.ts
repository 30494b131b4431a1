import { Type } from '@sinclair/typebox';
import { contract, fileReply } from './contract.ts';

const SopId = Type.String({ pattern: '^[a-z0-9][a-z0-9-]{0,79}$' });

const CreatedDraftSchema = Type.Object({
  sopId: Type.String(),
  name: Type.String(),
  revision: Type.Integer(),
  errorCount: Type.Integer({ minimum: 0 }),
  toReview: Type.Integer({ minimum: 0 }),
  warnings: Type.Array(Type.String()),
});

const ClashSchema = Type.Object({
  sopId: Type.String(),
  name: Type.String(),
  existing: Type.Union([Type.Literal('draft'), Type.Literal('published')]),
  suggestedId: Type.String(),
  warnings: Type.Array(Type.String()),
});

/** What an import did: the stored document, the drafts made, and the ones waiting for the drafter's choice. */
export const DocumentImportSchema = Type.Object({
  documentId: Type.String(),
  fileName: Type.String(),
  format: Type.String(),
  pages: Type.Integer({ minimum: 0 }),
  created: Type.Array(CreatedDraftSchema),
  clashes: Type.Array(ClashSchema),
});

const CellSchema = Type.Object({
  text: Type.String(),
  x: Type.Optional(Type.Number()),
  right: Type.Optional(Type.Number()),
  confidence: Type.Optional(Type.Number()),
});

/** The text of a source document as read (engine/importer/documentText.ts). */
export const DocumentTextSchema = Type.Object({
  fileName: Type.String(),
  format: Type.String(),
  pages: Type.Array(
    Type.Object({
      page: Type.Integer(),
      lines: Type.Array(
        Type.Object({ line: Type.Integer(), cells: Type.Array(CellSchema), tableRow: Type.Optional(Type.Boolean()) }),
      ),
    }),
  ),
});

const DesignerEventSchema = Type.Object({
  sopId: Type.String(),
  revision: Type.Integer(),
  type: Type.String(),
  detail: Type.Record(Type.String(), Type.Union([Type.String(), Type.Number()])),
  by: Type.String(),
  byName: Type.String(),
  at: Type.String(),
});

/** The document an SOP was imported from (null when written by hand), and who checked which imported part when. */
export const SopSourceDocumentSchema = Type.Object({
  document: Type.Union([
    Type.Object({
      id: Type.String(),
      fileName: Type.String(),
      mediaType: Type.String(),
      byteSize: Type.Integer(),
      sha256: Type.String(),
      uploadedByName: Type.String(),
      uploadedAt: Type.String(),
      text: DocumentTextSchema,
    }),
    Type.Null(),
  ]),
  events: Type.Array(DesignerEventSchema),
});

/** "Impor dari dokumen" in the designer, the document beside the draft, and one-click review of imported parts. */
export const sourceDocumentContracts = {
  upload: contract({
    method: 'post',
    path: '/api/designer/documents',
    query: Type.Object({ fileName: Type.String({ minLength: 1, maxLength: 200 }) }),
    reply: { 201: DocumentImportSchema },
  }),
  resolve: contract({
    method: 'post',
    path: '/api/designer/documents/{sourceDocumentId}/resolve',
    body: Type.Object(
      {
        sopId: SopId,
        choice: Type.Union([Type.Literal('rename'), Type.Literal('new-revision'), Type.Literal('skip')]),
        newId: Type.Optional(SopId),
      },
      { additionalProperties: false },
    ),
    reply: {
      200: Type.Object({ created: Type.Union([CreatedDraftSchema, Type.Null()]), remaining: Type.Integer() }),
    },
  }),
  file: contract({
    method: 'get',
    path: '/api/designer/documents/{sourceDocumentId}/file',
    reply: { 200: fileReply('application/octet-stream') },
  }),
  ofSop: contract({
    method: 'get',
    path: '/api/designer/sops/{sopId}/source-document',
    reply: { 200: SopSourceDocumentSchema },
  }),
  review: contract({
    method: 'post',
    path: '/api/designer/sops/{sopId}/reviewed',
    body: Type.Object(
      {
        source: Type.String({ minLength: 1, maxLength: 250_000 }),
        baseRevision: Type.Integer({ minimum: 0, maximum: 1_000_000 }),
        stepId: Type.Optional(Type.String({ minLength: 1, maxLength: 80 })),
        field: Type.Optional(Type.String({ minLength: 1, maxLength: 80 })),
        part: Type.String({ minLength: 1, maxLength: 40 }),
      },
      { additionalProperties: false },
    ),
    reply: {
      201: Type.Object({
        revision: Type.Object({ revision: Type.Integer(), savedByName: Type.String() }, { additionalProperties: true }),
        source: Type.String(),
      }),
    },
  }),
};
