import type { CaseEvent } from '../../core/events.ts';

/** An event as the timeline sends it, with its row id. */
type TimelineEvent = CaseEvent & { id: number };

/** The text shown instead of a send-back reason written about another person. */
export const OTHER_PERSON_REASON = 'Tidak ditampilkan: menyangkut penerima lain dalam kasus ini.';

/** One event of another person's task without what is personal (answers, notes, quoted values, the reason text). */
function withoutPerson(event: TimelineEvent): TimelineEvent {
  switch (event.type) {
    case 'task.completed': {
      const payload = { ...event.payload };
      delete payload.formData;
      delete payload.note;
      return { ...event, payload };
    }
    case 'decision.evaluated':
      return {
        ...event,
        payload: {
          ...event.payload,
          branches: event.payload.branches.map((b) => ({ label: b.label, passed: b.passed })),
        },
      };
    case 'step.disagreement':
      return {
        ...event,
        payload: { ...event.payload, fields: event.payload.fields.map((f) => ({ field: f.field, title: f.title })) },
      };
    case 'case.sentBack':
      return { ...event, payload: { ...event.payload, reason: OTHER_PERSON_REASON } };
    default:
      return event;
  }
}

/** A case's timeline as a reader limited to some persons may see it: the other persons' task events keep only where the work stood. */
export function eventsInView(events: readonly TimelineEvent[], hiddenTasks: ReadonlySet<string>): TimelineEvent[] {
  if (hiddenTasks.size === 0) return [...events];
  return events.map((e) => (e.taskId !== undefined && hiddenTasks.has(e.taskId) ? withoutPerson(e) : e));
}
