import { Type } from '@sinclair/typebox';
import type { IssuedDocument } from '../app/outputs/documentTypes.ts';
import type { CaseOutput } from '../app/outputs/issueDocument.ts';
import type { LetterDraft } from '../app/letters/letterDrafts.ts';
import { contract, fileReply } from './contract.ts';
import { engineShaped } from './engineShaped.ts';

/** An issued, numbered document (the app's IssuedDocument), outlined by what the print page reads. */
export const IssuedDocumentSchema = engineShaped<IssuedDocument>(
  Type.Object({
    id: Type.String(),
    caseId: Type.String(),
    title: Type.String(),
    number: Type.String(),
    verificationCode: Type.String(),
    status: Type.Union([Type.Literal('valid'), Type.Literal('revoked')]),
    issuedAt: Type.String(),
  }),
);

/** A letter being prepared: frozen values, paraf so far (the app's LetterDraft). */
export const LetterDraftSchema = engineShaped<LetterDraft>(
  Type.Object({
    id: Type.String(),
    caseId: Type.String(),
    outputId: Type.String(),
    status: Type.Union([Type.Literal('prepared'), Type.Literal('signed'), Type.Literal('cancelled')]),
    initials: Type.Array(Type.Object({ userId: Type.String(), name: Type.String(), role: Type.String() })),
  }),
);

/** A signing: BSrE needs the signer's NIK and passphrase, typed at each signing, never stored. */
export const SignBodySchema = Type.Object(
  {
    nik: Type.Optional(Type.String({ pattern: '^[0-9]{16}$' })),
    passphrase: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  },
  { additionalProperties: false },
);

const IssuedReply = Type.Object({ document: IssuedDocumentSchema });
const DraftReply = Type.Object({ draft: LetterDraftSchema });

/** Outputs of a case, the letters prepared, initialled and signed from them, and the issued documents. */
export const outputContracts = {
  list: contract({
    method: 'get',
    path: '/api/cases/{caseId}/outputs',
    reply: {
      200: Type.Object({
        outputs: Type.Array(
          engineShaped<CaseOutput>(
            Type.Object({
              stepId: Type.String(),
              outputId: Type.String(),
              name: Type.String(),
              produced: Type.Boolean(),
              issuable: Type.Boolean(),
            }),
          ),
        ),
        signing: Type.Union([Type.Literal('bsre'), Type.Literal('local')]),
      }),
    },
  }),
  issue: contract({
    method: 'post',
    path: '/api/cases/{caseId}/outputs/{outputId}/issue',
    body: SignBodySchema,
    reply: { 201: IssuedReply },
  }),
  document: contract({
    method: 'get',
    path: '/api/documents/{documentId}',
    reply: { 200: Type.Object({ document: IssuedDocumentSchema, verifyUrl: Type.String() }) },
  }),
  documentPdf: contract({
    method: 'get',
    path: '/api/documents/{documentId}/pdf',
    reply: { 200: fileReply('application/pdf') },
  }),
  revoke: contract({
    method: 'post',
    path: '/api/documents/{documentId}/revoke',
    body: Type.Object({ reason: Type.String({ minLength: 1, maxLength: 2000 }) }, { additionalProperties: false }),
    reply: { 200: Type.Object({ ok: Type.Literal(true) }) },
  }),
  prepare: contract({
    method: 'post',
    path: '/api/cases/{caseId}/outputs/{outputId}/prepare',
    reply: { 201: DraftReply },
  }),
  preview: contract({
    method: 'get',
    path: '/api/letter-drafts/{draftId}/preview',
    reply: { 200: fileReply('application/pdf') },
  }),
  initial: contract({ method: 'post', path: '/api/letter-drafts/{draftId}/initial', reply: { 200: DraftReply } }),
  sign: contract({
    method: 'post',
    path: '/api/letter-drafts/{draftId}/sign',
    body: SignBodySchema,
    reply: { 201: IssuedReply },
  }),
};
