import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openScheduledCases } from '../../engine/app/scheduledStarts.ts';
import type { CaseEvent } from '../../engine/core/events.ts';
import { openDatabase } from '../../engine/storage/database.ts';
import { withSystemScope } from '../../engine/storage/regencyScope.ts';
import { databaseLabel } from '../support/testDatabase.ts';
import { startTestServer, type TestServer } from '../support/testServer.ts';

// Bangkalan's monthly staff report with its schedule, published (the pack keeps it a draft until the
// drafter confirms the schedule): the job must open exactly one case per month, for the month before.
const source = join(import.meta.dirname, '../../sop-definitions/bangkalan');
const folder = mkdtempSync(join(tmpdir(), 'alur-schedule-'));
const regencyDir = join(folder, 'bangkalan');
cpSync(join(source, 'regency.yaml'), join(regencyDir, 'regency.yaml'), { recursive: true });
writeFileSync(
  join(regencyDir, 'laporan-bulanan-pegawai.yaml'),
  readFileSync(join(source, 'laporan-bulanan-pegawai.yaml'), 'utf8').replace('status: draft', 'status: published'),
);

describe(`scheduled SOPs open their own cases (${databaseLabel})`, () => {
  let test: TestServer;
  beforeAll(async () => {
    test = await startTestServer({ definitionsDir: folder });
  }, 120_000);
  afterAll(async () => {
    await test?.stop();
    rmSync(folder, { recursive: true, force: true });
  });

  it('nothing before the cycle opens; then one case per month however many processes run the job', async () => {
    const before = await withSystemScope(test.server.db, (trx) =>
      openScheduledCases(trx, new Date('2026-11-01T05:00:00Z')),
    );
    expect(before).toEqual({ opened: [], failed: [] });

    const at = new Date('2026-12-01T02:00:00Z');
    const target = test.target;
    const extra = target.kind === 'postgres' ? [openDatabase(target), openDatabase(target)] : [];
    try {
      const turns = await Promise.all(
        [test.server.db, test.server.db, ...extra].map((db) =>
          withSystemScope(db, (trx) => openScheduledCases(trx, at)),
        ),
      );
      const opened = turns.flatMap((t) => t.opened);
      expect(opened).toHaveLength(1);
      expect(opened[0]).toMatchObject({
        regencyId: 'bangkalan',
        sopId: 'laporan-bulanan-pegawai',
        runKey: 'month:2026-12',
      });
      expect(turns.flatMap((t) => t.failed)).toEqual([]);
    } finally {
      await Promise.all(extra.map((db) => db.destroy()));
    }
    const later = await withSystemScope(test.server.db, (trx) =>
      openScheduledCases(trx, new Date('2026-12-15T03:00:00Z')),
    );
    expect(later.opened).toEqual([]);

    // The report's task is in the Pengelola Kepegawaian's inbox, for November 2026, opened by the schedule.
    const staff = await test.as('bangkalan', 'pengelola-kepegawaian');
    const inbox = await staff.get<{ items: Array<{ caseId: string; sopId: string; stepId: string }> }>(
      '/api/tasks/inbox',
    );
    const item = inbox.body.items.find((i) => i.sopId === 'laporan-bulanan-pegawai');
    expect(item?.stepId).toBe('rekapitulasi');
    const detail = await staff.get<{ data: Record<string, unknown> }>(`/api/cases/${item!.caseId}`);
    expect(detail.body.data).toMatchObject({ reportMonth: 'November', reportYear: 2026 });
    const timeline = await staff.get<{ events: CaseEvent[] }>(`/api/cases/${item!.caseId}/timeline`);
    const started = timeline.body.events.find((e) => e.type === 'case.started');
    expect(started?.by.name).toBe('Jadwal otomatis Alur');

    // January opens the December report, a new case.
    const january = await withSystemScope(test.server.db, (trx) =>
      openScheduledCases(trx, new Date('2027-01-04T02:00:00Z')),
    );
    expect(january.opened.map((o) => o.runKey)).toEqual(['month:2027-01']);
  });
});
