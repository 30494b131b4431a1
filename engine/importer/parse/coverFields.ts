import { labelKey } from './flatLines.ts';

/** The cover fields of an SOP as named in `CoverReading`. */
export type CoverField =
  | 'number'
  | 'name'
  | 'created'
  | 'revised'
  | 'effective'
  | 'approvedBy'
  | 'legalBasis'
  | 'eligibility'
  | 'relatedParties'
  | 'supportingDocuments'
  | 'warnings'
  | 'recordKeeping'
  | 'qualifications'
  | 'relatedSops'
  | 'equipment';

/** Printed cover labels (PermenPANRB 35/2012), compared as lower-case letters, longest first. */
const LABELS: ReadonlyArray<readonly [string, CoverField]> = [
  ['nomorsop', 'number'],
  ['nosop', 'number'],
  ['tanggalpembuatan', 'created'],
  ['tglpembuatan', 'created'],
  ['tanggalrevisi', 'revised'],
  ['tglrevisi', 'revised'],
  ['tanggalefektif', 'effective'],
  ['tglefektif', 'effective'],
  ['disahkanoleh', 'approvedBy'],
  ['namasop', 'name'],
  ['dasarhukum', 'legalBasis'],
  ['kriteriasasaran', 'eligibility'],
  ['pihakpihakyangterkait', 'relatedParties'],
  ['pihakyangterkait', 'relatedParties'],
  ['pihakterkait', 'relatedParties'],
  ['dokumenpendukung', 'supportingDocuments'],
  ['peringatan', 'warnings'],
  ['pencatatan', 'recordKeeping'],
  ['kualifikasi', 'qualifications'],
  ['keterkaitan', 'relatedSops'],
  ['peralatan', 'equipment'],
];

/** The cover field a printed label names, or undefined when the text is not a cover label. */
export function coverFieldOf(label: string): CoverField | undefined {
  const key = labelKey(label);
  if (key === '' || key.length > 40) return undefined;
  const hit = LABELS.find(([prefix]) => key.startsWith(prefix));
  return hit?.[1];
}

/** Fields whose value is a list (one item per line of the cell). */
export const LIST_FIELDS: ReadonlySet<CoverField> = new Set([
  'legalBasis',
  'eligibility',
  'relatedParties',
  'supportingDocuments',
  'warnings',
  'recordKeeping',
  'qualifications',
  'relatedSops',
  'equipment',
]);
