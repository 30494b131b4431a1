import { isMap, parseDocument, type YAMLMap } from 'yaml';
import { patchYaml } from '../../definition/patchYaml.ts';
import { AppError } from '../appErrors.ts';

/** What the approver confirms when publishing: the SOP's number, effective date and signer. */
export interface PublishHeader {
  number: string;
  effectiveDate: string;
  signer: { name: string; nip?: string; title: string };
}

/**
 * Writes Nomor SOP, Tanggal Efektif and Disahkan oleh into the SOP's header through the YAML document,
 * so comments and the rest of the text stay as drafted. Empty values are refused: an SOP without them
 * is not a valid official document (PermenPANRB 35/2012 header).
 */
export function setPublishHeader(source: string, header: PublishHeader): string {
  const missing = [
    header.number.trim() === '' ? 'Nomor SOP' : '',
    header.effectiveDate.trim() === '' ? 'Tanggal Efektif' : '',
    header.signer.name.trim() === '' || header.signer.title.trim() === '' ? 'nama dan jabatan penanda tangan' : '',
  ].filter(Boolean);
  if (missing.length > 0)
    throw new AppError('VALIDATION_FAILED', `Lengkapi ${missing.join(', ')} sebelum menerbitkan.`, '/number');
  const doc = parseDocument(source);
  if (doc.errors.length > 0 || !isMap(doc.contents))
    throw new AppError('VALIDATION_FAILED', 'Naskah SOP tidak dapat dibaca.', '/revision');
  doc.set('number', header.number.trim());
  const dates = doc.get('dates', true);
  if (isMap(dates)) (dates as YAMLMap).set('effective', header.effectiveDate);
  else doc.set('dates', doc.createNode({ effective: header.effectiveDate }, { flow: true }));
  const signer = {
    name: header.signer.name.trim(),
    ...(header.signer.nip?.trim() ? { nip: header.signer.nip.trim() } : {}),
    title: header.signer.title.trim(),
  };
  doc.set('approvedBy', doc.createNode(signer, { flow: true }));
  // The document computed the new value; the text is patched only where it changed, keeping the rest as written.
  return patchYaml(source, doc.toJS());
}

/** The header values as the SOP has them now, for the publish form to start from. */
export function readPublishHeader(source: string): {
  number: string;
  effectiveDate: string;
  signer: PublishHeader['signer'] | null;
} {
  const doc = parseDocument(source);
  const value = (doc.errors.length === 0 ? doc.toJS() : {}) as {
    number?: unknown;
    dates?: { effective?: unknown };
    approvedBy?: { name?: unknown; nip?: unknown; title?: unknown };
  };
  const signer = value.approvedBy;
  return {
    number: typeof value.number === 'string' ? value.number : '',
    effectiveDate: typeof value.dates?.effective === 'string' ? value.dates.effective : '',
    signer:
      signer && typeof signer.name === 'string' && typeof signer.title === 'string'
        ? { name: signer.name, ...(typeof signer.nip === 'string' ? { nip: signer.nip } : {}), title: signer.title }
        : null,
  };
}
