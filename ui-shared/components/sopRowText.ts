import type { Step } from '../../engine/definition/sopTypes.ts';

/** The Kelengkapan cell of a step as the official SOP prints it ("A atau B", "(bila ada)" for optional ones). */
export function requirementsText(step: Step): string {
  return step.requirements
    .map((r) => (r.either ? r.either.map((e) => e.label).join(' atau ') : r.label) + (r.required ? '' : ' (bila ada)'))
    .join(', ');
}

/** The Waktu cell: the time as written; round-the-clock steps (`clock: calendar`) say so, as the printed SOP should. */
export function timeText(step: Step): string {
  return step.timeText ? `${step.timeText}${step.clock === 'calendar' ? ' (24 jam)' : ''}` : '';
}

/** The Output cell: the step's outputs by name. */
export function outputsText(step: Step): string {
  return step.outputs.map((o) => o.name).join(', ');
}
