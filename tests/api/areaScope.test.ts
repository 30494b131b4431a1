import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI_ACTOR } from '../../engine/app/accounts/accountEvents.ts';
import { createAccount } from '../../engine/app/accounts/accountService.ts';
import { ApiClient } from '../support/apiClient.ts';
import { kutaiApplicant } from '../support/kutaiApplicant.ts';
import { databaseLabel } from '../support/testDatabase.ts';
import { startTestServer, type TestServer } from '../support/testServer.ts';

const PASSWORD = 'sungai mahakam pagi';

describe(`area scopes: a TKSK sees only cases addressed in their kecamatan (${databaseLabel})`, () => {
  let test: TestServer;
  let tenggarongCase: string;
  let loaKuluCase: string;
  const clients = new Map<string, ApiClient>();

  beforeAll(async () => {
    test = await startTestServer();
    const front = await test.as('kutai-kartanegara', 'staf-rehsos');
    const open = async (village: string, district: string, nik: string): Promise<string> => {
      const r = await front.post<{ id: string }>('/api/cases', {
        sopId: 'bantuan-permakanan',
        data: { ...kutaiApplicant, nik, village, district },
      });
      expect(r.status).toBe(201);
      return r.body.id;
    };
    tenggarongCase = await open('Loa Ipuh', 'Tenggarong', '6402010102500011');
    loaKuluCase = await open('Sungai Payang', 'Loa Kulu', '6402010102500012');
    const accounts: Array<[string, string[]]> = [
      ['tksk.tenggarong', ['64.02.06']],
      ['tksk.loakulu', ['64.02.02']],
      ['tksk.loaipuh', ['64.02.06.1002']],
      ['tksk.jonggon', ['64.02.02.2001']],
    ];
    for (const [username, areas] of accounts) {
      await createAccount(
        test.server.db,
        {
          regencyId: 'kutai-kartanegara',
          username,
          name: username,
          roles: ['tksk'],
          areas,
          credential: { kind: 'password', password: PASSWORD },
        },
        CLI_ACTOR,
      );
      const client = new ApiClient(test.server.url);
      await client.login(username, PASSWORD);
      clients.set(username, client);
    }
  }, 180_000);
  afterAll(async () => test?.stop());

  async function sees(client: ApiClient): Promise<{ tenggarong: number; loaKulu: number; register: string[] }> {
    const register = await client.get<{ items: Array<{ id: string }> }>('/api/cases?sopId=bantuan-permakanan');
    return {
      tenggarong: (await client.get(`/api/cases/${tenggarongCase}`)).status,
      loaKulu: (await client.get(`/api/cases/${loaKuluCase}`)).status,
      register: register.body.items.map((i) => i.id).sort(),
    };
  }

  it('a TKSK without an area limit sees both kecamatan', async () => {
    const all = await sees(await test.as('kutai-kartanegara', 'tksk'));
    expect(all).toEqual({ tenggarong: 200, loaKulu: 200, register: [tenggarongCase, loaKuluCase].sort() });
  });

  it('the TKSK of Kecamatan Tenggarong sees and opens only the Tenggarong case', async () => {
    expect(await sees(clients.get('tksk.tenggarong')!)).toEqual({
      tenggarong: 200,
      loaKulu: 403,
      register: [tenggarongCase],
    });
  });

  it('the TKSK of Kecamatan Loa Kulu sees and opens only the Loa Kulu case', async () => {
    expect(await sees(clients.get('tksk.loakulu')!)).toEqual({
      tenggarong: 403,
      loaKulu: 200,
      register: [loaKuluCase],
    });
  });

  it('a limit to one desa narrows further: Loa Ipuh yes, another desa of Loa Kulu no', async () => {
    expect((await sees(clients.get('tksk.loaipuh')!)).register).toEqual([tenggarongCase]);
    expect((await sees(clients.get('tksk.jonggon')!)).register).toEqual([]);
  });
});
