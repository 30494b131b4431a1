import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import type { SopDefinition, Step } from '../definition/sopTypes.ts';
import { compileCondition, type CompiledCondition } from './rules/evaluateCondition.ts';
import { factsOfCondition } from './rules/factsOfCondition.ts';

const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;

/** A definition prepared for execution: lookups, form validators and rules compiled once per version. */
export interface ExecutableSop {
  definition: SopDefinition;
  stepById: ReadonlyMap<string, Step>;
  caseDataValidator: ValidateFunction;
  formValidators: ReadonlyMap<string, ValidateFunction>;
  /** Compiled `when` of each branch, per step id (undefined for otherwise/human branches). */
  branchConditions: ReadonlyMap<string, Array<CompiledCondition | undefined>>;
  /** Compiled `when` of conditional requirements, keyed `stepId/doc`. */
  requirementConditions: ReadonlyMap<string, CompiledCondition>;
  eligibility: Array<{ id: string; text: string; condition: CompiledCondition; facts: string[] }>;
}

function createFormAjv(): Ajv2020 {
  const ajv = new Ajv2020({ allErrors: true, strict: false, coerceTypes: false, useDefaults: false });
  addFormats(ajv);
  return ajv;
}

/** Compiles a normalised definition once; the result is shared by every case of that version. */
export function compileSop(definition: SopDefinition): ExecutableSop {
  const ajv = createFormAjv();
  const formValidators = new Map<string, ValidateFunction>();
  const branchConditions = new Map<string, Array<CompiledCondition | undefined>>();
  const requirementConditions = new Map<string, CompiledCondition>();
  for (const step of definition.steps) {
    if (step.form) formValidators.set(step.id, ajv.compile(step.form.schema));
    if (step.decision)
      branchConditions.set(
        step.id,
        step.decision.branches.map((b) => (b.when ? compileCondition(b.when) : undefined)),
      );
    for (const r of step.requirements)
      if (r.when) requirementConditions.set(`${step.id}/${r.doc}`, compileCondition(r.when));
  }
  return {
    definition,
    stepById: new Map(definition.steps.map((s) => [s.id, s])),
    caseDataValidator: ajv.compile(definition.caseData.schema),
    formValidators,
    branchConditions,
    requirementConditions,
    eligibility: (definition.eligibility?.criteria ?? []).map((c) => ({
      id: c.id,
      text: c.text,
      condition: compileCondition(c.rule),
      facts: [...factsOfCondition(c.rule, new Set())],
    })),
  };
}
