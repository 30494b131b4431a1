import type { CriterionOutcome } from '../../../engine/core/rules/evaluateCondition.ts';
import type { SopDefinition } from '../../../engine/definition/sopTypes.ts';
import { operatorLabel } from '../../../engine/rules/ruleOperators.ts';

type Translate = (key: string) => string;

/** Field titles by fact id: the case data's and every step form's fields, and the derived facts' labels. */
export function factTitles(definition: SopDefinition): Map<string, string> {
  const titles = new Map<string, string>();
  const add = (schema: unknown) => {
    const properties = (schema as { properties?: Record<string, { title?: string }> } | undefined)?.properties ?? {};
    for (const [id, field] of Object.entries(properties))
      if (field.title && !titles.has(id)) titles.set(id, field.title);
  };
  add(definition.caseData.schema);
  for (const step of definition.steps) if (step.form) add(step.form.schema);
  for (const fact of definition.derivedFacts ?? []) if (fact.label) titles.set(fact.id, fact.label);
  return titles;
}

/** A value as an officer reads it: ya/tidak for a tick, "kosong" for nothing, a list joined by commas. */
function spoken(value: unknown, t: Translate): string {
  if (value === undefined || value === null || value === '') return t('explain.empty');
  if (value === true) return t('explain.yes');
  if (value === false) return t('explain.no');
  if (Array.isArray(value)) return value.map((v) => spoken(v, t)).join(', ');
  return typeof value === 'string' || typeof value === 'number' ? String(value) : t('explain.filled');
}

/**
 * One rule comparison in plain Indonesian, with the field's title instead of its id and ya/tidak instead
 * of true/false: "Penerima PKH sama dengan tidak: terpenuhi (isian: tidak)". A label written in the SOP wins.
 */
export function explainCriterion(outcome: CriterionOutcome, titles: Map<string, string>, t: Translate): string {
  const raw = `${outcome.fact}${outcome.path ? outcome.path.slice(1) : ''} `;
  // The engine's text starts with the SOP's own label when there is one; keep that label.
  const labelled = !outcome.explanation.startsWith(raw);
  const what = labelled
    ? outcome.explanation.slice(0, outcome.explanation.lastIndexOf(': '))
    : `${titles.get(outcome.fact) ?? t('explain.field')} ${operatorLabel(outcome.operator, 'id')} ${spoken(outcome.expected, t)}`;
  const verdict =
    outcome.passed === undefined ? t('explain.notChecked') : outcome.passed ? t('explain.met') : t('explain.notMet');
  return `${what}: ${verdict} (${t('explain.entered')}: ${spoken(outcome.actual, t)})`;
}

const STORED = /^(.*): (terpenuhi|tidak terpenuhi|tidak diperiksa) \(nilai (.*)\)$/;
const VERDICT: Record<string, string> = {
  terpenuhi: 'explain.met',
  'tidak terpenuhi': 'explain.notMet',
  'tidak diperiksa': 'explain.notChecked',
};

/** A stored explanation text (timeline decisions) in plain words: field titles for ids, ya/tidak for true/false. */
export function humanizeExplanation(text: string, titles: Map<string, string>, t: Translate): string {
  const m = STORED.exec(text);
  if (!m) return text;
  const [, what = '', verdict = '', raw = ''] = m;
  const space = what.indexOf(' ');
  const fact = space > 0 ? what.slice(0, space) : '';
  const title = titles.get(fact);
  let value: unknown = undefined;
  if (raw !== 'kosong') {
    try {
      value = JSON.parse(raw) as unknown;
    } catch {
      value = raw;
    }
  }
  const subject = title
    ? `${title}${what.slice(space).replace(/ (true|false)$/, (_, b: string) => ` ${spoken(b === 'true', t)}`)}`
    : what;
  return `${subject}: ${t(VERDICT[verdict] ?? verdict)} (${t('explain.entered')}: ${spoken(value, t)})`;
}
