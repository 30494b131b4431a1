import type { SopDefinition } from '../../../engine/definition/sopTypes.ts';

/** The dagger that marks what the source does not print, and what it means. */
export const INFERRED_MARK = '†';
/** The legend printed wherever the dagger is used. */
export const INFERRED_LEGEND = `${INFERRED_MARK} ditafsirkan, tidak tercetak pada sumber`;

/**
 * The notice a printout must carry when its steps were not taken from an approved technical document
 * (`source.detail` name-and-scope or name-only); undefined for SOPs read from a full step table or a
 * service standard's procedure.
 */
export function sourceNotice(definition: SopDefinition): string | undefined {
  const detail = definition.source?.detail;
  if (detail === 'name-and-scope')
    return 'Catatan sumber: langkah disusun dari ruang lingkup keputusan; belum dari naskah teknis resmi';
  if (detail === 'name-only')
    return 'Catatan sumber: langkah disusun dari nama SOP pada daftar keputusan; belum dari naskah teknis resmi';
  return undefined;
}
