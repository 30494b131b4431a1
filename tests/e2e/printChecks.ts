import type { SopDefinition } from '../../engine/definition/sopTypes.ts';
import { outputsText, timeText } from '../../ui-shared/components/sopRowText.ts';
import { coverRows } from '../../designer/src/print/coverSections.ts';
import { hasInferredMarks } from '../../designer/src/print/printFlow.ts';
import { INFERRED_LEGEND, INFERRED_MARK, sourceNotice } from '../../designer/src/print/sourceNotice.ts';

/** Something the printed PDF of an SOP misses. */
export interface PrintedProblem {
  sop: string;
  problem: string;
}

// Cells wrap wherever the width ends, so text is compared without whitespace (and without the dagger).
const squeeze = (s: string): string => s.replace(/\s+/g, '').replaceAll(INFERRED_MARK, '');

/**
 * Checks the text of an SOP's printed PDF (pdftotext, pages split by form feeds) against its definition:
 * every cover field on the cover pages, each chart page numbered in order with the table header, and each
 * step's activity, time and outputs all on one chart page.
 */
export function printedChecks(sop: SopDefinition, text: string, chartPages: number): PrintedProblem[] {
  const problems: PrintedProblem[] = [];
  const fail = (problem: string) => problems.push({ sop: sop.id, problem });
  const pages = text.split('\f').filter((p, i, all) => i < all.length - 1 || p.trim() !== '');
  const coverCount = pages.length - chartPages;
  if (coverCount < 1) fail(`halaman PDF ${pages.length}, bagan ${chartPages}: sampul hilang`);
  const cover = squeeze(pages.slice(0, coverCount).join(''));
  const chart = pages.slice(coverCount).map(squeeze);
  const coverTexts = [
    sop.name,
    ...(sop.number ? [sop.number] : []),
    ...(sop.approvedBy ? [sop.approvedBy.name, sop.approvedBy.title] : []),
    ...coverRows(sop).flatMap((row) => row.flatMap((cell) => [cell.label, ...cell.items])),
  ];
  for (const t of coverTexts) if (!cover.includes(squeeze(t))) fail(`sampul tanpa "${t.slice(0, 60)}"`);
  const notice = sourceNotice(sop);
  if (notice && !cover.includes(squeeze(notice))) fail('sampul tanpa catatan sumber');
  chart.forEach((p, k) => {
    for (const head of ['UraianKegiatan', 'Pelaksana', 'Kelengkapan', 'Waktu', 'Output', 'Keterangan'])
      if (!p.includes(head)) fail(`halaman bagan ${k + 1} tanpa kepala tabel "${head}"`);
    if (!p.includes(squeeze(`Bagan halaman ${k + 1} dari ${chartPages}`))) fail(`halaman bagan ${k + 1} tanpa nomor`);
    if (notice && !p.includes(squeeze(notice))) fail(`halaman bagan ${k + 1} tanpa catatan sumber`);
    if (hasInferredMarks(sop) && !p.includes(squeeze(INFERRED_LEGEND)))
      fail(`halaman bagan ${k + 1} tanpa keterangan †`);
  });
  sop.steps.forEach((step, i) => {
    const parts = [step.activity, timeText(step), outputsText(step)].filter((t) => t !== '').map(squeeze);
    const home = chart.findIndex((p) => p.includes(parts[0]!));
    if (home < 0) fail(`langkah ${i + 1} tidak utuh: "${step.activity.slice(0, 60)}"`);
    else
      parts.slice(1).forEach((t) => {
        if (!chart[home]!.includes(t)) fail(`langkah ${i + 1}: "${t.slice(0, 40)}" tidak pada halaman yang sama`);
      });
  });
  return problems;
}
