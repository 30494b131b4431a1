import type { CaseState, Checklist } from '../core/caseTypes.ts';
import type { CaseEvent } from '../core/events.ts';

/** What a scenario walk needs from wherever cases run: the pure engine in memory, or the HTTP API. */
export interface CaseDriver {
  start: (data: Record<string, unknown>) => Promise<CaseState>;
  complete: (
    task: { id: string; role: string },
    input: {
      formData: Record<string, unknown>;
      checklist: Checklist;
      choice?: string;
      note?: string;
      overrideReason?: string;
    },
  ) => Promise<CaseState>;
  sendBack: (task: { id: string; role: string }, reason: string) => Promise<CaseState>;
  /** Events so far (for the branch and clock assertions). */
  events: () => Promise<CaseEvent[]>;
}
