import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI_ACTOR } from '../../engine/app/accounts/accountEvents.ts';
import { createAccount } from '../../engine/app/accounts/accountService.ts';
import { ApiClient } from '../support/apiClient.ts';
import { databaseLabel } from '../support/testDatabase.ts';
import { startTestServer, type TestServer } from '../support/testServer.ts';

type Account = {
  username: string;
  regencyId: string;
  active: boolean;
  locked: boolean;
  mustChangePassword: boolean;
  nip: string | null;
};
type Issued = { account: Account; issued: { temporaryPassword?: string; activationToken?: string } };

describe(`account administration (${databaseLabel})`, () => {
  let test: TestServer;
  let kutaiAdmin: ApiClient;
  let bangkalanAdmin: ApiClient;
  let platformAdmin: ApiClient;
  beforeAll(async () => {
    test = await startTestServer();
    kutaiAdmin = await test.as('kutai-kartanegara', 'admin');
    bangkalanAdmin = await test.as('bangkalan', 'admin');
    await createAccount(
      test.server.db,
      {
        regencyId: 'bengkayang',
        username: 'platform.root',
        name: 'Admin Platform',
        roles: ['admin'],
        credential: { kind: 'password', password: 'kunci platform utama' },
        platformAdmin: true,
      },
      CLI_ACTOR,
    );
    platformAdmin = new ApiClient(test.server.url);
    await platformAdmin.login('platform.root', 'kunci platform utama');
  }, 180_000);
  afterAll(async () => test?.stop());

  async function loginStatus(
    username: string,
    password: string,
  ): Promise<{ status: number; body: Record<string, unknown> }> {
    const r = await new ApiClient(test.server.url).request('POST', '/api/auth/login', { username, password });
    return { status: r.status, body: r.body };
  }

  it('a regency admin creates an account with a temporary password that must be changed at first login', async () => {
    const created = await kutaiAdmin.post<Issued>('/api/accounts', {
      username: 'dewi.rehsos',
      name: 'Dewi Lestari',
      nip: '19630824 199403 2 007',
      position: 'Pekerja Sosial Ahli Muda',
      unit: 'rehsos',
      roles: ['staf-rehsos'],
      email: 'dewi@dinsos.example.go.id',
      phone: '0812 3456 7890',
      areas: ['64.02.01'],
      credential: 'temporary',
    });
    expect(created.status).toBe(201);
    expect(created.body.account).toMatchObject({
      username: 'dewi.rehsos',
      nip: '196308241994032007',
      mustChangePassword: true,
    });
    const temporary = created.body.issued.temporaryPassword!;
    expect(temporary.length).toBeGreaterThanOrEqual(16);
    const dewi = new ApiClient(test.server.url);
    const login = await dewi.login('dewi.rehsos', temporary);
    expect(login.body.mustChangePassword).toBe(true);
    // Until the temporary password is replaced, only the account's own routes answer.
    const inbox = await dewi.request<{ error: { reason: string } }>('GET', '/api/tasks/inbox');
    expect(inbox.status).toBe(403);
    expect(inbox.body.error.reason).toBe('PASSWORD_CHANGE_REQUIRED');
    expect((await dewi.request('GET', '/api/auth/me')).status).toBe(200);
    const common = await dewi.request<{ error: { path: string; message: string } }>('POST', '/api/auth/password', {
      currentPassword: temporary,
      newPassword: 'iloveyou123',
    });
    expect(common.status).toBe(400);
    expect(common.body.error.path).toBe('/newPassword');
    const changed = await dewi.request('POST', '/api/auth/password', {
      currentPassword: temporary,
      newPassword: 'sawah hijau di tenggarong',
    });
    expect(changed.status).toBe(200);
    expect((await dewi.request('GET', '/api/tasks/inbox')).status).toBe(200);
    expect((await loginStatus('dewi.rehsos', temporary)).status).toBe(401);
    expect((await loginStatus('dewi.rehsos', 'sawah hijau di tenggarong')).body.mustChangePassword).toBe(false);
  });

  it('an activation link works once and sets the person’s own password', async () => {
    const created = await kutaiAdmin.post<Issued>('/api/accounts', {
      username: 'yusuf.loket',
      name: 'Yusuf',
      roles: ['petugas-pengaduan'],
      credential: 'activation',
    });
    expect(created.status).toBe(201);
    const token = created.body.issued.activationToken!;
    expect(created.body.issued.temporaryPassword).toBeUndefined();
    const anon = new ApiClient(test.server.url);
    const short = await anon.request('POST', '/api/auth/activate', { token, password: 'pendek' });
    expect(short.status).toBe(400);
    expect(
      (await anon.request('POST', '/api/auth/activate', { token, password: 'mahakam mengalir tenang' })).status,
    ).toBe(200);
    expect(
      (await anon.request('POST', '/api/auth/activate', { token, password: 'mahakam mengalir deras' })).status,
    ).toBe(422);
    expect((await loginStatus('yusuf.loket', 'mahakam mengalir tenang')).status).toBe(200);
  });

  it('lists and searches by name, username and NIP as printed; the read is in the access log', async () => {
    const byName = await kutaiAdmin.get<{ accounts: Account[] }>('/api/accounts?q=dewi');
    expect(byName.body.accounts.map((a) => a.username)).toEqual(['dewi.rehsos']);
    const byNip = await kutaiAdmin.get<{ accounts: Account[] }>(`/api/accounts?q=${encodeURIComponent('199403 2')}`);
    expect(byNip.body.accounts.map((a) => a.username)).toEqual(['dewi.rehsos']);
    const all = await kutaiAdmin.get<{ accounts: Account[] }>('/api/accounts');
    expect(all.body.accounts.every((a) => a.regencyId === 'kutai-kartanegara')).toBe(true);
    const logged = (await test.server.db('access_log').where({ route: 'GET /api/accounts' }).count('* as n')) as Array<{
      n: string | number;
    }>;
    expect(Number(logged[0]!.n)).toBeGreaterThanOrEqual(3);
  });

  it('reset, unlock, disable and re-enable; every change is an account event', async () => {
    const reset = await kutaiAdmin.post<Issued>('/api/accounts/dewi.rehsos/reset', { credential: 'temporary' });
    expect(reset.status).toBe(200);
    expect((await loginStatus('dewi.rehsos', 'sawah hijau di tenggarong')).status).toBe(401);
    expect((await loginStatus('dewi.rehsos', reset.body.issued.temporaryPassword!)).body.mustChangePassword).toBe(true);
    for (let i = 0; i < 5; i++) await loginStatus('dewi.rehsos', 'salah sekali kata sandinya');
    const locked = await kutaiAdmin.get<{ accounts: Account[] }>('/api/accounts?q=dewi.rehsos');
    expect(locked.body.accounts[0]!.locked).toBe(true);
    expect(
      (await kutaiAdmin.post<{ account: Account }>('/api/accounts/dewi.rehsos/unlock', {})).body.account.locked,
    ).toBe(false);
    expect(
      (await kutaiAdmin.post<{ account: Account }>('/api/accounts/dewi.rehsos/disable', {})).body.account.active,
    ).toBe(false);
    expect((await loginStatus('dewi.rehsos', reset.body.issued.temporaryPassword!)).status).toBe(401);
    expect(
      (await kutaiAdmin.post<{ account: Account }>('/api/accounts/dewi.rehsos/enable', {})).body.account.active,
    ).toBe(true);
    const events = await kutaiAdmin.get<{ events: Array<{ action: string; by: string }> }>(
      '/api/accounts/dewi.rehsos/events',
    );
    expect(events.body.events.map((e) => e.action).reverse()).toEqual([
      'created',
      'password_changed',
      'password_reset',
      'unlocked',
      'disabled',
      'enabled',
    ]);
    expect(JSON.stringify(events.body)).not.toContain(reset.body.issued.temporaryPassword!);
  });

  it('refuses bad input with a field path and an Indonesian message: NIP, unit, role, username', async () => {
    const cases: Array<[Record<string, unknown>, string, string]> = [
      [{ nip: '1963 0824' }, '/nip', 'NIP terdiri atas 18 angka, yang diisi 8 angka'],
      [{ unit: 'bidang-x' }, '/unit', 'Unit "bidang-x" tidak ada'],
      [{ roles: ['raja'] }, '/roles/0', 'Peran "raja" tidak ada'],
      [{ username: 'A B' }, '/username', 'tidak dapat dipakai'],
      [{ username: 'dewi.rehsos' }, '/username', 'sudah dipakai'],
      [
        { areas: ['64.02.06', '35.26.01'] },
        '/areas/1',
        'bukan kecamatan atau desa/kelurahan Kabupaten Kutai Kartanegara',
      ],
      [{ areas: ['64.02.06.9999'] }, '/areas/0', 'bukan kecamatan atau desa/kelurahan'],
    ];
    for (const [change, path, message] of cases) {
      const r = await kutaiAdmin.post<{ error: { path: string; message: string } }>('/api/accounts', {
        username: 'baru.sekali',
        name: 'Baru',
        roles: ['staf-rehsos'],
        credential: 'temporary',
        ...change,
      });
      expect(r.status, JSON.stringify(change)).toBeGreaterThanOrEqual(400);
      expect(r.status).toBeLessThan(500);
      expect(r.body.error.path).toBe(path);
      expect(r.body.error.message).toContain(message);
      expect(r.body.error.message).not.toMatch(/\^|\\d|\[0-9\]/);
    }
    expect(await test.server.db('users').where({ username: 'baru.sekali' }).first('id')).toBeUndefined();
  });

  it('a regency admin cannot see or touch another regency’s accounts (404), nor a platform admin’s', async () => {
    expect((await bangkalanAdmin.get('/api/accounts?regency=kutai-kartanegara')).status).toBe(404);
    for (const what of ['disable', 'unlock', 'enable'])
      expect((await bangkalanAdmin.post(`/api/accounts/dewi.rehsos/${what}`, {})).status).toBe(404);
    expect((await bangkalanAdmin.post('/api/accounts/dewi.rehsos/reset', { credential: 'temporary' })).status).toBe(
      404,
    );
    expect(
      (await bangkalanAdmin.request('PUT', '/api/accounts/dewi.rehsos', { name: 'X', roles: ['admin'] })).status,
    ).toBe(404);
    expect((await bangkalanAdmin.get('/api/accounts/dewi.rehsos/events')).status).toBe(404);
    expect(
      (
        await bangkalanAdmin.post('/api/accounts', {
          regencyId: 'kutai-kartanegara',
          username: 'susup',
          name: 'S',
          roles: ['admin'],
          credential: 'temporary',
        })
      ).status,
    ).toBe(404);
    const bengkayangAdmin = await test.as('bengkayang', 'admin');
    expect((await bengkayangAdmin.post('/api/accounts/platform.root/reset', { credential: 'temporary' })).status).toBe(
      403,
    );
    const dewi = (await test.server.db('users').where({ username: 'dewi.rehsos' }).first('active')) as {
      active: boolean;
    };
    expect(dewi.active).toBe(true);
  });

  it('the regency’s kecamatan and desa come with their Kemendagri codes', async () => {
    const staff = await test.as('kutai-kartanegara', 'staf-rehsos');
    const regions = await staff.get<{
      code: string;
      districts: Array<{ code: string; name: string; villages: Array<{ code: string; name: string }> }>;
    }>('/api/regencies/current/regions');
    expect(regions.status).toBe(200);
    expect(regions.body.code).toBe('64.02');
    expect(regions.body.districts).toHaveLength(20);
    const tenggarong = regions.body.districts.find((d) => d.name === 'Tenggarong')!;
    expect(tenggarong.code).toBe('64.02.06');
    expect(tenggarong.villages).toContainEqual({ code: '64.02.06.1002', name: 'Loa Ipuh' });
  });

  it('staff without an admin role cannot manage accounts (403)', async () => {
    const staff = await test.as('kutai-kartanegara', 'staf-rehsos');
    expect((await staff.get('/api/accounts')).status).toBe(403);
    expect((await staff.post('/api/accounts/dewi.rehsos/disable', {})).status).toBe(403);
  });

  it('a platform admin manages any regency', async () => {
    const list = await platformAdmin.get<{ accounts: Account[] }>('/api/accounts?regency=kutai-kartanegara&q=dewi');
    expect(list.status).toBe(200);
    expect(list.body.accounts.map((a) => a.username)).toEqual(['dewi.rehsos']);
    const created = await platformAdmin.post<Issued>('/api/accounts', {
      regencyId: 'bangkalan',
      username: 'admin.bangkalan',
      name: 'Admin Bangkalan',
      roles: ['admin'],
      credential: 'activation',
    });
    expect(created.status).toBe(201);
    expect(created.body.account.regencyId).toBe('bangkalan');
    expect((await platformAdmin.post('/api/accounts/dewi.rehsos/disable', {})).status).toBe(200);
  });
});
