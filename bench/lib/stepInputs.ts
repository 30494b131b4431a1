import { benchApplicant } from './benchApplicant.ts';
import type { Checklist } from '../../engine/core/caseTypes.ts';
import type { SopDefinition } from '../../engine/definition/sopTypes.ts';
import { planScenarios, type Scenario } from '../../engine/simulation/planScenarios.ts';
import { formDataFor, wantedFactsFrom } from '../../engine/simulation/scenarioData.ts';

/** What a user sends when completing one step: the API body, also the engine's complete command. */
export interface StepBody {
  formData: Record<string, unknown>;
  checklist: Checklist;
  choice?: string;
}

/** Precomputed inputs of one walk through the SOP: case data and the body of each step it visits. */
export interface WalkInputs {
  /** The scenario's name (e.g. "asesmen → Layak"). */
  name: string;
  branch: string;
  caseData: Record<string, unknown>;
  steps: Array<{ stepId: string; body: StepBody }>;
  bodyByStep: ReadonlyMap<string, StepBody>;
}

const SIM_NOW = new Date('2025-03-03T01:00:00Z');

function inputsOf(definition: SopDefinition, scenario: Scenario): WalkInputs {
  const steps = scenario.visits.map((visit, index) => {
    const step = definition.steps.find((s) => s.id === visit.stepId)!;
    const wanted = wantedFactsFrom(definition, scenario, index, SIM_NOW);
    const body: StepBody = {
      formData: step.form ? formDataFor(step.form.schema, wanted) : {},
      checklist: Object.fromEntries(step.requirements.map((r) => [r.doc, true])),
    };
    if (visit.branch !== undefined && step.decision?.mode === 'human') body.choice = visit.branch;
    return { stepId: step.id, body };
  });
  return {
    name: scenario.name,
    branch: scenario.visits.find((v) => v.branch !== undefined)?.branch ?? scenario.name,
    caseData: formDataFor(definition.caseData.schema, wantedFactsFrom(definition, scenario, 0, SIM_NOW)),
    steps,
    bodyByStep: new Map(steps.map((s) => [s.stepId, s.body])),
  };
}

/** One walk per branch of the SOP's decisions (e.g. Layak / Tidak layak), computed once. */
export function walkInputsPerBranch(definition: SopDefinition): WalkInputs[] {
  return planScenarios(definition)
    .filter((s) => s.name.includes('→'))
    .map((s) => inputsOf(definition, s));
}

/** One walk per distinct planned scenario (the happy path and each decision branch; identical walks once). */
export function walkInputsPerScenario(definition: SopDefinition): WalkInputs[] {
  const seen = new Set<string>();
  return planScenarios(definition)
    .filter((s) => {
      const key = s.visits.map((v) => `${v.stepId}:${v.branch ?? ''}`).join('/');
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .map((s) => inputsOf(definition, s));
}

/** Case data with a distinct applicant (name, NIK) for case number `i`, so registers and searches see varied rows. */
export function applicantVariant(caseData: Record<string, unknown>, i: number): Record<string, unknown> {
  // A structurally valid NIK (kecamatan 64.02.01, birth day 01–28 January 1980, serial 0001–9999), distinct up to 279,972 cases.
  const day = String(1 + (Math.floor(i / 9999) % 28)).padStart(2, '0');
  const nik = `640201${day}0180${String((i % 9999) + 1).padStart(4, '0')}`;
  return benchApplicant(caseData, `Penerima Tolok Ukur ${i}`, nik);
}
