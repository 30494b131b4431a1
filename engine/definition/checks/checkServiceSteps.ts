import { unplaced, type UnplacedError } from '../definitionError.ts';
import { withSuggestion } from '../suggest.ts';
import type { CheckContext } from './checkContext.ts';

/** A service step calls a connector the regency declares (the URL and token live in its environment). */
export function checkServiceSteps({ sop, regency }: CheckContext): UnplacedError[] {
  if (!regency) return [];
  const known = (regency.connectors ?? []).map((c) => c.id);
  const errors: UnplacedError[] = [];
  sop.steps.forEach((step, i) => {
    const connector = step.service?.connector;
    if (step.kind === 'service' && connector !== undefined && !known.includes(connector))
      errors.push(
        unplaced(
          'UNKNOWN_CONNECTOR',
          `/steps/${i}/service/connector`,
          withSuggestion({ connector, known: known.join(', ') || '-' }, connector, known),
        ),
      );
  });
  return errors;
}
