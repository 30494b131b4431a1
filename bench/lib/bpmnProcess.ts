import { EventEmitter } from 'node:events';
import { Engine } from 'bpmn-engine';
import * as Elements from 'bpmn-elements';
import BpmnModdle from 'bpmn-moddle';
import serializer, { TypeResolver } from 'moddle-context-serializer';
import type { RuleCondition, SopDefinition, Step } from '../../engine/definition/sopTypes.ts';
import type { WalkInputs } from './stepInputs.ts';

/** A case's facts as the BPMN run sees them: process variables (case data) plus user-task output. */
type Facts = Record<string, unknown>;

const ENDINGS = new Set(['selesai', 'ditolak', 'dirujuk']);

function targetId(goto: string): string {
  return ENDINGS.has(goto) ? `end-${goto}` : goto;
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Evaluates the SOP's rule condition in plain JavaScript (the cheapest possible condition for bpmn-engine). */
function predicate(condition: RuleCondition): (facts: Facts) => boolean {
  if ('all' in condition) {
    const parts = condition.all.map(predicate);
    return (f) => parts.every((p) => p(f));
  }
  if ('any' in condition) {
    const parts = condition.any.map(predicate);
    return (f) => parts.some((p) => p(f));
  }
  if ('not' in condition) {
    const inner = predicate(condition.not);
    return (f) => !inner(f);
  }
  const { fact, operator, value } = condition;
  switch (operator) {
    case 'equal':
      return (f) => f[fact] === value;
    case 'notEqual':
      return (f) => f[fact] !== value;
    case 'greaterThan':
      return (f) => Number(f[fact]) > Number(value);
    case 'lessThan':
      return (f) => Number(f[fact]) < Number(value);
    default:
      throw new Error(`operator ${operator} not mapped to BPMN in the benchmark`);
  }
}

function stepXml(step: Step, services: Map<string, (facts: Facts) => boolean>): string[] {
  const parts = [`<userTask id="${step.id}" name="${escapeXml(step.activity.slice(0, 80))}"/>`];
  if (step.end !== undefined)
    return [...parts, `<sequenceFlow id="f-${step.id}" sourceRef="${step.id}" targetRef="${targetId(step.end)}"/>`];
  if (!step.decision)
    return [...parts, `<sequenceFlow id="f-${step.id}" sourceRef="${step.id}" targetRef="${targetId(step.next!)}"/>`];
  const gateway = `gw-${step.id}`;
  const otherwise = step.decision.branches.findIndex((b) => b.otherwise === true);
  parts.push(
    `<exclusiveGateway id="${gateway}"${otherwise >= 0 ? ` default="f-${gateway}-${otherwise}"` : ''}/>`,
    `<sequenceFlow id="f-${step.id}" sourceRef="${step.id}" targetRef="${gateway}"/>`,
  );
  step.decision.branches.forEach((branch, i) => {
    const flow = `f-${gateway}-${i}`;
    if (!branch.when) {
      parts.push(`<sequenceFlow id="${flow}" sourceRef="${gateway}" targetRef="${targetId(branch.goto)}"/>`);
      return;
    }
    const service = `cond_${step.id.replace(/-/g, '_')}_${i}`;
    services.set(service, predicate(branch.when));
    parts.push(
      `<sequenceFlow id="${flow}" sourceRef="${gateway}" targetRef="${targetId(branch.goto)}"><conditionExpression xsi:type="tFormalExpression">\${environment.services.${service}()}</conditionExpression></sequenceFlow>`,
    );
  });
  return parts;
}

/** The BPMN 2.0 equivalent of an SOP: one user task per step, an exclusive gateway per decision, an end event per ending. */
export function bpmnOf(definition: SopDefinition): { xml: string; conditions: Map<string, (facts: Facts) => boolean> } {
  const services = new Map<string, (facts: Facts) => boolean>();
  const body = [
    `<startEvent id="start"/>`,
    `<sequenceFlow id="f-start" sourceRef="start" targetRef="${definition.steps[0]!.id}"/>`,
  ];
  for (const step of definition.steps) body.push(...stepXml(step, services));
  for (const ending of ENDINGS) body.push(`<endEvent id="end-${ending}"/>`);
  const xml = `<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="def-${definition.id}" targetNamespace="http://alur.local/bench">
<process id="p-${definition.id}" isExecutable="true">
${body.join('\n')}
</process>
</definitions>`;
  return { xml, conditions: services };
}

/** Minimal view of a waiting bpmn-engine activity. */
interface WaitApi {
  id: string;
  environment: { output: Facts; variables: Facts };
  signal: (payload: unknown) => void;
}

/** A BPMN process parsed once (as bpmn-engine recommends for repeated runs), ready to run cases. */
export interface BpmnRunner {
  /** Runs one case to its end: signals every user task with the step's body; returns the user tasks visited. */
  runCase: (walk: WalkInputs) => Promise<string[]>;
}

/** Parses and serialises the SOP's BPMN once; each case then gets a fresh Engine on the shared context. */
export async function bpmnRunner(definition: SopDefinition): Promise<BpmnRunner> {
  const { xml, conditions } = bpmnOf(definition);
  const moddleContext = await new BpmnModdle().fromXML(xml);
  const sourceContext = serializer(moddleContext, TypeResolver(Elements as unknown as Record<string, unknown>));
  const services = Object.fromEntries(
    [...conditions].map(([name, test]) => [
      name,
      (scope: { environment: { output: Facts; variables: Facts } }) =>
        test({ ...scope.environment.variables, ...scope.environment.output }),
    ]),
  );
  return {
    runCase: async (walk) => {
      const visited: string[] = [];
      const listener = new EventEmitter();
      listener.on('wait', (api: WaitApi) => {
        visited.push(api.id);
        const body = walk.bodyByStep.get(api.id);
        // Like Alur merging form data into the case: the task's output becomes facts for later gateways.
        if (body) Object.assign(api.environment.output, body.formData);
        api.signal({ form: body?.formData ?? {}, checklist: body?.checklist ?? {} });
      });
      const engine = new Engine({ name: 'bench', sourceContext, services, variables: { ...walk.caseData } });
      const ended = engine.waitFor('end');
      await engine.execute({ listener });
      await ended;
      return visited;
    },
  };
}
