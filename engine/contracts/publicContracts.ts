import { Type } from '@sinclair/typebox';
import type { PublicRegency, PublicStandard } from '../app/outputs/publicStandards.ts';
import type { PublicStatus, PublicVerification } from '../app/outputs/publicViews.ts';
import { contract } from './contract.ts';
import { engineShaped, nullable } from './engineShaped.ts';

const DocumentStatus = Type.Union([Type.Literal('valid'), Type.Literal('revoked')]);

/** Pages for citizens, without signing in and without personal data: status, verification, service standards. */
export const publicContracts = {
  site: contract({
    method: 'get',
    path: '/api/public/site',
    reply: { 200: Type.Object({ publicUrl: Type.String() }) },
  }),
  status: contract({
    method: 'get',
    path: '/api/public/status/{trackingCode}',
    reply: {
      200: engineShaped<PublicStatus>(
        Type.Object({
          trackingCode: Type.String(),
          regency: Type.String(),
          service: Type.String(),
          status: Type.String(),
          documentsToBring: Type.Array(Type.String()),
          openedAt: Type.String(),
          complaints: Type.Array(Type.String()),
        }),
      ),
    },
  }),
  verification: contract({
    method: 'get',
    path: '/api/public/documents/{code}',
    reply: {
      200: engineShaped<PublicVerification>(
        Type.Object({
          title: Type.String(),
          number: Type.String(),
          issuedAt: Type.String(),
          regency: Type.String(),
          signer: Type.Object({ name: Type.String(), title: Type.String(), nip: nullable(Type.String()) }),
          status: DocumentStatus,
        }),
      ),
    },
  }),
  regencies: contract({
    method: 'get',
    path: '/api/public/standards',
    reply: {
      200: Type.Object({
        regencies: Type.Array(
          engineShaped<PublicRegency>(
            Type.Object({ id: Type.String(), name: Type.String(), services: Type.Integer() }),
          ),
        ),
      }),
    },
  }),
  standards: contract({
    method: 'get',
    path: '/api/public/standards/{regencyId}',
    reply: {
      200: Type.Object({
        regency: Type.String(),
        services: Type.Array(
          engineShaped<PublicStandard>(
            Type.Object({
              sopId: Type.String(),
              name: Type.String(),
              requirements: Type.Array(Type.String()),
              procedure: Type.Array(Type.String()),
              products: Type.Array(Type.String()),
              complaints: Type.Array(Type.String()),
            }),
          ),
        ),
      }),
    },
  }),
  checkPdf: contract({
    method: 'post',
    path: '/api/public/documents/{code}/check',
    reply: { 200: Type.Object({ genuine: Type.Boolean(), sha256: Type.String(), status: DocumentStatus }) },
  }),
};
