import { Type } from '@sinclair/typebox';
import { contract, fileReply } from './contract.ts';

const MatchBy = Type.Union([Type.Literal('username'), Type.Literal('email')]);

/** A regency's OpenID Connect settings as its admin sees them: the client secret is never read back. */
export const SsoSettingsViewSchema = Type.Object({
  regencyId: Type.String(),
  providerName: Type.String(),
  issuer: Type.String(),
  clientId: Type.String(),
  claim: Type.String(),
  matchBy: MatchBy,
  enabled: Type.Boolean(),
  createUnknown: Type.Boolean(),
  newUserRole: Type.Union([Type.String(), Type.Null()]),
  allowLocalPasswords: Type.Boolean(),
  updatedAt: Type.String(),
  hasSecret: Type.Boolean(),
});

/** What the admin saves; an empty or absent secret keeps the stored one. */
export const SsoSettingsInputSchema = Type.Object(
  {
    providerName: Type.String({ minLength: 1, maxLength: 100 }),
    issuer: Type.String({ minLength: 1, maxLength: 500 }),
    clientId: Type.String({ minLength: 1, maxLength: 200 }),
    clientSecret: Type.Optional(Type.String({ maxLength: 500 })),
    claim: Type.String({ minLength: 1, maxLength: 100 }),
    matchBy: MatchBy,
    enabled: Type.Boolean(),
    createUnknown: Type.Boolean(),
    newUserRole: Type.Optional(Type.Union([Type.String({ maxLength: 100 }), Type.Null()])),
    allowLocalPasswords: Type.Boolean(),
  },
  { additionalProperties: false },
);

// The browser is sent on (303 with Location) or shown a refusal page: navigations, not calls of the apps.
const redirected = fileReply('text/plain');

/** Single sign-on with each regency's OpenID Connect provider, and its settings for the regency admin. */
export const ssoContracts = {
  providers: contract({
    method: 'get',
    path: '/api/auth/sso',
    reply: {
      200: Type.Object({
        providers: Type.Array(
          Type.Object({ regencyId: Type.String(), regencyName: Type.String(), providerName: Type.String() }),
        ),
      }),
    },
  }),
  start: contract({ method: 'get', path: '/api/auth/sso/{regencyId}/start', reply: { 303: redirected } }),
  callback: contract({ method: 'get', path: '/api/auth/sso/{regencyId}/callback', reply: { 303: redirected } }),
  settings: contract({
    method: 'get',
    path: '/api/admin/sso',
    reply: {
      200: Type.Object({
        settings: Type.Union([SsoSettingsViewSchema, Type.Null()]),
        redirectUri: Type.String(),
        events: Type.Array(
          Type.Object({
            action: Type.Union([
              Type.Literal('signed_in'),
              Type.Literal('refused'),
              Type.Literal('account_created'),
              Type.Literal('settings_changed'),
            ]),
            subject: Type.Union([Type.String(), Type.Null()]),
            by: Type.String(),
            // A refusal says why (`reason`, a key of the admin's wording); other kinds carry their own facts.
            detail: Type.Union([Type.Object({ reason: Type.Optional(Type.String()) }), Type.Null()]),
            at: Type.String({ format: 'date-time' }),
          }),
        ),
      }),
    },
  }),
  saveSettings: contract({
    method: 'put',
    path: '/api/admin/sso',
    body: SsoSettingsInputSchema,
    reply: { 200: Type.Object({ settings: SsoSettingsViewSchema }) },
  }),
};
