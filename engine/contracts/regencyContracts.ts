import { Type } from '@sinclair/typebox';
import type { RawRegency } from '../definition/sopTypes.ts';
import type { RegencyRegions } from '../regions/regionData.ts';
import { contract } from './contract.ts';
import { engineShape } from './engineShape.ts';
import { engineShaped } from './engineShaped.ts';

const Area = Type.Object({ code: Type.String(), name: Type.String() });

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
    // Kecamatan and desa/kelurahan with their Kemendagri codes, as the address selects read them.
    reply: {
      200: engineShaped<RegencyRegions>(
        Type.Object({
          code: Type.String(),
          name: Type.String(),
          districts: Type.Array(Type.Object({ code: Type.String(), name: Type.String(), villages: Type.Array(Area) })),
        }),
      ),
    },
  }),
};
