import { isMap, isSeq, parseDocument, type Document, type Node } from 'yaml';
import { patchYaml } from '../../../engine/definition/patchYaml.ts';
import { plain, setKey, setTopKey, step } from '../table/yamlDoc.ts';
import type { FormBody } from './formFields.ts';

/** Which form the builder edits: the one that opens a case, or a step's. */
export type FormTarget = 'caseData' | { step: number };

function path(target: FormTarget): Array<string | number> {
  return target === 'caseData' ? ['caseData'] : ['steps', target.step, 'form'];
}

/** The form body at the target; undefined when there is none or it refers to a shared form (`$ref`). */
export function readForm(source: string, target: FormTarget): FormBody | undefined {
  const doc = parseDocument(source);
  if (doc.errors.length > 0) return undefined;
  const value = plain(doc, path(target));
  if (value === null || typeof value !== 'object' || '$ref' in value) return undefined;
  const body = value as Partial<FormBody>;
  return body.schema && typeof body.schema === 'object' ? (body as FormBody) : undefined;
}

/** Whether the target's form refers to a shared form, which the builder leaves alone. */
export function isSharedForm(source: string, target: FormTarget): boolean {
  const value = plain(parseDocument(source), path(target));
  return value !== null && typeof value === 'object' && '$ref' in value;
}

/** One property per line, lists on one line: the shape the seeds are written in. */
function styled(doc: Document, body: FormBody): Node {
  const node = doc.createNode(body);
  const flowAt = (keys: Array<string | number>) => {
    const n = (node as { getIn: (p: Array<string | number>, keep: true) => unknown }).getIn(keys, true);
    if (isMap(n) || isSeq(n)) n.flow = true;
  };
  const eachProperty = (keys: Array<string | number>) => {
    const props = (node as { getIn: (p: Array<string | number>, keep: true) => unknown }).getIn(keys, true);
    if (isMap(props)) for (const pair of props.items) if (isMap(pair.value)) pair.value.flow = true;
  };
  flowAt(['include']);
  flowAt(['schema', 'required']);
  eachProperty(['schema', 'properties']);
  (body.schema.allOf ?? []).forEach((_, i) => {
    flowAt(['schema', 'allOf', i, 'if']);
    flowAt(['schema', 'allOf', i, 'then', 'required']);
    eachProperty(['schema', 'allOf', i, 'then', 'properties']);
  });
  return node as Node;
}

/** Writes a form body at the target (null removes a step's form); the rest of the YAML stays as written. */
export function writeForm(source: string, target: FormTarget, body: FormBody | null): string {
  const doc = parseDocument(source);
  if (doc.errors.length > 0 || !isMap(doc.contents)) throw new Error('Teks YAML belum dapat dibaca');
  if (target === 'caseData') {
    if (body) setTopKey(doc, 'caseData', styled(doc, body));
    else doc.delete('caseData');
  } else setKey(doc, step(doc, target.step), 'form', body ? styled(doc, body) : null);
  // The document computed the new value; the text is patched only where it changed, keeping the rest as written.
  return patchYaml(source, doc.toJS());
}
