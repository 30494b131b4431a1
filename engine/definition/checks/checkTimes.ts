import { unplaced, type UnplacedError } from '../definitionError.ts';
import { parseDuration } from '../../time/parseDuration.ts';
import type { CheckContext } from './checkContext.ts';

/** Every Baku Mutu Waktu and the Jangka Waktu must parse. */
export function checkTimes({ sop }: CheckContext): UnplacedError[] {
  const errors: UnplacedError[] = [];
  const check = (text: string | undefined, path: string): void => {
    if (text !== undefined && parseDuration(text).kind === 'invalid')
      errors.push(unplaced('INVALID_TIME', path, { text }));
  };
  sop.steps.forEach((step, i) => check(step.time, `/steps/${i}/time`));
  check(sop.serviceStandard?.duration, '/serviceStandard/duration');
  return errors;
}
