import { expect } from 'vitest';
import type { TaskState } from '../../engine/core/caseTypes.ts';
import type { ApiClient } from './apiClient.ts';
import { kutaiApplicant, permakananFirstStepChecklist } from './kutaiApplicant.ts';

/** What the case routes answer, as far as these walks read it. */
export interface WalkedCase {
  id: string;
  trackingCode: string;
  status: string;
  tasks: TaskState[];
}

/** The open tasks of a case answer. */
export const openTasks = (state: WalkedCase): TaskState[] => state.tasks.filter((t) => t.status === 'open');

/** Completes one task as a member of its role (Kutai Kartanegara), expecting 200. */
export async function completeAs(
  as: (role: string) => Promise<ApiClient>,
  task: TaskState,
  input: Record<string, unknown>,
): Promise<WalkedCase> {
  const response = await (await as(task.role)).post<WalkedCase>(`/api/tasks/${task.id}/complete`, input);
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return response.body;
}

/** A Kutai Kartanegara bantuan-permakanan case walked up to and including penetapan, the step that produces the SK. */
export async function permakananAtDecree(
  as: (role: string) => Promise<ApiClient>,
  fullName: string,
): Promise<WalkedCase> {
  const started = await (
    await as('staf-rehsos')
  ).post<WalkedCase>('/api/cases', { sopId: 'bantuan-permakanan', data: { ...kutaiApplicant, fullName } });
  expect(started.status, JSON.stringify(started.body)).toBe(201);
  let c = await completeAs(as, openTasks(started.body)[0]!, { checklist: permakananFirstStepChecklist });
  c = await completeAs(as, openTasks(c)[0]!, { checklist: { 'berkas-permohonan': true } });
  for (const task of openTasks(c))
    c = await completeAs(as, task, {
      checklist: { 'formulir-asesmen': true },
      formData: { assessmentDate: '2026-12-01', selfCareAbility: 'Tidak mampu', eligible: true },
    });
  return completeAs(as, openTasks(c)[0]!, { checklist: { 'draft-sk': true } });
}
