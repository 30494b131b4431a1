import type { SopDefinition } from '../../definition/sopTypes.ts';
import type { MonitoringContext } from './monitoringContext.ts';

const COMPLAINT = /\bpengaduan\b/i;

/**
 * Whether an SOP handles complaints (pengaduan). The definition language has no category for it, so
 * the SOP's id or name decides: "Penanganan Pengaduan Secara Langsung", "pengaduan-online",
 * "Pengaduan Bansos … Sidaya Sehati" are complaint SOPs.
 */
export function isComplaintSop(definition: Pick<SopDefinition, 'id' | 'name'>): boolean {
  return COMPLAINT.test(definition.id.replace(/-/g, ' ')) || COMPLAINT.test(definition.name);
}

/** The complaint SOPs of a regency (latest versions). */
export function complaintSopIds(context: MonitoringContext): string[] {
  return [...context.sops.values()]
    .filter((s) => isComplaintSop(s.definition))
    .map((s) => s.id)
    .sort();
}
