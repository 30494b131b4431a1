import { Type } from '@sinclair/typebox';
import type { RegencyHistory } from '../app/regencySettings/regencyHistory.ts';
import type { RegencyWorkingCopy } from '../app/regencySettings/regencyWorkingCopy.ts';
import { contract } from './contract.ts';
import { IssuedAccountSchema } from './accountContracts.ts';
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
import { engineShaped } from './engineShaped.ts';

const BASE = '/api/designer/regency';
const Text = (max: number) => Type.Optional(Type.String({ maxLength: max }));
const Ok = Type.Object({ ok: Type.Boolean() });

/**
 * Regency settings (regency.yaml) edited in the designer like an SOP, and the new-regency wizard of
 * platform admins.
 */
export const regencySettingsContracts = {
  workingCopy: contract({
    method: 'get',
    path: BASE,
    reply: {
      200: engineShaped<RegencyWorkingCopy>(
        Type.Object({ regencyId: Type.String(), managedInApp: Type.Boolean(), ...workingCopyFields }),
      ),
    },
  }),
  validate: contract({
    method: 'post',
    path: `${BASE}/validate`,
    body: Type.Object({ source: DraftSource }, { additionalProperties: false }),
    reply: { 200: Type.Object({ valid: Type.Boolean(), errors: Type.Array(DefinitionErrorSchema) }) },
  }),
  saveDraft: contract({ method: 'post', path: `${BASE}/drafts`, body: DraftSaveBody, reply: draftSaveReplies }),
  history: contract({
    method: 'get',
    path: `${BASE}/history`,
    reply: { 200: engineShape<RegencyHistory>('Versi yang disahkan, revisi draf dan langkah pengesahan') },
  }),
  diff: contract({ method: 'get', path: `${BASE}/diff`, query: DiffQuery, reply: { 200: DiffReply } }),
  submit: contract({
    method: 'post',
    path: `${BASE}/submit`,
    body: Type.Object({ revision: RevisionNumber, note: Type.Optional(ReviewNote) }, { additionalProperties: false }),
    reply: { 200: Ok },
  }),
  return: contract({
    method: 'post',
    path: `${BASE}/return`,
    body: Type.Object({ revision: RevisionNumber, note: ReviewNote }, { additionalProperties: false }),
    reply: { 200: Ok },
  }),
  publish: contract({
    method: 'post',
    path: `${BASE}/publish`,
    body: Type.Object({ revision: RevisionNumber }, { additionalProperties: false }),
    reply: {
      200: Type.Object({
        version: Type.Integer(),
        republished: Type.Array(Type.Object({ sopId: Type.String(), version: Type.Integer() })),
      }),
    },
  }),
  codes: contract({
    method: 'get',
    path: '/api/admin/regencies/codes',
    reply: {
      200: Type.Object({
        regencies: Type.Array(Type.Object({ code: Type.String(), name: Type.String(), province: Type.String() })),
      }),
    },
  }),
  create: contract({
    method: 'post',
    path: '/api/admin/regencies',
    body: Type.Object(
      {
        id: Type.String({ maxLength: 80 }),
        name: Type.String({ minLength: 1, maxLength: 200 }),
        regionCode: Type.String({ maxLength: 10 }),
        timezone: Type.Union([Type.Literal('WIB'), Type.Literal('WITA'), Type.Literal('WIT')]),
        office: Type.Object(
          {
            name: Type.String({ minLength: 1, maxLength: 300 }),
            parent: Text(300),
            address: Text(500),
            postalCode: Text(10),
            phone: Text(40),
            email: Text(200),
            website: Text(200),
            head: Type.Optional(
              Type.Object(
                {
                  name: Type.String({ minLength: 1, maxLength: 200 }),
                  title: Type.String({ minLength: 1, maxLength: 300 }),
                  nip: Text(40),
                  rank: Text(100),
                },
                { additionalProperties: false },
              ),
            ),
          },
          { additionalProperties: false },
        ),
        admin: Type.Object(
          {
            username: Type.String({ minLength: 1, maxLength: 64 }),
            name: Type.String({ minLength: 1, maxLength: 200 }),
            credential: Type.Union([Type.Literal('activation'), Type.Literal('temporary')]),
            email: Text(200),
          },
          { additionalProperties: false },
        ),
      },
      { additionalProperties: false },
    ),
    reply: { 201: Type.Object({ regencyId: Type.String(), name: Type.String(), admin: IssuedAccountSchema }) },
  }),
};
