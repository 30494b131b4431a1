import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { liveSessionRow } from '../../engine/storage/accounts/sessionRows.ts';
import { withSystemScope } from '../../engine/storage/regencyScope.ts';
import { sqlOf, type Sql } from '../../engine/storage/sql.ts';
import { databaseLabel } from '../support/testDatabase.ts';
import { startTestServer, type TestServer } from '../support/testServer.ts';

const REGENCY = 'kutai-kartanegara';

describe(`a session brings the regency's role table only when it changed (${databaseLabel})`, () => {
  let test: TestServer;
  beforeAll(async () => {
    test = await startTestServer();
  }, 120_000);
  afterAll(async () => test?.stop());

  /** Sets the kind of one role in the regency's stored configuration (what the admin pages change). */
  async function setRoleKind(role: string, kind: string): Promise<void> {
    await withSystemScope(test.server.db, async (trx) => {
      const row = (await trx('regencies').where({ id: REGENCY }).first('config')) as {
        config: { roles: Array<{ id: string; kind?: string }> };
      };
      const roles = row.config.roles.map((r) => (r.id === role ? { ...r, kind } : r));
      await trx('regencies')
        .where({ id: REGENCY })
        .update({ config: JSON.stringify({ ...row.config, roles }) });
    });
  }

  it('a role-table change reaches sessions already signed in, on their next request', async () => {
    const admin = await test.as(REGENCY, 'admin');
    expect((await admin.get('/api/admin/backups')).status).toBe(200);
    expect((await admin.get('/api/admin/backups')).status).toBe(200);
    await setRoleKind('admin', 'staff');
    expect((await admin.get('/api/admin/backups')).status).toBe(403);
    await setRoleKind('admin', 'admin');
    expect((await admin.get('/api/admin/backups')).status).toBe(200);
  });

  it('the lookup leaves the parts out while the version held is current, and sends them again after any update', async () => {
    await test.as(REGENCY, 'kepala-dinas');
    const session = (await withSystemScope(test.server.db, (trx) =>
      trx('sessions as s')
        .join('users as u', 'u.id', 's.user_id')
        .where('u.username', `${REGENCY}.kepala-dinas`)
        .orderBy('s.created_at', 'desc')
        .first('s.id'),
    )) as { id: string };
    const seen: Array<Record<string, unknown>> = [];
    const inner = sqlOf(test.server.db);
    const spy: Sql = {
      rows: async <Row>(text: string, values: Parameters<Sql['rows']>[1]) => {
        const rows = await inner.rows<Row>(text, values);
        seen.push(rows[0] as Record<string, unknown>);
        return rows;
      },
    };
    const first = await liveSessionRow(spy, session.id, new Date());
    const second = await liveSessionRow(spy, session.id, new Date());
    expect(seen[0]!.profile_regency).not.toBeNull();
    expect(seen[1]!.profile_regency).toBeNull();
    expect(second!.regency).toEqual(first!.regency);
    expect(second!.regency!.roles!.map((r) => r.id)).toContain('kepala-dinas');
    // Any update of the regency row gives it a new version, even one that changes nothing.
    await withSystemScope(test.server.db, (trx) =>
      trx.raw('UPDATE regencies SET config = config WHERE id = ?', [REGENCY]),
    );
    const third = await liveSessionRow(spy, session.id, new Date());
    expect(seen[2]!.profile_regency).not.toBeNull();
    expect(third!.regency).toEqual(first!.regency);
  });
});
