import { parseDuration } from '../time/parseDuration.ts';
import { actorIdsOf } from './checks/checkActors.ts';
import { defaultNext } from './flowGraph.ts';
import { resolveTemplate } from './resolveTemplate.ts';
import type { ResolvedForms } from './resolveForms.ts';
import type {
  Actor,
  Output,
  RawOutput,
  RawRegency,
  RawSop,
  RawStep,
  Requirement,
  SopDefinition,
  Step,
} from './sopTypes.ts';

function normalizeOutputs(raw: RawStep['output'], regency: RawRegency): Output[] {
  const list: RawOutput[] = raw === undefined ? [] : Array.isArray(raw) ? raw : [raw];
  return list.map((o, i) => {
    if (typeof o === 'string') return { id: `output-${i + 1}`, name: o };
    const output: Output = { id: o.id, name: o.name };
    if (o.kind !== undefined) output.kind = o.kind;
    const template = o.template && resolveTemplate(o.template, regency);
    // The SOP names who initials its own letter (a shared regency template serves several units).
    if (template) output.template = o.initials ? { ...template, initials: o.initials } : template;
    return output;
  });
}

function normalizeRejection(sop: RawSop, regency: RawRegency): SopDefinition['rejectionLetter'] {
  const letter = sop.rejection?.letter;
  const template = letter && resolveTemplate(letter.template, regency);
  if (!letter || !template) return undefined;
  return {
    id: letter.id,
    name: letter.name,
    kind: 'letter',
    template: {
      ...template,
      ...(letter.initials ? { initials: letter.initials } : {}),
      ...(letter.signerRole ? { signerRole: letter.signerRole } : {}),
    },
  };
}

function normalizeRequirements(step: RawStep, sop: RawSop, regency: RawRegency): Requirement[] {
  const docs = [...(sop.documents ?? []), ...(regency.documentTypes ?? [])];
  const typeOf = (id: string) => docs.find((d) => d.id === id);
  return (step.requirements ?? []).map((r) => {
    if (typeof r !== 'string' && 'either' in r) {
      // "A atau B": one requirement, satisfied by any one of the listed documents.
      const either = r.either.map((id) => {
        const accepts = typeOf(id)?.accepts;
        return { doc: id, label: typeOf(id)?.label ?? id, ...(accepts ? { accepts } : {}) };
      });
      const requirement: Requirement = {
        doc: r.either[0]!,
        label: either.map((e) => e.label).join(' atau '),
        required: r.required ?? true,
        either,
      };
      if (r.note !== undefined) requirement.note = r.note;
      return requirement;
    }
    const raw = typeof r === 'string' ? { doc: r } : r;
    const type = typeOf(raw.doc);
    const requirement: Requirement = {
      doc: raw.doc,
      label: type?.label ?? raw.doc,
      // Equipment is a reminder for the officer, never a demand on the applicant.
      required: type?.kind === 'equipment' ? false : (raw.required ?? true),
    };
    if (type?.kind === 'equipment') requirement.kind = 'equipment';
    if (type?.accepts) requirement.accepts = type.accepts;
    if (raw.when && type?.kind !== 'equipment') requirement.when = raw.when;
    if (raw.note !== undefined) requirement.note = raw.note;
    return requirement;
  });
}

function actorModeOf(actor: RawStep['actor']): Step['actorMode'] {
  if (typeof actor === 'string') return 'single';
  if ('together' in actor) return 'together';
  if ('sequence' in actor) return 'sequence';
  return 'anyOf';
}

function normalizeStep(step: RawStep, index: number, sop: RawSop, regency: RawRegency, forms: ResolvedForms): Step {
  const { ids } = actorIdsOf(step.actor);
  const out: Step = {
    id: step.id,
    index,
    activity: step.activity,
    actorMode: actorModeOf(step.actor),
    actors: ids,
    requirements: normalizeRequirements(step, sop, regency),
    outputs: normalizeOutputs(step.output, regency),
    clock: step.clock ?? sop.clock ?? 'office',
  };
  if (typeof step.actor !== 'string' && 'together' in step.actor) out.decidedBy = step.actor.decidedBy ?? ids[0]!;
  if (step.kind === 'service' && step.service) out.service = step.service;
  const form = forms.steps.get(step.id);
  if (form) out.form = form;
  if (step.time !== undefined) {
    out.timeText = step.time;
    const parsed = parseDuration(step.time);
    if (parsed.kind === 'duration') out.time = parsed.duration;
  }
  if (step.notes !== undefined) out.notes = step.notes;
  if (step.end !== undefined) out.end = step.end;
  else if (step.parallel) out.parallel = { branches: [...step.parallel.branches], join: step.parallel.join };
  else if (step.forEach) out.forEach = { ...step.forEach };
  else if (step.decision) {
    const mode = step.decision.branches.some((b) => b.when !== undefined) ? 'rule' : 'human';
    out.decision = { mode, branches: step.decision.branches };
    if (step.decision.question !== undefined) out.decision.question = step.decision.question;
  } else out.next = step.next ?? defaultNext(sop.steps, index);
  if (step.sendBack) out.sendBack = step.sendBack;
  if (step.provenance) out.provenance = step.provenance;
  return out;
}

/** Builds the executable definition from a raw SOP that passed every check. */
export function normalizeSop(sop: RawSop, regency: RawRegency, forms: ResolvedForms): SopDefinition {
  // caseData and forms are dropped: the normalised definition carries them resolved.
  const { actors, steps, caseData: _caseData, forms: _forms, rejection: _rejection, ...rest } = sop;
  const normalizedActors: Actor[] = actors.map((a) => ({
    id: a.id,
    name: a.name,
    external: a.external === true,
    performerRole: (a.external === true ? a.recordedBy : a.role) ?? '',
  }));
  const definition: SopDefinition = {
    ...rest,
    actors: normalizedActors,
    steps: steps.map((s, i) => normalizeStep(s, i, sop, regency, forms)),
    caseData: forms.caseData,
  };
  const rejectionLetter = normalizeRejection(sop, regency);
  if (rejectionLetter) definition.rejectionLetter = rejectionLetter;
  const durationText = sop.serviceStandard?.duration;
  if (durationText !== undefined) {
    const parsed = parseDuration(durationText);
    if (parsed.kind === 'duration') definition.duration = parsed.duration;
  }
  return definition;
}
