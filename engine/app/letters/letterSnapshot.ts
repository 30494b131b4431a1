import type { CaseEvent } from '../../core/events.ts';

type StoredEvent = CaseEvent & { stepId?: string };

/** The data a letter is filled from: the case data as it stood when its step completed, and each step's own entries. */
export interface LetterSnapshot {
  data: Record<string, unknown>;
  steps: Record<string, Record<string, unknown>>;
}

/**
 * The case data as it stood when `stepId` was last completed, rebuilt from the events: a field a later
 * step wrote goes back to its value at that moment (or away, when it was not there yet), so a later step
 * never changes an earlier letter. `steps.<stepId>` holds what each step up to then entered itself.
 */
export function letterSnapshot(
  currentData: Record<string, unknown>,
  events: readonly StoredEvent[],
  /** Undefined: the data as it stands now (a rejection letter, written when the case ends). */
  stepId: string | undefined,
): LetterSnapshot {
  let cut = stepId === undefined ? events.length - 1 : -1;
  events.forEach((e, i) => {
    if (stepId !== undefined && e.type === 'step.completed' && e.stepId === stepId) cut = i;
  });
  const openingFields = new Set<string>();
  const before: Record<string, unknown> = {};
  const steps: Record<string, Record<string, unknown>> = {};
  const writtenLater = new Set<string>();
  events.forEach((e, i) => {
    if (e.type === 'case.started') e.payload.fields.forEach((f) => openingFields.add(f));
    if (e.type !== 'task.completed' || !e.payload.formData) return;
    if (i <= cut) {
      Object.assign(before, e.payload.formData);
      if (e.stepId) steps[e.stepId] = { ...steps[e.stepId], ...e.payload.formData };
    } else Object.keys(e.payload.formData).forEach((k) => writtenLater.add(k));
  });
  const data: Record<string, unknown> = { ...currentData };
  for (const field of writtenLater) {
    if (field in before) data[field] = before[field];
    // Only the opening form's own fields existed before any step wrote them.
    else if (!openingFields.has(field)) delete data[field];
  }
  return { data, steps };
}
