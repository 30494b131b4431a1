import { parse } from 'yaml';
import type { ForEachBlock, ParallelBlock, RuleCondition } from '../../../engine/definition/sopTypes.ts';

/** One pelaksana column of the SOP table. */
export interface TableLane {
  id: string;
  name: string;
  /** Staff role doing the lane's steps, or the role recording an outside party's steps. */
  role?: string;
  external: boolean;
}

/** Ya/Tidak of a decision row: where each answer goes, and the rule choosing Ya (none: staff choose). */
export interface TableDecision {
  question: string;
  yes: string;
  no: string;
  when?: RuleCondition;
}

/** Output of a row: a name, or a numbered letter from a regency template. */
export type TableOutput = { kind: 'text'; text: string } | { kind: 'letter'; name: string; template: string };

/** One row of the SOP table: a step. */
export interface TableRow {
  id: string;
  activity: string;
  /** Lanes marked in this row; several = a joint step. */
  lanes: string[];
  requirements: string[];
  time: string;
  output: TableOutput | undefined;
  notes: string;
  decision: TableDecision | undefined;
  end: string | undefined;
  hasForm: boolean;
  /** A fork: the first steps of its branches and the join step. */
  parallel: ParallelBlock | undefined;
  /** Work per beneficiary: the case-data list, the label field, the first step done per person and the join. */
  forEach: ForEachBlock | undefined;
}

/** A case-data field holding a list of people (array of objects), with the fields of each person. */
export interface TableList {
  id: string;
  title: string;
  fields: Array<{ id: string; title: string }>;
}

/** The SOP as its official table (PermenPANRB 35/2012): lanes as columns, steps as rows. */
export interface SopTable {
  lanes: TableLane[];
  rows: TableRow[];
  /** Document types defined by this SOP itself (`documents:`), beside the regency's. */
  documents: Array<{ id: string; label: string }>;
  /** Case-data lists a per-person block can go over. */
  lists: TableList[];
}

type Obj = Record<string, unknown>;

function isObj(value: unknown): value is Obj {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function str(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function lanesOf(actor: unknown): string[] {
  if (typeof actor === 'string') return [actor];
  if (isObj(actor)) {
    const list = actor.together ?? actor.anyOf ?? actor.sequence;
    if (Array.isArray(list)) return list.filter((a): a is string => typeof a === 'string');
  }
  return [];
}

function requirementIds(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return value.map((r) => (typeof r === 'string' ? r : isObj(r) ? str(r.doc) : '')).filter((r) => r.length > 0);
}

function outputOf(value: unknown): TableOutput | undefined {
  if (typeof value === 'string') return { kind: 'text', text: value };
  const first = Array.isArray(value) ? (value[0] as unknown) : value;
  if (typeof first === 'string') return { kind: 'text', text: first };
  if (!isObj(first)) return undefined;
  const template = isObj(first.template) ? str(first.template.$ref).replace(/^regency#\/letterTemplates\//, '') : '';
  return template !== ''
    ? { kind: 'letter', name: str(first.name), template }
    : { kind: 'text', text: str(first.name) };
}

function decisionOf(value: unknown): TableDecision | undefined {
  if (!isObj(value) || !Array.isArray(value.branches)) return undefined;
  const branches = value.branches.filter(isObj);
  const yes = branches.find((b) => /^ya$/i.test(str(b.label))) ?? branches[0];
  const no = branches.find((b) => b !== yes && /^tidak$/i.test(str(b.label))) ?? branches.find((b) => b !== yes);
  const decision: TableDecision = { question: str(value.question), yes: str(yes?.goto), no: str(no?.goto) };
  if (isObj(yes?.when)) decision.when = yes.when as RuleCondition;
  return decision;
}

function parallelOf(value: unknown): ParallelBlock | undefined {
  if (!isObj(value)) return undefined;
  const branches = Array.isArray(value.branches) ? value.branches.map(str) : [];
  return { branches, join: str(value.join) };
}

function forEachOf(value: unknown): ForEachBlock | undefined {
  if (!isObj(value)) return undefined;
  const block: ForEachBlock = { list: str(value.list), start: str(value.start), join: str(value.join) };
  if (typeof value.label === 'string') block.label = value.label;
  return block;
}

function titled(properties: Obj): Array<{ id: string; title: string }> {
  return Object.entries(properties).map(([id, field]) => ({
    id,
    title: isObj(field) && typeof field.title === 'string' ? field.title : id,
  }));
}

/** The SOP's own case-data fields that are lists of objects (the people of a per-person block). */
export function caseDataLists(caseData: unknown): TableList[] {
  const schema = isObj(caseData) ? caseData.schema : undefined;
  const properties = isObj(schema) && isObj(schema.properties) ? schema.properties : {};
  return Object.entries(properties).flatMap(([id, field]) => {
    if (!isObj(field) || field.type !== 'array' || !isObj(field.items)) return [];
    const item = isObj(field.items.properties) ? field.items.properties : {};
    return [{ id, title: typeof field.title === 'string' ? field.title : id, fields: titled(item) }];
  });
}

/** Reads the table from SOP YAML text; undefined when the text cannot be read as YAML. */
export function readTable(source: string): SopTable | undefined {
  let value: unknown;
  try {
    value = parse(source);
  } catch {
    return undefined;
  }
  if (!isObj(value)) return undefined;
  const lanes: TableLane[] = (Array.isArray(value.actors) ? value.actors : []).filter(isObj).map((a) => ({
    id: str(a.id),
    name: str(a.name),
    ...(typeof a.role === 'string' || typeof a.recordedBy === 'string'
      ? { role: str(a.role) || str(a.recordedBy) }
      : {}),
    external: a.external === true,
  }));
  const rows: TableRow[] = (Array.isArray(value.steps) ? value.steps : []).filter(isObj).map((s) => ({
    id: str(s.id),
    activity: str(s.activity),
    lanes: lanesOf(s.actor),
    requirements: requirementIds(s.requirements),
    time: str(s.time),
    output: outputOf(s.output),
    notes: str(s.notes),
    decision: decisionOf(s.decision),
    end: typeof s.end === 'string' ? s.end : undefined,
    hasForm: s.form !== undefined,
    parallel: parallelOf(s.parallel),
    forEach: forEachOf(s.forEach),
  }));
  const documents = (Array.isArray(value.documents) ? value.documents : [])
    .filter(isObj)
    .map((d) => ({ id: str(d.id), label: str(d.label) }));
  return { lanes, rows, documents, lists: caseDataLists(value.caseData) };
}
