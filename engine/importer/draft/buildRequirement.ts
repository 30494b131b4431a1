import type { DocumentType, RawRegency } from '../../definition/sopTypes.ts';
import { uniqueSlug } from './slug.ts';

const EQUIPMENT =
  /\b(?:aplikasi|akun|komputer|printer|handphone|jaringan|internet|atk|kendaraan|notebook|laptop|link)\b/i;

/**
 * The document type of a Kelengkapan cell: the regency's own type when the label matches, else a new type of
 * this SOP (tools and applications as `equipment`, which is shown but never demanded).
 */
export function requirementOf(
  text: string,
  regency: RawRegency,
  documents: DocumentType[],
  taken: Set<string>,
): string {
  const label = text.replace(/\s+/g, ' ').trim();
  const same = (d: DocumentType): boolean => d.label.toLowerCase() === label.toLowerCase();
  const known = regency.documentTypes?.find(same) ?? documents.find(same);
  if (known) return known.id;
  const id = uniqueSlug(label, taken, 50);
  documents.push(EQUIPMENT.test(label) ? { id, label, kind: 'equipment' } : { id, label });
  return id;
}
