import { statisticalData } from '../anonymise/statisticalData.ts';
import { redactEventPayload } from '../anonymise/redactEventPayload.ts';
import type { CaseCommand, CaseState, CommandResult, EngineContext } from '../caseTypes.ts';
import type { ExecutableSop } from '../compileSop.ts';
import { beginTransition, commit, emit } from '../transition.ts';

/**
 * Replaces a closed case's personal data with its statistical remainder (retention period over):
 * case data through the SOP's form schemas, eligibility without the values it quoted, the pause
 * reason redacted. Status, outcome, steps, tasks and times are untouched.
 */
export function anonymiseCase(
  exe: ExecutableSop,
  state: CaseState,
  _command: Extract<CaseCommand, { type: 'anonymise' }>,
  context: EngineContext,
): CommandResult {
  const t = beginTransition(state, context);
  const schemas = [
    exe.definition.caseData.schema,
    ...exe.definition.steps.flatMap((s) => (s.form ? [s.form.schema] : [])),
  ];
  const { data, removed } = statisticalData(t.state.data, schemas);
  t.state.data = data;
  if (t.state.eligibility) {
    t.state.eligibility = {
      ...t.state.eligibility,
      criteria: t.state.eligibility.criteria.map((c) => ({
        ...c,
        outcome: {
          passed: c.outcome.passed,
          criteria: c.outcome.criteria.map((x) => ({
            fact: x.fact,
            operator: x.operator,
            expected: x.expected,
            actual: null,
            passed: x.passed,
            explanation: '',
          })),
        },
      })),
    };
  }
  if (t.state.paused)
    t.state.paused = {
      ...t.state.paused,
      reason: String(redactEventPayload({ reason: t.state.paused.reason }).reason),
    };
  // A per-person task's title is the person's name.
  for (const task of t.state.tasks)
    if (task.item?.label !== undefined) {
      const { label: _label, ...item } = task.item;
      task.item = item;
    }
  emit(t, { type: 'case.anonymised', payload: { keptFields: Object.keys(data), removedFields: removed } });
  return commit(t);
}
