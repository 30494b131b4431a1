/** What a notification tells an applicant. */
export type ApplicantKind =
  'case.opened' | 'case.sentBack' | 'case.approved' | 'case.rejected' | 'letter.ready' | 'survey.invitation';

/** What a notification tells staff (shown in the app's bell). */
export type StaffKind =
  | 'task.assigned'
  | 'task.dueTomorrow'
  | 'task.overdue'
  | 'case.escalated'
  | 'delegation.started'
  | 'delegation.ended'
  | 'digest.daily'
  | 'service.failed';

/** Every kind of notification; `case.events` is the batch posted to webhooks, `service.call` a connector call of a service step. */
export type NotificationKind = ApplicantKind | StaffKind | 'case.events' | 'service.call';

/** Who a notification is for. */
export type Audience = 'applicant' | 'staff' | 'webhook' | 'connector';

/** Channels that reach an applicant outside the app. */
export type ApplicantChannel = 'email' | 'whatsapp' | 'sms';

/** Where an applicant agreed to be told about their case. */
export interface ApplicantContact {
  channel: ApplicantChannel;
  address: string;
}

/** Template values: short texts and numbers only (never NIK, KK or health data). */
export type NotificationParams = Record<string, string | number | boolean | null | string[]>;

/** A notification decided by the pure planner, written to the outbox in the same statement as its events. */
export interface PlannedNotification {
  kind: NotificationKind;
  audience: Audience;
  /** The case event that caused it. */
  eventSeq?: number;
  recipientRole?: string;
  recipientUser?: string;
  contact?: ApplicantContact;
  params: NotificationParams;
}
