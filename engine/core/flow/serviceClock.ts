import { addBudget, computeDeadline, durationBudget } from '../../calendar/computeDeadline.ts';
import { workingMinutesBetween } from '../../calendar/workingTime.ts';
import type { ExecutableSop } from '../compileSop.ts';
import { emit, type Transition } from '../transition.ts';

/** Stops the service clock while the applicant completes documents; remembers how much time was left. */
export function pauseServiceClock(t: Transition, exe: ExecutableSop, stepId: string, reason: string): void {
  const { state, context } = t;
  const paused: NonNullable<typeof state.paused> = { since: context.now.toISOString(), stepId, reason };
  if (state.dueAt !== undefined && exe.definition.duration) {
    const due = new Date(state.dueAt);
    if (durationBudget(context.calendar, exe.definition.duration, 1, exe.definition.clock).kind === 'office')
      paused.remainingMinutes = workingMinutesBetween(context.calendar, context.now, due);
    else paused.remainingMs = Math.max(0, due.getTime() - context.now.getTime());
  }
  state.paused = paused;
  state.status = 'waiting';
  emit(t, { type: 'clock.paused', payload: { reason, waitingFor: stepId } });
}

/** Restarts the service clock: the deadline moves by the time spent waiting. */
export function resumeServiceClock(t: Transition): void {
  const { state, context } = t;
  const paused = state.paused;
  if (!paused) return;
  if (paused.remainingMinutes !== undefined)
    state.dueAt = addBudget(context.calendar, context.now, {
      kind: 'office',
      minutes: paused.remainingMinutes,
    }).toISOString();
  else if (paused.remainingMs !== undefined)
    state.dueAt = new Date(context.now.getTime() + paused.remainingMs).toISOString();
  delete state.paused;
  state.status = 'open';
  const pausedMs = context.now.getTime() - new Date(paused.since).getTime();
  emit(t, { type: 'clock.resumed', payload: { pausedSince: paused.since, pausedMs, dueAt: state.dueAt ?? null } });
}

/** The step named by `serviceStandard.serviceClock.startsAt`, if the service clock waits for one. */
export function serviceClockStep(exe: ExecutableSop): string | undefined {
  return exe.definition.serviceStandard?.serviceClock?.startsAt;
}

/**
 * Starts the service clock (Jangka Waktu) now. Without `serviceClock` it runs from the case opening; with
 * `serviceClock.startsAt` from the moment that step is completed — "sejak berkas permohonan diterima secara
 * lengkap dan benar": the file is complete when the completeness check is done, not when it begins.
 */
export function startServiceClock(t: Transition, exe: ExecutableSop): void {
  const { state, context } = t;
  const duration = exe.definition.duration;
  if (!duration || state.dueAt !== undefined) return;
  const due = computeDeadline(context.calendar, context.now, duration, state.persons, exe.definition.clock);
  state.dueAt = due.toISOString();
  state.clockStartedAt = context.now.toISOString();
  emit(t, {
    type: 'clock.started',
    payload: { dueAt: state.dueAt, ...(serviceClockStep(exe) ? { afterStep: serviceClockStep(exe) } : {}) },
  });
}
