import { Type } from '@sinclair/typebox';
import { contract } from './contract.ts';
import { nullable } from './engineShaped.ts';

/** One published service as the catalogue shows it: Standar Pelayanan summary and the role that starts it. */
export const CatalogueServiceSchema = Type.Object({
  sopId: Type.String(),
  version: Type.Integer(),
  name: Type.String(),
  number: nullable(Type.String()),
  kind: Type.String(),
  unit: nullable(Type.String()),
  requirements: Type.Array(Type.String()),
  duration: nullable(Type.String()),
  fee: nullable(Type.Object({ amount: Type.Number(), text: Type.Optional(Type.String()) })),
  products: Type.Array(Type.String()),
  starterRole: nullable(Type.String()),
  /** Steps not from an approved source document (name-and-scope / name-only): the catalogue card says so. */
  sourceNotice: Type.Boolean(),
});

/** The services grouped by the regency's units ("Lainnya" for the rest). */
export const CatalogueSchema = Type.Object({
  units: Type.Array(
    Type.Object({ id: Type.String(), name: Type.String(), services: Type.Array(CatalogueServiceSchema) }),
  ),
});

/** The service catalogue ("Mulai layanan"; scope=all for filters). */
export const catalogueContracts = {
  catalogue: contract({
    method: 'get',
    path: '/api/catalogue',
    query: Type.Object({ scope: Type.Optional(Type.String()) }),
    reply: { 200: CatalogueSchema },
  }),
};
