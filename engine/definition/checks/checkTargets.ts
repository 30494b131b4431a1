import { unplaced, type UnplacedError } from '../definitionError.ts';
import { isEnding } from '../flowGraph.ts';
import { withSuggestion } from '../suggest.ts';
import { CASE_ENDINGS } from '../sopTypes.ts';
import type { CheckContext } from './checkContext.ts';

/** Every next/goto/sendBack names an existing step or ending, and decisions are well-formed. */
export function checkTargets({ sop }: CheckContext): UnplacedError[] {
  const errors: UnplacedError[] = [];
  const stepIds = sop.steps.map((s) => s.id);
  const known = [...stepIds, ...CASE_ENDINGS];
  const checkTarget = (target: string, path: string): void => {
    if (!stepIds.includes(target) && !isEnding(target))
      errors.push(unplaced('UNKNOWN_TARGET', path, withSuggestion({ target }, target, known)));
  };
  sop.steps.forEach((step, index) => {
    const base = `/steps/${index}`;
    if (step.next !== undefined) checkTarget(step.next, `${base}/next`);
    if (step.end !== undefined && (step.next !== undefined || step.decision !== undefined))
      errors.push(unplaced('END_AND_NEXT', `${base}/end`));
    if (step.decision) {
      if (step.next !== undefined) errors.push(unplaced('DECISION_AND_NEXT', `${base}/next`));
      const branches = step.decision.branches;
      branches.forEach((b, i) => checkTarget(b.goto, `${base}/decision/branches/${i}/goto`));
      const ruled = branches.filter((b) => b.when !== undefined).length;
      const otherwise = branches.filter((b) => b.otherwise === true).length;
      if (ruled > 0 && ruled + otherwise < branches.length) errors.push(unplaced('DECISION_MIXED', `${base}/decision`));
      else if (ruled > 0 && otherwise === 0) errors.push(unplaced('DECISION_WITHOUT_OTHERWISE', `${base}/decision`));
    }
    if (step.sendBack) {
      const target = stepIds.indexOf(step.sendBack.to);
      if (target < 0) checkTarget(step.sendBack.to, `${base}/sendBack/to`);
      else if (target > index)
        errors.push(unplaced('SEND_BACK_FORWARD', `${base}/sendBack/to`, { target: step.sendBack.to }));
    }
  });
  return errors;
}
