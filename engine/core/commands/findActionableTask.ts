import type { CaseState, EngineContext, EngineError, TaskState } from '../caseTypes.ts';

/** Finds an open task the acting user may work on: by role, or as its assignee. */
export function findActionableTask(
  state: CaseState,
  taskId: string,
  context: EngineContext,
): { task: TaskState } | { error: EngineError } {
  if (state.status !== 'open' && state.status !== 'waiting')
    return {
      error: {
        code: 'CASE_NOT_OPEN',
        message: 'Kasus ini sudah selesai atau dibatalkan; tidak ada lagi yang dapat dikerjakan.',
      },
    };
  const task = state.tasks.find((x) => x.id === taskId);
  if (!task)
    return { error: { code: 'TASK_NOT_FOUND', message: 'Tugas tidak ditemukan pada kasus ini.', path: '/taskId' } };
  if (task.status !== 'open')
    return {
      error: {
        code: 'TASK_NOT_OPEN',
        message:
          'Tugas ini sudah diselesaikan atau dibatalkan oleh orang lain. Muat ulang halaman untuk melihat keadaan terbaru.',
      },
    };
  const allowed =
    task.assignee !== undefined
      ? task.assignee === context.by.userId || task.assignee === context.by.onBehalfOf?.userId
      : context.by.roles.includes(task.role);
  if (!allowed) return { error: { code: 'NOT_YOUR_TASK', message: 'Tugas ini bukan untuk peran atau akun Anda.' } };
  return { task };
}
