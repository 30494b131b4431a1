import { READING_PART, type UnreviewedPart } from './unreviewedParts.ts';

/** Drafter-facing names of the parts an importer may infer (the YAML keeps the English key). */
const PART_LABELS: Record<string, { id: string; en: string }> = {
  step: { id: 'seluruh langkah', en: 'the whole step' },
  activity: { id: 'uraian kegiatan', en: 'activity' },
  actor: { id: 'pelaksana', en: 'performer' },
  time: { id: 'waktu', en: 'time' },
  output: { id: 'output', en: 'output' },
  requirements: { id: 'kelengkapan', en: 'requirements' },
  decision: { id: 'keputusan (cabang)', en: 'decision (branches)' },
  sendBack: { id: 'pengembalian berkas', en: 'send-back' },
  end: { id: 'akhir layanan', en: 'ending' },
  next: { id: 'langkah berikutnya', en: 'next step' },
  [READING_PART]: { id: 'pembacaan teks (kurang jelas)', en: 'text reading (unclear)' },
};

/** The Indonesian (or English) name of an inferred part; an unknown key is shown as written. */
export function partLabel(part: string, language: 'id' | 'en' = 'id'): string {
  return PART_LABELS[part]?.[language] ?? part;
}

/** A short reason why the part is flagged, for the table and the publish refusal. */
export function flagReason(part: UnreviewedPart, language: 'id' | 'en' = 'id'): string {
  if (part.kind === 'low-confidence') {
    const percent = Math.round((part.confidence ?? 0) * 100);
    return language === 'id'
      ? `Teks sumber terbaca kurang jelas (keyakinan ${percent}%); cocokkan dengan dokumen.`
      : `The source text was hard to read (confidence ${percent}%); compare with the document.`;
  }
  return language === 'id'
    ? `${partLabel(part.part)} tidak tercetak pada dokumen; disusun dengan penafsiran.`
    : `${partLabel(part.part, 'en')} is not printed in the document; it was inferred.`;
}

/** Where the part sits, as a drafter reads it: "langkah 4 (verifikasi)" or "isian sampul number", with page/line. */
export function partPosition(part: UnreviewedPart, language: 'id' | 'en' = 'id'): string {
  const where =
    part.stepId !== undefined
      ? `${language === 'id' ? 'langkah' : 'step'} ${part.stepNumber} (${part.stepId})`
      : `${language === 'id' ? 'isian sampul' : 'cover field'} ${part.field ?? ''}`;
  if (part.page === undefined) return where;
  const line = part.line !== undefined ? (language === 'id' ? `, baris ${part.line}` : `, line ${part.line}`) : '';
  return `${where}, ${language === 'id' ? 'hlm.' : 'page'} ${part.page}${line}`;
}
