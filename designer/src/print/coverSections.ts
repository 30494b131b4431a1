import type { SopDefinition } from '../../../engine/definition/sopTypes.ts';

/** One list cell of the SOP cover below the name: its printed label and items. */
export interface CoverSection {
  key: string;
  label: string;
  items: string[];
}

/** A printed row of the cover: two cells side by side, or one cell across the width. */
export type CoverRow = [CoverSection] | [CoverSection, CoverSection];

// The rows of the PermenPANRB 35/2012 cover, in order. The standard form pairs Dasar Hukum with Kualifikasi,
// Keterkaitan with Peralatan, Peringatan with Pencatatan; Kutai Kartanegara's variant pairs Dasar Hukum with
// Kriteria Sasaran and Pihak-Pihak Yang Terkait with Dokumen Pendukung. Each group pairs what the SOP has, so
// both layouts come out as their source prints them and no cell stands empty.
const GROUPS: Array<Array<[string, string, (d: SopDefinition) => string[] | undefined]>> = [
  [
    ['legalBasis', 'Dasar Hukum', (d) => d.legalBasis],
    ['qualifications', 'Kualifikasi Pelaksana', (d) => d.qualifications],
    ['eligibility', 'Kriteria Sasaran', (d) => d.eligibility?.text ?? d.eligibility?.criteria?.map((c) => c.text)],
  ],
  [
    ['relatedSops', 'Keterkaitan', (d) => d.relatedSops],
    ['equipment', 'Peralatan/Perlengkapan', (d) => d.equipment],
  ],
  [
    ['relatedParties', 'Pihak-Pihak Yang Terkait', (d) => d.relatedParties],
    ['supportingDocuments', 'Dokumen Pendukung', (d) => d.supportingDocuments],
  ],
  [
    ['warnings', 'Peringatan', (d) => d.warnings],
    ['recordKeeping', 'Pencatatan dan Pendataan', (d) => d.recordKeeping],
  ],
];

// The six cells of the standard form, shown empty while drafting so the drafter sees what is still missing.
const STANDARD = new Set(['legalBasis', 'qualifications', 'relatedSops', 'equipment', 'warnings', 'recordKeeping']);

/**
 * The cover's list cells the SOP has, two to a row in the order of its source layout. `blanks` adds the
 * standard form's empty cells (the editor's preview); the printout never has them.
 */
export function coverRows(definition: SopDefinition, blanks = false): CoverRow[] {
  return GROUPS.flatMap((group) => {
    const present = group.flatMap(([key, label, read]) => {
      const items = read(definition) ?? [];
      return items.length > 0 || (blanks && STANDARD.has(key)) ? [{ key, label, items }] : [];
    });
    const rows: CoverRow[] = [];
    for (let i = 0; i < present.length; i += 2)
      rows.push(present[i + 1] ? [present[i]!, present[i + 1]!] : [present[i]!]);
    return rows;
  });
}
