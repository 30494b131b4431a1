import { Type } from '@sinclair/typebox';
import { contract, fileReply } from './contract.ts';

/** A stored scan as listed on a case. */
export const AttachmentSchema = Type.Object({
  id: Type.String(),
  doc: Type.String(),
  fileName: Type.String(),
  mediaType: Type.String(),
  sizeBytes: Type.Integer(),
  uploadedAt: Type.String(),
});

/** Scans of requirement documents: upload to a case (raw bytes), list, download. */
export const attachmentContracts = {
  upload: contract({
    method: 'post',
    path: '/api/cases/{caseId}/attachments',
    query: Type.Object({ doc: Type.Optional(Type.String()), name: Type.Optional(Type.String()) }),
    reply: { 201: Type.Omit(AttachmentSchema, ['uploadedAt']) },
  }),
  list: contract({
    method: 'get',
    path: '/api/cases/{caseId}/attachments',
    reply: { 200: Type.Object({ attachments: Type.Array(AttachmentSchema) }) },
  }),
  download: contract({
    method: 'get',
    path: '/api/attachments/{attachmentId}',
    reply: { 200: fileReply('application/octet-stream') },
  }),
};
