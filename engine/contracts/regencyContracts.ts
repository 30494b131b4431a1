import { Type } from '@sinclair/typebox';
import type { RawRegency } from '../definition/sopTypes.ts';
import type { RegencyRegions } from '../regions/regionData.ts';
import { contract } from './contract.ts';
import { engineShape } from './engineShape.ts';

/** Regencies: the public list, and the signed-in user's own regency in full. */
export const regencyContracts = {
  list: contract({
    method: 'get',
    path: '/api/regencies',
    reply: { 200: Type.Object({ regencies: Type.Array(Type.Object({ id: Type.String(), name: Type.String() })) }) },
  }),
  current: contract({
    method: 'get',
    path: '/api/regencies/current',
    reply: {
      200: Type.Object({
        regency: engineShape<RawRegency>('regency.yaml kabupaten (kantor, unit, peran, kalender, dokumen, templat)'),
      }),
    },
  }),
  regions: contract({
    method: 'get',
    path: '/api/regencies/current/regions',
    reply: { 200: engineShape<RegencyRegions>('Kecamatan dan desa/kelurahan dengan kode Kemendagri') },
  }),
};
