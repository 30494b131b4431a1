import type { CaseState } from '../core/caseTypes.ts';
import type { CaseEvent, CaseEventOf } from '../core/events.ts';
import type { SopDefinition } from '../definition/sopTypes.ts';
import { applicantContact } from './applicantContact.ts';
import type { NotificationParams, PlannedNotification } from './notificationTypes.ts';

/** What the planner reads: the definition, the case after the command, the command's events. */
export interface PlanInput {
  definition: SopDefinition;
  state: CaseState;
  events: readonly CaseEvent[];
  trackingCode: string;
}

function textList(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/** Labels of the missing documents, wherever the SOP asks for them (the step sent back to, usually). */
function documentLabels(definition: SopDefinition, missing: unknown): string[] {
  const labels = new Map(definition.steps.flatMap((s) => s.requirements.map((r) => [r.doc, r.label] as const)));
  return textList(missing).map((doc) => labels.get(doc) ?? doc);
}

/** The output's name in the SOP (e.g. "SK Penerima Bantuan"), else the letter's title. */
function outputName(definition: SopDefinition, e: CaseEventOf<'output.issued'>): string {
  const outputs = definition.steps.flatMap((s) => s.outputs);
  return outputs.find((o) => o.id === e.payload.outputId)?.name ?? e.payload.title;
}

/** The reason a flow ended in "ditolak": the end command's reason, else the decision branch taken. */
function rejectionReason(events: readonly CaseEvent[], ended: CaseEventOf<'case.ended'>): string | null {
  if (ended.payload.reason !== undefined) return ended.payload.reason;
  for (const e of [...events].reverse()) {
    if (e.type === 'decision.taken') return e.payload.label;
    if (e.type === 'decision.evaluated') return e.payload.chosen;
  }
  return null;
}

/**
 * Decides which notifications a command's events cause (pure: no clock, no storage). The caller writes
 * them in the same statement as the events, so a notification exists exactly when its event does.
 * Parameters carry only what a message needs; personal data stays in the case.
 */
export function planNotifications(input: PlanInput): PlannedNotification[] {
  const { definition, state, events, trackingCode } = input;
  const base: NotificationParams = { trackingCode, serviceName: definition.name };
  const contact = applicantContact(state.data);
  const out: PlannedNotification[] = [];
  const toApplicant = (kind: PlannedNotification['kind'], e: CaseEvent, params: NotificationParams = {}): void => {
    if (contact) out.push({ kind, audience: 'applicant', eventSeq: e.seq, contact, params: { ...base, ...params } });
  };
  const activity = (stepId: string | undefined): string =>
    definition.steps.find((s) => s.id === stepId)?.activity ?? stepId ?? '';
  for (const e of events) {
    switch (e.type) {
      case 'case.started':
        toApplicant('case.opened', e);
        break;
      case 'case.sentBack':
        toApplicant('case.sentBack', e, {
          reason: e.payload.reason,
          documents: documentLabels(definition, e.payload.missing),
        });
        break;
      case 'output.issued':
        toApplicant('letter.ready', e, { title: outputName(definition, e), number: e.payload.number });
        break;
      case 'case.ended':
        if (e.payload.outcome === 'selesai') {
          toApplicant('case.approved', e);
          toApplicant('survey.invitation', e);
        } else if (e.payload.outcome === 'ditolak') {
          toApplicant('case.rejected', e, {
            reason: rejectionReason(events, e),
            complaintChannels: textList(definition.serviceStandard?.complaints),
          });
        }
        break;
      case 'step.entered':
      case 'step.handedOn': {
        const service = definition.steps.find((s) => s.id === e.stepId)?.service;
        // A `sequence` row hands its next lane one task; a step entered opens one per lane.
        const tasks = e.type === 'step.entered' ? e.payload.tasks : [e.payload.task];
        for (const task of tasks) {
          // A service step's task is done by its connector; the role hears of it only if the call fails.
          if (service) {
            out.push({
              kind: 'service.call',
              audience: 'connector',
              eventSeq: e.seq,
              recipientRole: task.role,
              params: { ...base, taskId: task.id, activity: activity(e.stepId), connector: service.connector },
            });
            continue;
          }
          out.push({
            kind: 'task.assigned',
            audience: 'staff',
            eventSeq: e.seq,
            recipientRole: task.role,
            params: { ...base, taskId: task.id, activity: activity(e.stepId), dueAt: task.dueAt },
          });
        }
        break;
      }
      case 'task.reassigned':
        out.push({
          kind: 'task.assigned',
          audience: 'staff',
          eventSeq: e.seq,
          recipientUser: String(e.payload.to),
          params: { ...base, taskId: e.taskId ?? null, activity: activity(e.stepId), dueAt: null },
        });
        break;
      case 'task.overdue': {
        const task = state.tasks.find((t) => t.id === e.taskId);
        const params = { ...base, taskId: e.taskId ?? null, activity: activity(e.stepId), dueAt: task?.dueAt ?? null };
        out.push({
          kind: 'task.overdue',
          audience: 'staff',
          eventSeq: e.seq,
          ...(task?.assignee !== undefined
            ? { recipientUser: task.assignee }
            : { recipientRole: String(e.payload.role) }),
          params,
        });
        // The superior is found from the regency's units when the notification is fanned out.
        out.push({
          kind: 'case.escalated',
          audience: 'staff',
          eventSeq: e.seq,
          params: { ...params, role: String(e.payload.role), unit: definition.unit ?? null },
        });
        break;
      }
      case 'case.overdue':
        out.push({
          kind: 'case.escalated',
          audience: 'staff',
          eventSeq: e.seq,
          params: { ...base, activity: activity(state.currentStepId), role: null, unit: definition.unit ?? null },
        });
        break;
      default:
        break;
    }
  }
  // One batch per command for the regency's webhooks: event types and ids only, never payloads.
  if (events.length > 0)
    out.push({
      kind: 'case.events',
      audience: 'webhook',
      eventSeq: events[0]!.seq,
      params: {
        caseId: state.id,
        trackingCode,
        sopId: state.sopId,
        status: state.status,
        events: events.map((e) => `${e.seq}:${e.type}`),
      },
    });
  return out;
}
