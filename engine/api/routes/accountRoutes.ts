import type { Knex } from 'knex';
import { findAccount, type AccountRow } from '../../app/accounts/accountRows.ts';
import {
  createAccount,
  listAccounts,
  resetCredential,
  setAccountActive,
  unlockAccount,
  updateAccount,
  type Credential,
} from '../../app/accounts/accountService.ts';
import type { AccountActor } from '../../app/accounts/accountEvents.ts';
import type { AccountFields } from '../../app/accounts/accountInput.ts';
import { AppError } from '../../app/appErrors.ts';
import type { SessionAccount } from '../../app/authService.ts';
import type { AuthUser } from '../../app/authUser.ts';
import { route, type RouteContext, type RouteSpec } from '../routeSpec.ts';

const text = (max: number): Record<string, unknown> => ({ type: ['string', 'null'], maxLength: max });

/** The person's fields, shared by create and update. */
const FIELD_PROPERTIES = {
  name: { type: 'string', minLength: 1, maxLength: 200 },
  roles: { type: 'array', minItems: 1, maxItems: 20, items: { type: 'string', maxLength: 100 } },
  nip: text(40),
  position: text(200),
  unit: text(100),
  email: text(200),
  phone: text(40),
  areas: { type: 'array', maxItems: 200, items: { type: 'string', maxLength: 20 } },
};

const CREDENTIAL = { enum: ['activation', 'temporary'] };

/** The regency an admin acts on: their own, or (platform admin only) the one asked for. */
function regencyFor(user: AuthUser, account: SessionAccount | undefined, asked: string | undefined): string {
  if (asked === undefined || asked === user.regencyId) return user.regencyId;
  if (account?.platformAdmin === true) return asked;
  // The same answer as for a regency that does not exist: another regency's people are not even confirmed.
  throw new AppError('NOT_FOUND', `Kabupaten "${asked}" tidak ditemukan.`, '/regency');
}

/** The target account, within the admin's reach (another regency's account answers 404 unless platform admin). */
async function targetOf(ctx: RouteContext): Promise<AccountRow> {
  const platformAdmin = ctx.account?.platformAdmin === true;
  const target = await findAccount(ctx.db, ctx.params.username!, platformAdmin ? undefined : ctx.user!.regencyId);
  // Otherwise a regency admin could reset a platform admin's password and act across regencies.
  if (target.platform_admin && !platformAdmin)
    throw new AppError('FORBIDDEN', 'Akun admin platform hanya dapat diubah oleh admin platform.', '/username');
  return target;
}

function actorOf(user: AuthUser): AccountActor {
  return { id: user.id, name: user.name };
}

function credentialOf(kind: 'activation' | 'temporary'): Credential {
  return { kind };
}

const ERRORS = { 400: 'Data tidak sah', 401: 'Belum masuk', 403: 'Bukan admin', 404: 'Pengguna tidak ada' };

/** Account administration: regency admins for their regency, platform admins for all (Indonesian messages). */
export const accountRoutes: RouteSpec[] = [
  route({
    method: 'get',
    path: '/api/accounts',
    summary: 'Daftar akun pegawai kabupaten (cari dengan ?q= nama, nama pengguna, NIP, jabatan, surel)',
    tag: 'akun',
    access: 'user',
    policy: { action: 'accounts.manage', log: 'search' },
    responses: { 200: 'Daftar akun', ...ERRORS },
    handler: async ({ db, user, account, query }) => {
      const regencyId = regencyFor(user!, account, query.regency);
      return {
        body: { regencyId, accounts: await listAccounts(db, regencyId, query.q) },
        accessDetail: { regencyId, accounts: true },
      };
    },
  }),
  route<AccountFields & { regencyId?: string; username: string; credential: 'activation' | 'temporary' }>({
    method: 'post',
    path: '/api/accounts',
    summary: 'Membuat akun pegawai dengan tautan aktivasi sekali pakai atau kata sandi sementara',
    tag: 'akun',
    access: 'user',
    policy: { action: 'accounts.manage' },
    body: {
      type: 'object',
      required: ['username', 'name', 'roles', 'credential'],
      additionalProperties: false,
      properties: {
        regencyId: { type: 'string', maxLength: 100 },
        username: { type: 'string', minLength: 1, maxLength: 64 },
        credential: CREDENTIAL,
        ...FIELD_PROPERTIES,
      },
    },
    responses: {
      201: 'Akun dibuat; tautan atau kata sandi sementara ditampilkan sekali',
      409: 'Sudah dipakai',
      ...ERRORS,
    },
    handler: async ({ db, user, account, body }) => {
      const regencyId = regencyFor(user!, account, body.regencyId);
      const { credential, ...fields } = body;
      const created = await createAccount(
        db,
        { ...fields, regencyId, credential: credentialOf(credential) },
        actorOf(user!),
      );
      return { status: 201, body: created };
    },
  }),
  route<AccountFields>({
    method: 'put',
    path: '/api/accounts/{username}',
    summary: 'Mengubah data pegawai (nama, NIP, jabatan, unit, peran, wilayah, kontak)',
    tag: 'akun',
    access: 'user',
    policy: { action: 'accounts.manage' },
    body: {
      type: 'object',
      required: ['name', 'roles'],
      additionalProperties: false,
      properties: FIELD_PROPERTIES,
    },
    responses: { 200: 'Akun diubah', ...ERRORS },
    handler: async (ctx) => ({
      body: { account: await updateAccount(ctx.db, await targetOf(ctx), ctx.body, actorOf(ctx.user!)) },
    }),
  }),
  route<{ credential: 'activation' | 'temporary' }>({
    method: 'post',
    path: '/api/accounts/{username}/reset',
    summary: 'Mengatur ulang kata sandi: tautan aktivasi baru atau kata sandi sementara; sesi lama diakhiri',
    tag: 'akun',
    access: 'user',
    policy: { action: 'accounts.manage' },
    body: {
      type: 'object',
      required: ['credential'],
      additionalProperties: false,
      properties: { credential: CREDENTIAL },
    },
    responses: { 200: 'Kredensial baru ditampilkan sekali', ...ERRORS },
    handler: async (ctx) => ({
      body: await resetCredential(
        ctx.db,
        await targetOf(ctx),
        credentialOf((ctx.body as { credential: 'activation' | 'temporary' }).credential),
        actorOf(ctx.user!),
      ),
    }),
  }),
  ...(['unlock', 'disable', 'enable'] as const).map((what) =>
    route({
      method: 'post',
      path: `/api/accounts/{username}/${what}`,
      summary: {
        unlock: 'Membuka kunci akun setelah terlalu banyak percobaan masuk',
        disable: 'Menonaktifkan akun (pegawai pindah/berhenti); sesinya diakhiri',
        enable: 'Mengaktifkan kembali akun',
      }[what],
      tag: 'akun',
      access: 'user',
      policy: { action: 'accounts.manage' },
      responses: { 200: 'Akun diubah', ...ERRORS },
      handler: async (ctx) => {
        const target = await targetOf(ctx);
        const actor = actorOf(ctx.user!);
        const updated =
          what === 'unlock'
            ? await unlockAccount(ctx.db, target, actor)
            : await setAccountActive(ctx.db, target, what === 'enable', actor);
        return { body: { account: updated } };
      },
    }),
  ),
  route({
    method: 'get',
    path: '/api/accounts/{username}/events',
    summary: 'Riwayat perubahan akun (siapa, kapan, apa)',
    tag: 'akun',
    access: 'user',
    policy: { action: 'accounts.manage' },
    responses: { 200: 'Riwayat', ...ERRORS },
    handler: async (ctx) => {
      const target = await targetOf(ctx);
      return { body: { events: await accountEvents(ctx.db, target.id) } };
    },
  }),
];

async function accountEvents(db: Knex, userId: string): Promise<unknown[]> {
  const rows = (await db('account_events')
    .where({ user_id: userId })
    .orderBy('id', 'desc')
    .limit(200)
    .select('action', 'actor_name', 'detail', 'at')) as Array<{
    action: string;
    actor_name: string;
    detail: unknown;
    at: Date | string;
  }>;
  return rows.map((r) => ({ action: r.action, by: r.actor_name, detail: r.detail, at: new Date(r.at).toISOString() }));
}
