import type { CaseState } from '../../core/caseTypes.ts';
import type { AccessProfile } from '../permissions/accessProfile.ts';
import { personsRead, personViewOf, type PersonView, type PerPersonSteps } from './personView.ts';
import { stateInView } from './stateInView.ts';

/** A case as one reader gets it, the view behind it, and what the access log keeps of whose data was read. */
export interface CaseForReader {
  state: CaseState;
  view: PersonView;
  /** `{ persons: { penerima: [1] } }` (or `"all"` per list); undefined for an SOP without per-person lists. */
  accessDetail: Record<string, unknown> | undefined;
}

/**
 * The case state a reader may be sent: the persons of a per-person list they do not hold left out
 * (personView), optionally narrowed to the person of the task they opened.
 */
export function caseForReader(input: {
  state: CaseState;
  definition: PerPersonSteps;
  access: AccessProfile;
  taskId?: string | undefined;
}): CaseForReader {
  const view = personViewOf(input);
  return { state: stateInView(input.state, view), view, accessDetail: personsRead(view) };
}
