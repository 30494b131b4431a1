import { Type } from '@sinclair/typebox';
import { contract, fileReply } from './contract.ts';

/** One logo upload: the image's facts, who uploaded it when, and who replaced or removed it when. */
export const RegencyLogoSchema = Type.Object({
  id: Type.String(),
  mediaType: Type.String(),
  width: Type.Integer(),
  height: Type.Integer(),
  byteSize: Type.Integer(),
  sha256: Type.String(),
  uploadedByName: Type.String(),
  uploadedAt: Type.String(),
  removedByName: Type.Union([Type.String(), Type.Null()]),
  removedAt: Type.Union([Type.String(), Type.Null()]),
});

const StatusSchema = Type.Object({
  logo: Type.Union([RegencyLogoSchema, Type.Null()]),
  history: Type.Array(RegencyLogoSchema),
});

/** The regency's official logo (lambang) for the kop: the admin uploads, replaces or removes it; staff read it. */
export const regencyLogoContracts = {
  status: contract({
    method: 'get',
    path: '/api/regencies/current/logo',
    reply: { 200: StatusSchema },
  }),
  /** The image is the raw request body (PNG or JPEG). */
  upload: contract({
    method: 'put',
    path: '/api/regencies/current/logo',
    reply: { 200: StatusSchema },
  }),
  remove: contract({
    method: 'delete',
    path: '/api/regencies/current/logo',
    reply: { 200: StatusSchema },
  }),
  image: contract({
    method: 'get',
    path: '/api/regencies/current/logo/{logoId}',
    reply: { 200: fileReply('image/png') },
  }),
};
