/**
 * What the parser read from a document for one SOP, before it becomes a draft: every value keeps where it was
 * found (page, line) and how sure the reading is, so the draft can carry provenance on each part.
 */

/** Where a value was read and how sure the reading is. */
export interface SourceSpot {
  page: number;
  line: number;
  /** 0..1; absent when the text was read exactly. */
  confidence?: number;
}

/** A value read from the document, with where it was read. */
export interface Located<T> {
  value: T;
  at: SourceSpot;
  /** The text as printed when the value was corrected ("Pit." read as "Plt."). */
  original?: string;
}

/** The approver as printed under "Disahkan oleh". */
export interface ApproverReading {
  title: string;
  name: string;
  nip?: string;
}

/** The cover table of a PermenPANRB 35/2012 SOP (and the comparable parts of other layouts). */
export interface CoverReading {
  number?: Located<string>;
  name?: Located<string>;
  /** The unit heading printed above the cover ("BIDANG REHABILITASI SOSIAL …"). */
  unitHeading?: Located<string>;
  created?: Located<string>;
  revised?: Located<string>;
  effective?: Located<string>;
  approvedBy?: Located<ApproverReading>;
  legalBasis?: Located<string[]>;
  eligibility?: Located<string[]>;
  relatedParties?: Located<string[]>;
  supportingDocuments?: Located<string[]>;
  warnings?: Located<string[]>;
  recordKeeping?: Located<string[]>;
  qualifications?: Located<string[]>;
  relatedSops?: Located<string[]>;
  equipment?: Located<string[]>;
}

/** One printed row of the step table, its cells already mapped to columns. */
export interface StepRowReading {
  no: number;
  activity: string;
  /** The text in each lane column ("Ya", "Tidak", a mark, or empty), in lane order. */
  laneMarks: string[];
  requirements: string;
  time: string;
  output: string;
  notes: string;
  at: SourceSpot;
  /** Parts composed by the parser rather than printed as a row (a step made from a scope sentence: `step`). */
  inferred?: string[];
}

/** The PermenPANRB 15/2014 components of a service standard that a draft uses. */
export interface ServiceStandardReading {
  requirements?: Located<string[]>;
  procedure?: Located<string[]>;
  duration?: Located<string>;
  fee?: Located<string>;
  product?: Located<string>;
  complaints?: Located<string[]>;
  legalBasis?: Located<string[]>;
  equipment?: Located<string[]>;
  competence?: Located<string[]>;
}

/** How much the source says about one SOP (the catalogue's `detail`). */
export type SourceDetail = 'full-steps' | 'service-standard' | 'name-and-scope' | 'name-only';

/** Everything read about one SOP of a document. */
export interface ParsedSop {
  detail: SourceDetail;
  at: SourceSpot;
  cover: CoverReading;
  lanes: Array<Located<string>>;
  rows: StepRowReading[];
  /** A decree list's scope sentence (Bengkayang's "Ruang Lingkup Pokok"). */
  scope?: Located<string>;
  /** The unit (Bidang/Bagian) a decree list or a service standard files the SOP under. */
  unitHeading?: Located<string>;
  serviceStandard?: ServiceStandardReading;
}
