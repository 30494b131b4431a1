import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withSystemScope } from '../../engine/storage/regencyScope.ts';
import type { TaskState } from '../../engine/core/caseTypes.ts';
import { kutaiApplicant, permakananFirstStepChecklist } from '../support/kutaiApplicant.ts';
import { definitionsWithNotifications } from '../support/notificationStandIns.ts';
import { databaseLabel } from '../support/testDatabase.ts';
import { startTestServer, type TestServer } from '../support/testServer.ts';

const REGENCY = 'kutai-kartanegara';

type CaseBody = { id: string; tasks: TaskState[] };

// The outbox keeps only what someone will receive: a command's webhook batch is written when one of the
// regency's webhooks takes one of its event types (migration 034, engine/storage/notifications/outboxRows.ts).
describe(`the outbox writes a webhook batch only when a webhook takes it (${databaseLabel})`, () => {
  let test: TestServer;
  let definitions: string;

  beforeAll(async () => {
    definitions = definitionsWithNotifications(
      REGENCY,
      [
        `  webhooks:`,
        `    - { id: siks-lokal, url: "http://127.0.0.1:9/alur", secretEnv: ALUR_TEST_HOOK_SECRET, events: [case.started] }`,
        '',
      ].join('\n'),
    );
    test = await startTestServer({ definitionsDir: definitions });
  }, 120_000);
  afterAll(async () => {
    await test?.stop();
    if (definitions) rmSync(definitions, { recursive: true, force: true });
  });

  /** The outbox rows of a case, by audience. */
  async function outbox(caseId: string): Promise<Record<string, number>> {
    const rows = (await withSystemScope(test.server.db, (trx) =>
      trx('notifications').where({ case_id: caseId }).select('audience'),
    )) as Array<{ audience: string }>;
    const counts: Record<string, number> = {};
    for (const r of rows) counts[r.audience] = (counts[r.audience] ?? 0) + 1;
    return counts;
  }

  /** Sets the regency's webhook list in its stored config (undefined: no webhooks at all). */
  async function setWebhooks(webhooks: unknown[] | undefined): Promise<void> {
    await withSystemScope(test.server.db, (trx) =>
      trx.raw(
        webhooks === undefined
          ? `UPDATE regencies SET config = config #- '{notifications,webhooks}' WHERE id = ?`
          : `UPDATE regencies SET config = jsonb_set(config, '{notifications,webhooks}', ?::jsonb) WHERE id = ?`,
        webhooks === undefined ? [REGENCY] : [JSON.stringify(webhooks), REGENCY],
      ),
    );
  }

  async function openCase(): Promise<CaseBody> {
    const staff = await test.as(REGENCY, 'staf-rehsos');
    const response = await staff.post<CaseBody>('/api/cases', { sopId: 'bantuan-permakanan', data: kutaiApplicant });
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    return response.body;
  }

  async function completeFirstOpen(state: CaseBody, input: Record<string, unknown>): Promise<CaseBody> {
    const task = state.tasks.find((t) => t.status === 'open')!;
    const response = await (await test.as(REGENCY, task.role)).post<CaseBody>(`/api/tasks/${task.id}/complete`, input);
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    return response.body;
  }

  it('a webhook taking only case.started gets the opening batch and no batch for later steps; staff rows stay', async () => {
    const opened = await openCase();
    expect(await outbox(opened.id)).toEqual({ webhook: 1, staff: 1 });
    const after = await completeFirstOpen(opened, { checklist: permakananFirstStepChecklist });
    // The step's events (task.completed, step.completed, step.entered) are not taken: no second batch,
    // but the next role still hears of its task.
    expect(after.tasks.filter((t) => t.status === 'open').length).toBeGreaterThan(0);
    expect(await outbox(opened.id)).toEqual({ webhook: 1, staff: 2 });
  });

  it('follows the stored config: a webhook without an event list takes every batch, none takes none', async () => {
    await setWebhooks([{ id: 'semua', url: 'http://127.0.0.1:9/semua', secretEnv: 'ALUR_TEST_HOOK_SECRET' }]);
    const opened = await openCase();
    await completeFirstOpen(opened, { checklist: permakananFirstStepChecklist });
    expect(await outbox(opened.id)).toEqual({ webhook: 2, staff: 2 });

    await setWebhooks(undefined);
    const quiet = await openCase();
    await completeFirstOpen(quiet, { checklist: permakananFirstStepChecklist });
    expect(await outbox(quiet.id)).toEqual({ staff: 2 });
    const [regency] = (await test.server.db('regencies').where({ id: REGENCY }).select('webhooks')) as Array<{
      webhooks: unknown;
    }>;
    expect(regency?.webhooks).toBeNull();
  });
});
