import type { RegencySnapshot } from '../../storage/definitionRepository.ts';
import type { SopDefinition } from '../../definition/sopTypes.ts';

// SP4N-LAPOR! is the national complaint channel every public service is connected to (Perpres No. 76 Tahun 2013).
const NATIONAL_CHANNEL = 'SP4N-LAPOR! (www.lapor.go.id)';

/**
 * Where an applicant can complain (UU 25/2009, pengelolaan pengaduan): the service standard's own
 * channels as published, else the office's contacts from its letterhead and SP4N-LAPOR!.
 */
export function complaintChannels(
  definition: Pick<SopDefinition, 'serviceStandard'> | undefined,
  snapshot: Pick<RegencySnapshot, 'office'> | undefined,
): string[] {
  const written = definition?.serviceStandard?.complaints;
  const own = Array.isArray(written)
    ? written.filter((c): c is string => typeof c === 'string' && c.trim() !== '')
    : [];
  if (own.length > 0) return own;
  if (!snapshot) return [NATIONAL_CHANNEL];
  const office = snapshot.office;
  const contact = [office.address, office.phone && `telepon ${office.phone}`, office.email && `pos-el ${office.email}`]
    .filter(Boolean)
    .join(', ');
  return [`Layanan pengaduan ${office.name}${contact ? ` (${contact})` : ''}`, NATIONAL_CHANNEL];
}
