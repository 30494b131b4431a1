import type { CaseState } from '../core/caseTypes.ts';
import { isEnding } from '../definition/flowGraph.ts';
import type { SopDefinition, Step } from '../definition/sopTypes.ts';
import type { CaseDriver } from './caseDriver.ts';
import { formDataFor } from './scenarioData.ts';

/** A decision taken by hand inside a block goes on towards the join rather than to an ending. */
function choiceInBlock(step: Step): { choice?: string } {
  if (step.decision?.mode !== 'human') return {};
  const onward = step.decision.branches.find((b) => !isEnding(b.goto)) ?? step.decision.branches[0]!;
  return { choice: onward.label };
}

/**
 * Works through an open parallel or per-person block: completes every open task of every branch and
 * person (each lane of joint and sequence rows too) until the block's join step opens. Throws if a
 * command is refused or the block does not close within a generous number of commands.
 */
export async function walkBlock(definition: SopDefinition, driver: CaseDriver, start: CaseState): Promise<CaseState> {
  let state = start;
  for (let guard = 0; (state.blocks ?? []).length > 0; guard++) {
    if (guard > 500) throw new Error(`block at ${state.currentStepId ?? '?'} did not reach its join`);
    const task = state.tasks.find((t) => t.status === 'open' && (t.branch !== undefined || t.item !== undefined));
    if (!task) break;
    const step = definition.steps.find((s) => s.id === task.stepId)!;
    state = await driver.complete(task, {
      formData: step.form ? formDataFor(step.form.schema, {}) : {},
      checklist: Object.fromEntries(step.requirements.map((r) => [r.doc, true])),
      ...choiceInBlock(step),
      ...(step.service ? { note: 'Simulasi: layanan tidak dipanggil, hasil dicatat manual' } : {}),
      ...(step.decision ? { overrideReason: 'Simulasi: melanjutkan meski kriteria sasaran tidak terpenuhi' } : {}),
    });
  }
  return state;
}
