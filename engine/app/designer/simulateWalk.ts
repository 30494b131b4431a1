import type { WorkingCalendar } from '../../calendar/workingCalendar.ts';
import { applyCommand } from '../../core/applyCommand.ts';
import type { CaseState, EngineContext } from '../../core/caseTypes.ts';
import { isEventOf, type CaseEvent } from '../../core/events.ts';
import { compileSop } from '../../core/compileSop.ts';
import type { SopDefinition } from '../../definition/sopTypes.ts';
import type { Scenario } from '../../simulation/planScenarios.ts';
import { formDataFor, wantedFactsFrom } from '../../simulation/scenarioData.ts';

/** A decision as the engine took it, with the Indonesian "why" of every rule it checked. */
export interface SimulatedDecision {
  question: string | null;
  chosen: string;
  mode: 'rule' | 'human';
  branches: Array<{ label: string; passed: boolean; explanations: string[] }>;
}

/** One step of the simulated walk with its deadline on the regency calendar. */
export interface SimulatedVisit {
  stepId: string;
  activity: string;
  actors: string[];
  enteredAt: string;
  dueAt: string | null;
  decision: SimulatedDecision | null;
}

/** The whole walk: steps, the case deadline (Jangka Waktu), eligibility and how it ended. */
export interface SimulationResult {
  visits: SimulatedVisit[];
  caseDueAt: string | null;
  finishedAt: string | null;
  outcome: string | null;
  eligibility: CaseState['eligibility'] | null;
  error: string | null;
}

/** What to walk with: case data, the planned scenario steering step forms, and human choices. */
export interface SimulationInput {
  caseData: Record<string, unknown>;
  scenario?: Scenario;
  choices?: Record<string, string>;
  start?: Date;
  maxSteps?: number;
}

function decisionOf(events: CaseEvent[], stepId: string): SimulatedDecision | null {
  const atStep = events.filter((e) => e.stepId === stepId);
  const evaluated = atStep.find(isEventOf('decision.evaluated'));
  if (evaluated) {
    const p = evaluated.payload;
    const branches = p.branches.map((b) => ({ label: b.label, passed: b.passed, explanations: b.explanations ?? [] }));
    return { question: p.question, chosen: p.chosen, mode: 'rule', branches };
  }
  const taken = atStep.find(isEventOf('decision.taken'));
  if (!taken) return null;
  return { question: taken.payload.question, chosen: taken.payload.label, mode: 'human', branches: [] };
}

/**
 * Walks an SOP in memory through the pure engine with the given case data: at each step every lane
 * completes (with sample form data steered by the scenario), each step taking its full Baku Mutu time,
 * so the deadlines shown are the latest the regency calendar allows. Refusals end the walk with a message.
 */
export async function simulateWalk(
  definition: SopDefinition,
  calendar: WorkingCalendar,
  input: SimulationInput,
): Promise<SimulationResult> {
  const exe = compileSop(definition);
  const roles = [...new Set(definition.actors.map((a) => a.performerRole))];
  let now = input.start ?? new Date();
  const context = (): EngineContext => ({ now, calendar, by: { userId: 'simulasi', name: 'Simulasi', roles } });
  const result: SimulationResult = {
    visits: [],
    caseDueAt: null,
    finishedAt: null,
    outcome: null,
    eligibility: null,
    error: null,
  };
  const started = await applyCommand(
    exe,
    undefined,
    { type: 'start', caseId: 'simulasi', data: input.caseData },
    context(),
  );
  if (!started.ok)
    return {
      ...result,
      error: [started.error.message, ...(started.error.details ?? []).map((d) => `${d.path}: ${d.message}`)].join(' '),
    };
  let state = started.state;
  result.caseDueAt = state.dueAt ?? null;
  let planIndex = 0;
  for (let n = 0; n < (input.maxSteps ?? 60) && (state.status === 'open' || state.status === 'waiting'); n++) {
    const step = exe.stepById.get(state.currentStepId ?? '');
    if (!step) break;
    const open = state.tasks.filter((t) => t.stepId === step.id && t.status === 'open');
    const visit: SimulatedVisit = {
      stepId: step.id,
      activity: step.activity,
      actors: open.map((t) => definition.actors.find((a) => a.id === t.actorId)?.name ?? t.actorId),
      enteredAt: now.toISOString(),
      dueAt:
        open
          .map((t) => t.dueAt ?? '')
          .sort()
          .pop() || null,
      decision: null,
    };
    const planned = input.scenario?.visits.findIndex((v, i) => i >= planIndex && v.stepId === step.id) ?? -1;
    if (planned >= 0) planIndex = planned;
    const wanted = input.scenario && planned >= 0 ? wantedFactsFrom(definition, input.scenario, planned, now) : {};
    const choice =
      input.choices?.[step.id] ??
      (planned >= 0 ? input.scenario!.visits[planned]!.branch : undefined) ??
      step.decision?.branches[0]?.label;
    if (visit.dueAt) now = new Date(Math.max(now.getTime() + 60_000, Date.parse(visit.dueAt)));
    else now = new Date(now.getTime() + 10 * 60_000);
    const events: CaseEvent[] = [];
    for (const task of step.actorMode === 'anyOf' ? open.slice(0, 1) : open) {
      const formData = step.form
        ? formDataFor(step.form.schema, { ...wanted, ...pick(input.caseData, step.form.schema.properties) })
        : {};
      const checklist = Object.fromEntries(step.requirements.map((r) => [r.doc, true]));
      const done = await applyCommand(
        exe,
        state,
        {
          type: 'complete',
          taskId: task.id,
          formData,
          checklist,
          ...(step.decision?.mode === 'human' && choice !== undefined ? { choice } : {}),
          // A walk down a granting branch with failed Kriteria Sasaran records why, as staff must (the timeline shows it).
          ...(step.decision ? { overrideReason: 'Simulasi: melanjutkan meski kriteria sasaran tidak terpenuhi' } : {}),
        },
        context(),
      );
      if (!done.ok) {
        result.visits.push(visit);
        return { ...result, error: `${step.activity}: ${done.error.message}` };
      }
      state = done.state;
      events.push(...done.events);
    }
    visit.decision = decisionOf(events, step.id);
    result.visits.push(visit);
  }
  result.outcome = state.outcome ?? null;
  result.finishedAt = state.closedAt ?? null;
  result.eligibility = state.eligibility ?? null;
  result.caseDueAt = state.dueAt ?? result.caseDueAt;
  return result;
}

/** Values the drafter typed for fields a step form also asks for (so their sample data wins). */
function pick(data: Record<string, unknown>, properties: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(data).filter(([key]) => key in properties));
}
