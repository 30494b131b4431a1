import { join } from 'node:path';
import type { Knex } from 'knex';
import { buildWorkingCalendar } from '../../engine/calendar/workingCalendar.ts';
import { compileSop } from '../../engine/core/compileSop.ts';
import { loadDefinitionPaths } from '../../engine/files/loadDefinitionFiles.ts';
import { BENCH_REGENCY, repoRoot } from './benchSop.ts';
import { captureStages, PLACEHOLDER, type StageTemplate } from './caseTemplates.ts';
import { walkInputsPerScenario } from './stepInputs.ts';

/** One template walk: a real SOP of the regency walked through the engine along one scenario. */
export interface TemplateWalk {
  walkNo: number;
  sopId: string;
  stages: StageTemplate[];
}

/** The regency folder whose real SOPs the scale data is made of. */
export const scaleRegencyDir = join(repoRoot, 'sop-definitions', BENCH_REGENCY);

/** Walks every SOP of the regency along every scenario, keeping the case after each command. */
export async function buildTemplateWalks(): Promise<TemplateWalk[]> {
  const loaded = loadDefinitionPaths([scaleRegencyDir], scaleRegencyDir);
  const folder = loaded.folders[0]!;
  const calendar = buildWorkingCalendar(folder.regency!.calendar, folder.regency!.id);
  const walks: TemplateWalk[] = [];
  for (const sop of folder.sops) {
    if (!sop.definition || sop.definition.status !== 'published') continue;
    const exe = compileSop(sop.definition);
    for (const walk of walkInputsPerScenario(sop.definition))
      walks.push({ walkNo: walks.length, sopId: sop.definition.id, stages: await captureStages(exe, calendar, walk) });
  }
  return walks;
}

const minutesAfter = (opened: string, iso: string | undefined): number | null =>
  iso === undefined ? null : Math.round((Date.parse(iso) - Date.parse(opened)) / 60_000);

/** Stores the template walks in tpl_* tables of the scale database, in the exact shapes the generator copies. */
export async function storeTemplates(
  db: Knex,
  walks: readonly TemplateWalk[],
  versionIdBySop: ReadonlyMap<string, number>,
): Promise<void> {
  await db.raw(
    `CREATE TABLE tpl_walk (walk_no int PRIMARY KEY, sop_id text NOT NULL, version_id bigint NOT NULL, n_stages int NOT NULL)`,
  );
  await db.raw(
    `CREATE TABLE tpl_stage (walk_no int, stage int, status text, current_step text, revision int, state_text text, updated_min int, due_min int, closed_min int, n_events int, PRIMARY KEY (walk_no, stage))`,
  );
  await db.raw(
    `CREATE TABLE tpl_task (walk_no int, stage int, task_suffix text, step_id text, actor_id text, role text, status text, assignee text, created_min int, due_min int, completed_min int)`,
  );
  await db.raw(
    `CREATE TABLE tpl_event (walk_no int, seq int, type text, at_min int, user_id text, user_name text, step_id text, task_suffix text, payload_text text, has_placeholder boolean, PRIMARY KEY (walk_no, seq))`,
  );
  for (const walk of walks) {
    const last = walk.stages[walk.stages.length - 1]!;
    const opened = last.state.openedAt;
    await db('tpl_walk').insert({
      walk_no: walk.walkNo,
      sop_id: walk.sopId,
      version_id: versionIdBySop.get(walk.sopId),
      n_stages: walk.stages.length,
    });
    await db('tpl_stage').insert(
      walk.stages.map((s) => ({
        walk_no: walk.walkNo,
        stage: s.commands,
        status: s.state.status,
        current_step: s.state.currentStepId ?? null,
        revision: s.state.revision,
        state_text: JSON.stringify(s.state),
        updated_min: s.minutes,
        due_min: minutesAfter(opened, s.state.dueAt),
        closed_min: minutesAfter(opened, s.state.closedAt),
        n_events: s.events.length,
      })),
    );
    await db('tpl_task').insert(
      walk.stages.flatMap((s) =>
        s.state.tasks.map((t) => ({
          walk_no: walk.walkNo,
          stage: s.commands,
          task_suffix: t.id.slice(PLACEHOLDER.caseId.length),
          step_id: t.stepId,
          actor_id: t.actorId,
          role: t.role,
          status: t.status,
          assignee: t.assignee ?? null,
          created_min: minutesAfter(opened, t.createdAt),
          due_min: minutesAfter(opened, t.dueAt),
          completed_min: minutesAfter(opened, t.completedAt),
        })),
      ),
    );
    await db('tpl_event').insert(
      last.events.map((e) => {
        const payload = JSON.stringify(e.payload);
        return {
          walk_no: walk.walkNo,
          seq: e.seq,
          type: e.type,
          at_min: minutesAfter(opened, e.at),
          user_id: e.by.userId,
          user_name: e.by.name,
          step_id: e.stepId ?? null,
          task_suffix: e.taskId?.slice(PLACEHOLDER.caseId.length) ?? null,
          payload_text: payload,
          has_placeholder: payload.includes(PLACEHOLDER.caseId),
        };
      }),
    );
  }
}
