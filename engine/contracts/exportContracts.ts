import { Type } from '@sinclair/typebox';
import { contract, fileReply } from './contract.ts';

/** Export of one case file: always with a stated reason, always in the access log. */
export const exportContracts = {
  caseFile: contract({
    method: 'post',
    path: '/api/cases/{caseId}/export',
    body: Type.Object(
      {
        reason: Type.String({
          minLength: 10,
          maxLength: 2000,
          description: 'Untuk apa data ini dikeluarkan (wajib, tercatat di log akses)',
        }),
      },
      { additionalProperties: false },
    ),
    reply: { 200: fileReply('application/json') },
  }),
};
