import { Type } from '@sinclair/typebox';
import type { SopDefinition } from '../definition/sopTypes.ts';
import type { DefinitionVersion } from '../storage/definitionRepository.ts';
import { contract } from './contract.ts';
import { DefinitionErrorSchema } from './draftContractParts.ts';
import { engineShape } from './engineShape.ts';

const Definition = engineShape<SopDefinition>('Definisi SOP ternormalisasi yang dijalankan mesin');
const SourceBody = Type.Object(
  {
    source: Type.String({ minLength: 1, maxLength: 1_048_576 }),
    fileName: Type.Optional(Type.String({ maxLength: 200 })),
  },
  { additionalProperties: false },
);
const Published = Type.Object({ version: Type.Integer(), created: Type.Boolean() });

/** SOP definitions: list, read, versions, validate a draft, publish. */
export const definitionContracts = {
  list: contract({
    method: 'get',
    path: '/api/definitions',
    reply: {
      200: Type.Object({
        definitions: Type.Array(
          Type.Object({
            sopId: Type.String(),
            name: Type.String(),
            unit: Type.Union([Type.String(), Type.Null()]),
            status: Type.String(),
            latestVersion: Type.Union([Type.Integer(), Type.Null()]),
            updatedAt: Type.String(),
          }),
        ),
      }),
    },
  }),
  latest: contract({
    method: 'get',
    path: '/api/definitions/{sopId}',
    reply: { 200: Type.Object({ version: Type.Integer(), publishedAt: Type.String(), definition: Definition }) },
  }),
  versions: contract({
    method: 'get',
    path: '/api/definitions/{sopId}/versions',
    reply: {
      200: Type.Object({
        versions: Type.Array(
          Type.Object({
            version: Type.Integer(),
            contentHash: Type.String(),
            publishedAt: Type.String(),
            publishedBy: Type.String(),
          }),
        ),
      }),
    },
  }),
  version: contract({
    method: 'get',
    path: '/api/definitions/{sopId}/versions/{version}',
    reply: { 200: engineShape<DefinitionVersion>('Satu versi terbit dengan sumber YAML dan definisinya') },
  }),
  validate: contract({
    method: 'post',
    path: '/api/definitions/validate',
    body: SourceBody,
    reply: {
      200: Type.Object({
        valid: Type.Boolean(),
        errors: Type.Array(DefinitionErrorSchema),
        definition: Type.Union([Definition, Type.Null()]),
      }),
    },
  }),
  publish: contract({
    method: 'post',
    path: '/api/definitions/{sopId}/publish',
    body: SourceBody,
    reply: { 201: Published, 200: Published },
  }),
};
