import type { RawSop } from './sopTypes.ts';

/**
 * The notice every screen shows for a service whose steps were not taken from the regency's approved technical
 * document: "Catatan sumber: langkah disusun dari ruang lingkup keputusan; belum dari naskah teknis resmi".
 *
 * The rule (what a real office accepts): the steps count as official only when the source says the document
 * held the step table (`source.detail: full-steps`) or is the published Standar Pelayanan (`service-standard`).
 * A definition composed from a decree's name and scope (`name-and-scope`) or from a name alone (`name-only`)
 * carries the notice, published or not. An SOP without a `source` block was written by the office itself and
 * carries none. Imported parts a drafter inferred are a separate matter: they must be reviewed before publishing
 * (checkReviewed), after which the office has vouched for them.
 */
export function needsSourceNotice(sop: Pick<RawSop, 'source'>): boolean {
  const detail = sop.source?.detail;
  return detail === 'name-and-scope' || detail === 'name-only';
}

/** The printed notice (Indonesian: the SOP is a legal document), or undefined when none is needed. */
export function sourceNoticeText(sop: Pick<RawSop, 'source'>): string | undefined {
  const detail = sop.source?.detail;
  if (detail === 'name-and-scope')
    return 'Catatan sumber: langkah disusun dari ruang lingkup keputusan; belum dari naskah teknis resmi';
  if (detail === 'name-only')
    return 'Catatan sumber: langkah disusun dari nama SOP pada daftar keputusan; belum dari naskah teknis resmi';
  return undefined;
}
