import { unplaced, type UnplacedError } from '../definitionError.ts';
import { parseDuration } from '../../time/parseDuration.ts';
import { withSuggestion } from '../suggest.ts';
import type { CheckContext } from './checkContext.ts';

/** Every Baku Mutu Waktu and the Jangka Waktu must parse whole; `serviceClock.startsAt` names a step. */
export function checkTimes({ sop }: CheckContext): UnplacedError[] {
  const errors: UnplacedError[] = [];
  const check = (text: string | undefined, path: string): void => {
    if (text === undefined) return;
    const parsed = parseDuration(text);
    if (parsed.kind === 'invalid') errors.push(unplaced('INVALID_TIME', path, { text }));
    if (parsed.kind === 'partial')
      errors.push(unplaced('TIME_NOT_READ_WHOLE', path, { text, part: parsed.part, column: parsed.column }));
  };
  sop.steps.forEach((step, i) => check(step.time, `/steps/${i}/time`));
  check(sop.serviceStandard?.duration, '/serviceStandard/duration');
  const startsAt = sop.serviceStandard?.serviceClock?.startsAt;
  const stepIds = sop.steps.map((s) => s.id);
  if (startsAt !== undefined && !stepIds.includes(startsAt))
    errors.push(
      unplaced(
        'UNKNOWN_CLOCK_STEP',
        '/serviceStandard/serviceClock/startsAt',
        withSuggestion({ step: startsAt }, startsAt, stepIds),
      ),
    );
  return errors;
}
