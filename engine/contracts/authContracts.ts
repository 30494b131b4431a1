import { Type } from '@sinclair/typebox';
import { contract } from './contract.ts';

const Password = Type.String({ minLength: 1, maxLength: 500 });
const Ok = Type.Object({ ok: Type.Boolean() });

/** The signed-in user as every screen sees it. */
export const AuthUserSchema = Type.Object({
  id: Type.String(),
  regencyId: Type.String(),
  username: Type.String(),
  name: Type.String(),
  roles: Type.Array(Type.String()),
});

/** Login, logout, the current user, one's own password and account activation. */
export const authContracts = {
  login: contract({
    method: 'post',
    path: '/api/auth/login',
    body: Type.Object(
      { username: Type.String({ minLength: 1, maxLength: 200 }), password: Password },
      { additionalProperties: false },
    ),
    reply: {
      200: Type.Object({
        user: AuthUserSchema,
        csrfToken: Type.String(),
        expiresAt: Type.String({ format: 'date-time' }),
        mustChangePassword: Type.Boolean(),
      }),
    },
  }),
  logout: contract({ method: 'post', path: '/api/auth/logout', reply: { 200: Ok } }),
  me: contract({
    method: 'get',
    path: '/api/auth/me',
    reply: {
      200: Type.Object({
        user: AuthUserSchema,
        regency: Type.Object({ id: Type.String(), name: Type.String(), timeZone: Type.String() }),
        /** Role id → its name, kind and unit in the regency's settings. */
        roles: Type.Record(
          Type.String(),
          Type.Object({ name: Type.String(), kind: Type.String(), unit: Type.Union([Type.String(), Type.Null()]) }),
        ),
        csrfToken: Type.Union([Type.String(), Type.Null()]),
        mustChangePassword: Type.Boolean(),
        platformAdmin: Type.Boolean(),
        actingFor: Type.Array(
          Type.Object({ userId: Type.String(), name: Type.String(), roles: Type.Array(Type.String()) }),
        ),
      }),
    },
  }),
  changePassword: contract({
    method: 'post',
    path: '/api/auth/password',
    body: Type.Object({ currentPassword: Password, newPassword: Password }, { additionalProperties: false }),
    reply: { 200: Ok },
  }),
  activate: contract({
    method: 'post',
    path: '/api/auth/activate',
    body: Type.Object(
      { token: Type.String({ minLength: 1, maxLength: 200 }), password: Password },
      { additionalProperties: false },
    ),
    reply: { 200: Type.Object({ username: Type.String() }) },
  }),
};
