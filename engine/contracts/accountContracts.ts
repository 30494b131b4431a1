import { Type } from '@sinclair/typebox';
import { contract } from './contract.ts';

const Text = (max: number) => Type.Optional(Type.Union([Type.String({ maxLength: max }), Type.Null()]));
const CredentialKind = Type.Union([Type.Literal('activation'), Type.Literal('temporary')]);
const Nullable = Type.Union([Type.String(), Type.Null()]);

/** The person's fields, shared by create and update. */
const fieldProperties = {
  name: Type.String({ minLength: 1, maxLength: 200 }),
  roles: Type.Array(Type.String({ maxLength: 100 }), { minItems: 1, maxItems: 20 }),
  nip: Text(40),
  position: Text(200),
  unit: Text(100),
  email: Text(200),
  phone: Text(40),
  areas: Type.Optional(Type.Array(Type.String({ maxLength: 20 }), { maxItems: 200 })),
};

/** An account as the admin screen shows it (no hash, no token). */
export const AccountSummarySchema = Type.Object({
  id: Type.String(),
  regencyId: Type.String(),
  username: Type.String(),
  name: Type.String(),
  roles: Type.Array(Type.String()),
  nip: Nullable,
  position: Nullable,
  unit: Nullable,
  email: Nullable,
  phone: Nullable,
  areas: Type.Array(Type.String()),
  active: Type.Boolean(),
  locked: Type.Boolean(),
  mustChangePassword: Type.Boolean(),
  demo: Type.Boolean(),
  platformAdmin: Type.Boolean(),
  createdAt: Type.String(),
});

/** The account and the credential shown once: an activation token or a temporary password. */
export const IssuedAccountSchema = Type.Object({
  account: AccountSummarySchema,
  issued: Type.Object({
    temporaryPassword: Type.Optional(Type.String()),
    activationToken: Type.Optional(Type.String()),
    activationExpiresAt: Type.Optional(Type.String()),
  }),
});

const AccountReply = Type.Object({ account: AccountSummarySchema });

/** Account administration: regency admins for their regency, platform admins for all. */
export const accountContracts = {
  list: contract({
    method: 'get',
    path: '/api/accounts',
    query: Type.Object({
      q: Type.Optional(Type.String({ description: 'Cari nama, nama pengguna, NIP, jabatan, surel' })),
      regency: Type.Optional(Type.String({ description: 'Kabupaten lain (hanya admin platform)' })),
    }),
    reply: { 200: Type.Object({ regencyId: Type.String(), accounts: Type.Array(AccountSummarySchema) }) },
  }),
  create: contract({
    method: 'post',
    path: '/api/accounts',
    body: Type.Object(
      {
        regencyId: Type.Optional(Type.String({ maxLength: 100 })),
        username: Type.String({ minLength: 1, maxLength: 64 }),
        credential: CredentialKind,
        ...fieldProperties,
      },
      { additionalProperties: false },
    ),
    reply: { 201: IssuedAccountSchema },
  }),
  update: contract({
    method: 'put',
    path: '/api/accounts/{username}',
    body: Type.Object(fieldProperties, { additionalProperties: false }),
    reply: { 200: AccountReply },
  }),
  reset: contract({
    method: 'post',
    path: '/api/accounts/{username}/reset',
    body: Type.Object({ credential: CredentialKind }, { additionalProperties: false }),
    reply: { 200: IssuedAccountSchema },
  }),
  unlock: contract({ method: 'post', path: '/api/accounts/{username}/unlock', reply: { 200: AccountReply } }),
  disable: contract({ method: 'post', path: '/api/accounts/{username}/disable', reply: { 200: AccountReply } }),
  enable: contract({ method: 'post', path: '/api/accounts/{username}/enable', reply: { 200: AccountReply } }),
  events: contract({
    method: 'get',
    path: '/api/accounts/{username}/events',
    reply: {
      200: Type.Object({
        events: Type.Array(
          Type.Object({
            action: Type.String(),
            by: Type.String(),
            // What the change touched: an update names its fields in `changed`; other kinds carry their own facts.
            detail: Type.Union([Type.Object({ changed: Type.Optional(Type.Array(Type.String())) }), Type.Null()]),
            at: Type.String(),
          }),
        ),
      }),
    },
  }),
};
