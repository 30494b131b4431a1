import type { Knex } from 'knex';
import { findAccount, type AccountRow } from '../../app/accounts/accountRows.ts';
import {
  createAccount,
  listAccounts,
  resetCredential,
  setAccountActive,
  unlockAccount,
  updateAccount,
} from '../../app/accounts/accountService.ts';
import type { AccountActor } from '../../app/accounts/accountEvents.ts';
import { listAccountEvents } from '../../storage/accounts/accountEventRows.ts';
import { AppError } from '../../app/appErrors.ts';
import type { SessionAccount } from '../../app/authService.ts';
import type { AuthUser } from '../../app/authUser.ts';
import { accountContracts as c } from '../../contracts/accountContracts.ts';
import { implement, type RouteSpec } from '../routeSpec.ts';

/** The regency an admin acts on: their own, or (platform admin only) the one asked for. */
function regencyFor(user: AuthUser, account: SessionAccount | undefined, asked: string | undefined): string {
  if (asked === undefined || asked === user.regencyId) return user.regencyId;
  if (account?.platformAdmin === true) return asked;
  // The same answer as for a regency that does not exist: another regency's people are not even confirmed.
  throw new AppError('NOT_FOUND', `Kabupaten "${asked}" tidak ditemukan.`, '/regency');
}

/** What picking the target account needs from the request. */
interface TargetRequest {
  db: Knex;
  user: AuthUser;
  account: SessionAccount | undefined;
  params: { username: string };
}

/** The target account, within the admin's reach (another regency's account answers 404 unless platform admin). */
async function targetOf(ctx: TargetRequest): Promise<AccountRow> {
  const platformAdmin = ctx.account?.platformAdmin === true;
  const target = await findAccount(ctx.db, ctx.params.username, platformAdmin ? undefined : ctx.user.regencyId);
  // Otherwise a regency admin could reset a platform admin's password and act across regencies.
  if (target.platform_admin && !platformAdmin)
    throw new AppError('FORBIDDEN', 'Akun admin platform hanya dapat diubah oleh admin platform.', '/username');
  return target;
}

function actorOf(user: AuthUser): AccountActor {
  return { id: user.id, name: user.name };
}

const ERRORS = { 400: 'Data tidak sah', 401: 'Belum masuk', 403: 'Bukan admin', 404: 'Pengguna tidak ada' };
const TAG = 'akun';
const MANAGE = { access: 'user', tag: TAG, policy: { action: 'accounts.manage' } } as const;

/** Account administration: regency admins for their regency, platform admins for all (Indonesian messages). */
export const accountRoutes: RouteSpec[] = [
  implement(c.list, {
    ...MANAGE,
    summary: 'Daftar akun pegawai kabupaten (cari dengan ?q= nama, nama pengguna, NIP, jabatan, surel)',
    policy: { action: 'accounts.manage', log: 'search' },
    responses: { 200: 'Daftar akun', ...ERRORS },
    handler: async ({ db, user, account, query }) => {
      const regencyId = regencyFor(user, account, query.regency);
      return {
        body: { regencyId, accounts: await listAccounts(db, regencyId, query.q) },
        accessDetail: { regencyId, accounts: true },
      };
    },
  }),
  implement(c.create, {
    ...MANAGE,
    summary: 'Membuat akun pegawai dengan tautan aktivasi sekali pakai atau kata sandi sementara',
    responses: {
      201: 'Akun dibuat; tautan atau kata sandi sementara ditampilkan sekali',
      409: 'Sudah dipakai',
      ...ERRORS,
    },
    handler: async ({ db, user, account, body }) => {
      const { credential, regencyId: asked, ...fields } = body;
      const regencyId = regencyFor(user, account, asked);
      const created = await createAccount(
        db,
        { ...fields, regencyId, credential: { kind: credential } },
        actorOf(user),
      );
      return { status: 201, body: created };
    },
  }),
  implement(c.update, {
    ...MANAGE,
    summary: 'Mengubah data pegawai (nama, NIP, jabatan, unit, peran, wilayah, kontak)',
    responses: { 200: 'Akun diubah', ...ERRORS },
    handler: async (ctx) => ({
      body: { account: await updateAccount(ctx.db, await targetOf(ctx), ctx.body, actorOf(ctx.user)) },
    }),
  }),
  implement(c.reset, {
    ...MANAGE,
    summary: 'Mengatur ulang kata sandi: tautan aktivasi baru atau kata sandi sementara; sesi lama diakhiri',
    responses: { 200: 'Kredensial baru ditampilkan sekali', ...ERRORS },
    handler: async (ctx) => ({
      body: await resetCredential(ctx.db, await targetOf(ctx), { kind: ctx.body.credential }, actorOf(ctx.user)),
    }),
  }),
  implement(c.unlock, {
    ...MANAGE,
    summary: 'Membuka kunci akun setelah terlalu banyak percobaan masuk',
    responses: { 200: 'Akun diubah', ...ERRORS },
    handler: async (ctx) => ({
      body: { account: await unlockAccount(ctx.db, await targetOf(ctx), actorOf(ctx.user)) },
    }),
  }),
  ...([c.disable, c.enable] as const).map((declared) =>
    implement(declared, {
      ...MANAGE,
      summary:
        declared === c.enable
          ? 'Mengaktifkan kembali akun'
          : 'Menonaktifkan akun (pegawai pindah/berhenti); sesinya diakhiri',
      responses: { 200: 'Akun diubah', ...ERRORS },
      handler: async (ctx) => ({
        body: {
          account: await setAccountActive(ctx.db, await targetOf(ctx), declared === c.enable, actorOf(ctx.user)),
        },
      }),
    }),
  ),
  implement(c.events, {
    ...MANAGE,
    summary: 'Riwayat perubahan akun (siapa, kapan, apa)',
    responses: { 200: 'Riwayat', ...ERRORS },
    handler: async (ctx) => ({ body: { events: await listAccountEvents(ctx.db, (await targetOf(ctx)).id) } }),
  }),
];
