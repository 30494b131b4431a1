import type { Duration } from '../time/parseDuration.ts';

/** A json-rules-engine condition as written in a definition (with an optional Indonesian label). */
export type RuleCondition =
  | { all: RuleCondition[]; label?: string }
  | { any: RuleCondition[]; label?: string }
  | { not: RuleCondition; label?: string }
  | FactCondition;

/** One comparison of a fact with a value. */
export interface FactCondition {
  fact: string;
  path?: string;
  operator: string;
  value: unknown;
  label?: string;
}

/** A JSON Schema object describing form or case data. */
export interface DataSchema {
  type: 'object';
  properties: Record<string, Record<string, unknown>>;
  required?: string[];
  [keyword: string]: unknown;
}

/** A form after references and fragments are resolved. */
export interface ResolvedForm {
  title?: string;
  schema: DataSchema;
  uiSchema: Record<string, unknown>;
}

/** A document type (KTP, KK, surat pengantar…). */
export interface DocumentType {
  id: string;
  label: string;
  description?: string;
  scan?: boolean;
  personalData?: boolean;
  /** `equipment`: a tool or means of work (ATK, komputer, kendaraan), shown as a reminder, never demanded. */
  kind?: 'document' | 'equipment';
  /** File kinds a scan may be (default pdf, jpeg, png). */
  accepts?: FileKind[];
}

/** A file kind an upload may be, recognised from its content. */
export type FileKind = 'pdf' | 'jpeg' | 'png' | 'xlsx' | 'docx';

/** A letter template for generated outputs. */
export interface LetterTemplate {
  title: string;
  body: string;
  numberFormat?: string;
  signerRole?: string;
  /** Form of the Tata Naskah Dinas (Permendagri 1/2023) the letter is laid out as. */
  form?: LetterForm;
  about?: string;
  considering?: string[];
  legalBasis?: string[];
  decides?: string[];
  /** Roles that initial (paraf) in order before the signer signs. */
  initials?: string[];
  /** The placeholder holding the recipient's name (masked on the verification page); default `fullName`. */
  recipient?: string;
  /** Placeholders that must hold a value before the letter can be prepared. */
  required?: string[];
  secondParty?: { title: string; name: string };
}

/** The official forms a letter template can take. */
export type LetterForm =
  'keputusan' | 'surat-keterangan' | 'rekomendasi' | 'bast' | 'penolakan' | 'surat-tugas' | 'surat';

/** The raw SOP as validated against sop.schema.json (before normalisation). */
export interface RawSop {
  id: string;
  regency: string;
  status: 'draft' | 'published';
  kind?: 'sop' | 'service-standard';
  source?: {
    document?: string;
    catalogId?: string;
    detail?: string;
    note?: string;
    sameAs?: string[];
    fields?: Record<string, Provenance>;
  };
  number?: string;
  name: string;
  unit?: string;
  dates?: { created?: string; revised?: string; effective?: string };
  approvedBy?: { name: string; nip?: string; title: string; rank?: string };
  legalBasis?: string[];
  qualifications?: string[];
  relatedSops?: string[];
  equipment?: string[];
  warnings?: string[];
  recordKeeping?: string[];
  relatedParties?: string[];
  supportingDocuments?: string[];
  eligibility?: { text?: string[]; criteria?: Array<{ id: string; text: string; rule: RuleCondition }> };
  serviceStandard?: Record<string, unknown> & {
    duration?: string;
    fee?: { amount: number; text?: string };
    serviceClock?: { startsAt: string };
  };
  /** The clock of all steps and the Jangka Waktu (default office). */
  clock?: ClockKind;
  amounts?: Array<{ label: string; amount: number; per?: string; text?: string }>;
  retention?: { years: number };
  /** What a rejection by hand (with a reason) issues: a letter prepared at once, then initialled and signed. */
  rejection?: { letter: RawRejectionLetter };
  confidential?: boolean;
  documents?: DocumentType[];
  forms?: Array<{
    id: string;
    title?: string;
    schema: DataSchema;
    uiSchema?: Record<string, unknown>;
    include?: string[];
  }>;
  caseData?: RawFormBody;
  /** Opened by Alur itself on a fixed schedule (monthly reports, stock opname), with no applicant. */
  schedule?: Schedule;
  derivedFacts?: Array<{ id: string; label?: string; function: 'yearsSince' | 'count'; of: string }>;
  actors: RawActor[];
  steps: RawStep[];
}

/** A form as written: a reference or a body. */
export type RawForm = { $ref: string } | RawFormBody;

/** A form body as written. */
export interface RawFormBody {
  title?: string;
  schema: DataSchema;
  uiSchema?: Record<string, unknown>;
  include?: string[];
}

/** A swimlane actor as written. */
export interface RawActor {
  id: string;
  name: string;
  role?: string;
  external?: boolean;
  recordedBy?: string;
}

/** Who performs a step: one actor, all of several, or whichever of several acts first. */
export type RawActorRef =
  string | { together: string[]; decidedBy?: string } | { anyOf: string[] } | { sequence: string[] };

/** A requirement as written. */
export type RawRequirement =
  | string
  | { doc: string; required?: boolean; when?: RuleCondition; note?: string }
  | { either: string[]; required?: boolean; note?: string };

/** An output as written. */
export type RawOutput =
  | string
  | { id: string; name: string; kind?: string; initials?: string[]; template?: LetterTemplate | { $ref: string } };

/** The rejection letter as written: an output with a template, optionally its own signer and paraf. */
export interface RawRejectionLetter {
  id: string;
  name: string;
  template: LetterTemplate | { $ref: string };
  initials?: string[];
  signerRole?: string;
}

/** Parallel work: the first step of each branch, and the step that waits until every branch has arrived. */
export interface ParallelBlock {
  branches: string[];
  join: string;
}

/** Repeated work per beneficiary: the steps from `start` run once for each item of the case-data list `list`. */
export interface ForEachBlock {
  list: string;
  /** The item field shown as the title of each person's tasks (e.g. `nama`). */
  label?: string;
  start: string;
  join: string;
}

/** A decision branch. */
export interface DecisionBranch {
  label: string;
  when?: RuleCondition;
  otherwise?: true;
  goto: string;
}

/** A step as written. */
export interface RawStep {
  id: string;
  activity: string;
  actor: RawActorRef;
  requirements?: RawRequirement[];
  form?: RawForm;
  time?: string;
  clock?: ClockKind;
  output?: RawOutput | RawOutput[];
  notes?: string;
  next?: string;
  decision?: { question?: string; branches: DecisionBranch[] };
  sendBack?: { to: string; label?: string };
  parallel?: ParallelBlock;
  forEach?: ForEachBlock;
  end?: CaseEnding;
  /** `service`: Alur calls a connector; staff complete it by hand (with a reason) only when the call fails. */
  kind?: 'manual' | 'service';
  service?: ServiceCall;
  provenance?: Provenance;
}

/** What part of a scheduled run's period a case field receives. */
export type SchedulePart = 'monthName' | 'month' | 'year' | 'periodLabel' | 'periodStart';

/** When a scheduled SOP opens a case: every week/month/year on a day, for the current or previous period. */
export interface Schedule {
  every: 'week' | 'month' | 'year';
  /** Week: 1 = Monday … 7 = Sunday; month and year: day of month 1–28. Default 1. */
  day?: number;
  /** Year only: month 1–12. Default 1. */
  month?: number;
  period?: 'current' | 'previous';
  fill?: Record<string, SchedulePart>;
}

/** Where an imported part was read in its source document, how sure the reading is, and what was inferred. */
export interface Provenance {
  page?: number;
  line?: number;
  /** 0..1; below 0.8 the designer flags the part for checking. */
  confidence?: number;
  /** Parts not printed in the source (actor, time, output, decision, sendBack, end, step…). */
  inferred?: string[];
  /** Inferred parts a drafter has checked; publishing needs every inferred part reviewed. */
  reviewed?: string[];
  note?: string;
}

/** A connector call of a service step: request built from case data, reply mapped back into it. */
export interface ServiceCall {
  connector: string;
  request?: Record<string, string | number | boolean>;
  reply?: Record<string, string>;
}

/** A connector of regency.yaml; its address and token live in environment variables. */
export interface RegencyConnector {
  id: string;
  type: 'dukcapil-nik' | 'dtsen' | 'http';
  name?: string;
  baseUrlEnv: string;
  tokenEnv?: string;
  path?: string;
  timeoutMs?: number;
  maxAttempts?: number;
}

/** The ways a case can end by following the flow. */
export type CaseEnding = 'selesai' | 'ditolak' | 'dirujuk';

/** Reserved targets that end a case. */
export const CASE_ENDINGS: readonly CaseEnding[] = ['selesai', 'ditolak', 'dirujuk'];

/** The raw regency.yaml as validated against regency.schema.json. */
export interface RawRegency {
  id: string;
  name: string;
  province?: string;
  /** Kemendagri code of the kabupaten/kota (64.02). */
  regionCode?: string;
  office: {
    name: string;
    parent?: string;
    address?: string;
    postalCode?: string;
    phone?: string;
    email?: string;
    website?: string;
    /** Place printed in the signature block (Ditetapkan di …). */
    city?: string;
    head?: { name: string; nip?: string; title: string; rank?: string };
  };
  /** Units nest: a Seksi under its Bidang, a Subbagian under the Sekretariat (`parent`). */
  units: Array<{ id: string; name: string; short?: string; parent?: string; kind?: UnitKind }>;
  roles: Array<{ id: string; name: string; unit?: string; kind?: RoleKind }>;
  calendar: {
    timezone: string;
    workingDays: Weekday[];
    hours: { start: string; end: string };
    holidays?: Array<{ date: string; name: string; kind?: string }>;
  };
  documentTypes?: DocumentType[];
  formFragments?: Array<{ id: string; title?: string; schema: DataSchema; uiSchema?: Record<string, unknown> }>;
  letterTemplates?: Array<{ id: string; template: LetterTemplate }>;
  /** Who approves borrowing, copying and sending case files (archive control register). */
  archiveControl?: { approvers?: string[] };
  /** Notification templates, gateways and webhooks (credentials only by environment variable name). */
  notifications?: RegencyNotifications;
  /** Other systems that service steps call. */
  connectors?: RegencyConnector[];
}

/** The `notifications` block of regency.yaml. */
export interface RegencyNotifications {
  templates?: Partial<Record<string, { title: string; body: string }>>;
  whatsapp?: { baseUrl: string; apiVersion?: string; phoneNumberId: string; tokenEnv: string };
  sms?: { url: string; tokenEnv: string };
  webhooks?: Array<{ id: string; url: string; secretEnv: string; events?: string[] }>;
  digestHour?: number;
}

/** Kinds of staff role, which drive permissions. */
export type RoleKind =
  'staff' | 'kabid' | 'kasi' | 'kasubbag' | 'kadis' | 'sekretaris' | 'drafter' | 'approver' | 'auditor' | 'admin';

/** Kinds of unit in the office's structure. */
export type UnitKind = 'bidang' | 'sekretariat' | 'seksi' | 'subbagian' | 'uptd';

/** Office time (working days within office hours) or round the clock (`clock: calendar`). */
export type ClockKind = 'office' | 'calendar';

/** Day of week as written in regency.yaml. */
export type Weekday = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';

/** How a step's actors must act. */
export type ActorMode = 'single' | 'together' | 'anyOf' | 'sequence';

/** A normalised requirement. */
export interface Requirement {
  doc: string;
  label: string;
  required: boolean;
  when?: RuleCondition;
  note?: string;
  /** "A atau B": any one of these document ids (the first is `doc`) satisfies the requirement. */
  either?: Array<{ doc: string; label: string; accepts?: FileKind[] }>;
  /** `equipment` items are reminders only: never demanded, ticked or uploaded. */
  kind?: 'equipment';
  /** File kinds a scan may be (default pdf, jpeg, png). */
  accepts?: FileKind[];
}

/** A normalised output. */
export interface Output {
  id: string;
  name: string;
  kind?: string;
  template?: LetterTemplate;
}

/** A normalised, executable step. */
export interface Step {
  id: string;
  index: number;
  activity: string;
  actorMode: ActorMode;
  actors: string[];
  /** Joint steps: the actor whose answers fill the shared fields and take the decision (default the first). */
  decidedBy?: string;
  requirements: Requirement[];
  form?: ResolvedForm;
  time?: Duration;
  timeText?: string;
  /** The clock this step's time runs on (its own, else the SOP's, else office). */
  clock: ClockKind;
  outputs: Output[];
  notes?: string;
  /** Where the flow goes after this step when it has no decision; a step id or an ending. */
  next?: string;
  decision?: { question?: string; mode: 'rule' | 'human'; branches: DecisionBranch[] };
  sendBack?: { to: string; label?: string };
  /** Fork: after this step the branches run at once and meet at `join`. */
  parallel?: ParallelBlock;
  /** After this step the work from `start` runs once per person of a case-data list and meets at `join`. */
  forEach?: ForEachBlock;
  end?: CaseEnding;
  /** Set on `kind: service` steps. */
  service?: ServiceCall;
  /** Where the step was read in its source and what of it was inferred (shown on the printout). */
  provenance?: Provenance;
}

/** A normalised actor with the role that performs it in Alur. */
export interface Actor {
  id: string;
  name: string;
  external: boolean;
  /** The staff role whose members get this actor's tasks (its own role, or recordedBy for outside parties). */
  performerRole: string;
}

/** The normalised SOP the engine executes: references resolved, times parsed, flow explicit. */
export interface SopDefinition extends Omit<RawSop, 'actors' | 'steps' | 'caseData' | 'forms' | 'rejection'> {
  actors: Actor[];
  steps: Step[];
  caseData: ResolvedForm;
  duration?: Duration;
  /** The letter a rejection by hand prepares (its template resolved). */
  rejectionLetter?: Output & { template: LetterTemplate };
}

/** The pseudo step id under which a rejection letter is prepared and recorded (no step id can start with "_"). */
export const REJECTION_STEP = '_penolakan';
