import type { CaseState } from '../../engine/core/caseTypes.ts';
import type { CaseEvent } from '../../engine/core/events.ts';
import type { CaseDriver } from '../../engine/simulation/caseDriver.ts';
import type { ApiClient, ApiResponse } from './apiClient.ts';

type CaseBody = CaseState & { id: string; currentStepId: string | null };

function toState(response: ApiResponse, what: string): CaseState {
  if (response.status >= 300) throw new Error(`${what}: HTTP ${response.status} ${JSON.stringify(response.body)}`);
  const body = response.body as unknown as CaseBody;
  return { ...body, currentStepId: body.currentStepId ?? undefined };
}

/** Drives scenarios through the HTTP API, signing in as the demo user of each task's role. */
export function apiDriver(
  regency: string,
  sopId: string,
  firstRole: string,
  as: (regency: string, role: string) => Promise<ApiClient>,
): CaseDriver & { caseId: () => string } {
  let caseId = '';
  return {
    caseId: () => caseId,
    start: async (data) => {
      const client = await as(regency, firstRole);
      const state = toState(await client.post('/api/cases', { sopId, data }), `open ${sopId}`);
      caseId = state.id;
      return state;
    },
    // A step command answers only where the case stands; the state with its data is read back as the app does.
    complete: async (task, input) => {
      const client = await as(regency, task.role);
      toState(await client.post(`/api/tasks/${task.id}/complete`, input), `complete ${task.id}`);
      return toState(await client.get(`/api/cases/${caseId}`), `read ${caseId}`);
    },
    sendBack: async (task, reason) => {
      const client = await as(regency, task.role);
      toState(await client.post(`/api/tasks/${task.id}/send-back`, { reason }), `send back ${task.id}`);
      return toState(await client.get(`/api/cases/${caseId}`), `read ${caseId}`);
    },
    events: async () => {
      const client = await as(regency, firstRole);
      const response = await client.get<{ events: CaseEvent[] }>(`/api/cases/${caseId}/timeline`);
      return response.body.events;
    },
  };
}
