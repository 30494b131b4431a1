import { isMap, isSeq, parseDocument, type YAMLMap, type YAMLSeq } from 'yaml';
import { patchYaml } from '../../../engine/definition/patchYaml.ts';
import type { RuleCondition } from '../../../engine/definition/sopTypes.ts';
import { freeId, slugId } from '../table/slugId.ts';
import { plain, setTopKey } from '../table/yamlDoc.ts';

/** One Kriteria Sasaran: the sentence as printed and the rule that checks it. */
export interface Criterion {
  id: string;
  text: string;
  rule: RuleCondition;
}

/** The criteria of an SOP (none when unreadable). */
export function readCriteria(source: string): Criterion[] {
  const doc = parseDocument(source);
  if (doc.errors.length > 0) return [];
  const list = plain(doc, ['eligibility', 'criteria']);
  return Array.isArray(list) ? (list as Criterion[]) : [];
}

function criteriaList(source: string) {
  const doc = parseDocument(source);
  if (doc.errors.length > 0 || !isMap(doc.contents)) throw new Error('Teks YAML belum dapat dibaca');
  let eligibility = doc.get('eligibility', true);
  if (!isMap(eligibility)) {
    eligibility = doc.createNode({});
    setTopKey(doc, 'eligibility', eligibility);
  }
  const found: unknown = (eligibility as YAMLMap).get('criteria', true);
  if (isSeq(found)) return { doc, list: found };
  const list = doc.createNode([]) as YAMLSeq;
  (eligibility as YAMLMap).set('criteria', list);
  return { doc, list };
}

/**
 * Sets criterion `index` (or adds one when index is the list's length): its text and rule. The rule is
 * written on one line per comparison, as the seeds do; the printed text list (`eligibility.text`) is left alone.
 */
export function setCriterion(source: string, index: number, text: string, rule: RuleCondition): string {
  const { doc, list } = criteriaList(source);
  const taken = list.items.map((c) => (isMap(c) ? String(c.get('id')) : ''));
  const existing = list.items[index];
  const id = isMap(existing) ? String(existing.get('id')) : freeId(slugId(text), taken, false);
  const ruleNode = doc.createNode(rule, { flow: 'fact' in rule });
  if (!('fact' in rule))
    for (const leaf of (ruleNode as YAMLMap).items)
      if (isSeq(leaf.value)) for (const c of leaf.value.items) if (isMap(c)) c.flow = true;
  const node = doc.createNode({ id, text: text.trim() }) as YAMLMap;
  node.set('rule', ruleNode);
  if (index < list.items.length) list.items[index] = node;
  else list.items.push(node);
  // The document computed the new value; the text is patched only where it changed, keeping the rest as written.
  return patchYaml(source, doc.toJS());
}

/** Removes criterion `index`; an empty list leaves `eligibility` without `criteria`. */
export function deleteCriterion(source: string, index: number): string {
  const { doc, list } = criteriaList(source);
  list.items.splice(index, 1);
  if (list.items.length === 0) {
    const eligibility = doc.get('eligibility', true) as YAMLMap;
    eligibility.delete('criteria');
    if (eligibility.items.length === 0) doc.delete('eligibility');
  }
  // The document computed the new value; the text is patched only where it changed, keeping the rest as written.
  return patchYaml(source, doc.toJS());
}
