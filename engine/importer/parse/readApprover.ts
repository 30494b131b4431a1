import type { ApproverReading } from './parsedSop.ts';

/** Spellings of "Plt." (pelaksana tugas) that scans and retyping leave: "Pt.", "Pit.", "P1t.", "Plt". */
const ACTING = /^(?:P[il1]t|Pt|Pl\s?t)\.?\s+/i;

/** The approver read from a "Disahkan oleh" cell, and the printed text when the title was corrected. */
export interface ApproverResult {
  approver: ApproverReading;
  corrected: boolean;
}

/**
 * Reads "Plt. Kepala Dinas Sosial, Drs. Nama NIP. 1968…": the title up to the first comma, the name after it
 * (stray letters before an academic title dropped), the 18-digit NIP. "Pit."/"Pt." are read as "Plt.".
 */
export function readApprover(text: string): ApproverResult | undefined {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean === '' || clean === '-') return undefined;
  const nipMatch = /\bNIP\.?\s*:?\s*([\d ]{18,24})/i.exec(clean);
  const nip = nipMatch?.[1] !== undefined ? nipMatch[1].replace(/\s/g, '') : undefined;
  const beforeNip = (nipMatch ? clean.slice(0, nipMatch.index) : clean).trim().replace(/[,;]$/, '');
  const comma = beforeNip.indexOf(',');
  let title = (comma >= 0 ? beforeNip.slice(0, comma) : beforeNip).trim();
  let name = comma >= 0 ? beforeNip.slice(comma + 1).trim() : '';
  // Pangkat lines and stray marks before the name ("f. Drs. …") are not part of it.
  name = name.replace(/^(?:[a-z]\.\s+)+(?=[A-Z])/, '').trim();
  let corrected = false;
  if (ACTING.test(title) && !/^Plt\.\s/.test(title)) {
    title = title.replace(ACTING, 'Plt. ');
    corrected = true;
  }
  if (name === '') return undefined;
  const approver: ApproverReading = nip !== undefined && nip.length === 18 ? { title, name, nip } : { title, name };
  return { approver, corrected };
}
