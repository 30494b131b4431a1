import type { AuthUser } from '../../engine/app/authUser.ts';
import { runTaskCommand } from '../../engine/app/caseService.ts';
import { openDatabase } from '../../engine/storage/database.ts';
import type { PoolTask } from './loadClient.ts';
import { captureSql } from './scaleQueries.ts';
import type { ResultTable } from './types.ts';

/** The SQL one step completion sends (through the same service function the route calls), after the session lookup. */
export async function traceCompletion(url: string, regencyId: string, task: PoolTask): Promise<ResultTable> {
  const db = openDatabase({ kind: 'postgres', url });
  try {
    const row = (await db('users').where({ regency_id: regencyId }).whereRaw(`roles = ?::jsonb`, [JSON.stringify([task.role])]).first('id', 'regency_id', 'username', 'display_name', 'roles')) as { id: string; regency_id: string; username: string; display_name: string; roles: string[] };
    const user: AuthUser = { id: row.id, regencyId: row.regency_id, username: row.username, name: row.display_name, roles: row.roles };
    const body = task.walk.bodyByStep.get(task.stepId) ?? { formData: {}, checklist: {} };
    const statements = await captureSql(db, () => runTaskCommand(db, user, task.taskId, { type: 'complete', taskId: task.taskId, ...body }));
    return {
      title: `SQL statements of one step completion (${statements.length} from the service, plus 1 session lookup per request in the HTTP layer)`,
      header: ['#', 'statement'],
      rows: statements.map((s, i) => [i + 1, s.sql.replace(/\s+/g, ' ').slice(0, 160)]),
    };
  } finally {
    await db.destroy();
  }
}
