import { Document, isMap, isSeq } from 'yaml';
import type { RawSop } from '../../definition/sopTypes.ts';

/** How many parts of a draft are marked inferred (steps' and cover fields' `provenance.inferred`). */
export function countInferred(sop: RawSop): number {
  const fields = Object.values(sop.source?.fields ?? {});
  return [...sop.steps.map((s) => s.provenance), ...fields].reduce((n, p) => n + (p?.inferred?.length ?? 0), 0);
}

/**
 * The draft as commented YAML: a header saying where it was read and what to check, and above each step the
 * printed row it came from, so a drafter can hold the draft beside the document.
 */
export function writeDraftYaml(sop: RawSop): string {
  const document = new Document(sop);
  const inferred = countInferred(sop);
  document.commentBefore = [
    ` Draf hasil impor dari ${sop.source?.document ?? 'dokumen'} — belum sah; periksa sebelum diajukan.`,
    ` ${sop.steps.length} langkah; ${inferred} bagian ditafsirkan (lihat provenance.inferred pada langkah dan source.fields).`,
    ' Bagian yang ditafsirkan harus ditinjau satu per satu sebelum SOP dapat disahkan.',
  ].join('\n');
  const steps = document.get('steps', true);
  if (isSeq(steps))
    steps.items.forEach((item, index) => {
      const step = sop.steps[index];
      const at = step?.provenance;
      if (!isMap(item) || !at) return;
      const parts = at.inferred && at.inferred.length > 0 ? `; ditafsirkan: ${at.inferred.join(', ')}` : '';
      item.commentBefore = ` Baris tabel ${index + 1} (halaman ${at.page ?? '?'}, baris ${at.line ?? '?'})${parts}`;
    });
  return document.toString({ lineWidth: 0 });
}
