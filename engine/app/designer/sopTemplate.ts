import { stringify } from 'yaml';
import type { RawRegency, RoleKind } from '../../definition/sopTypes.ts';

/** Picks a role of one of the kinds (in order of preference), in the unit when one is given, else any role. */
function roleOf(regency: RawRegency, kinds: readonly RoleKind[], unit?: string): string {
  for (const kind of kinds) {
    const role =
      regency.roles.find((r) => (r.kind ?? 'staff') === kind && (unit === undefined || r.unit === unit)) ??
      regency.roles.find((r) => (r.kind ?? 'staff') === kind);
    if (role) return role.id;
  }
  return regency.roles[0]?.id ?? 'petugas';
}

/**
 * A new, valid SOP for a regency in the official shape: an application recorded by the front desk, a
 * check with a Ya/Tidak decision and an approval by a head of unit. Roles, documents and the unit are
 * taken from the regency so the template passes validation as it is; drafters then adapt it.
 */
export function newSopTemplate(regency: RawRegency, sopId: string, name: string, drafterUnit?: string): string {
  // The drafter's own unit: its staff do the work and its head approves, as in the seeds.
  const staff = roleOf(regency, ['staff'], drafterUnit);
  const unit = drafterUnit ?? regency.roles.find((r) => r.id === staff)?.unit ?? regency.units[0]?.id;
  const head =
    regency.roles.find((r) => r.kind === 'kabid' && r.unit === unit)?.id ??
    roleOf(regency, ['kabid', 'kadis', 'sekretaris', 'staff'], unit);
  const headName = regency.roles.find((r) => r.id === head)?.name ?? 'Kepala Bidang';
  const staffName = regency.roles.find((r) => r.id === staff)?.name ?? 'Petugas';
  const firstDocument = regency.documentTypes?.[0]?.id;
  const sop = {
    id: sopId,
    regency: regency.id,
    status: 'draft',
    kind: 'sop',
    name,
    ...(unit !== undefined ? { unit } : {}),
    // The head of office signs SOPs in the seeds; the drafter corrects it when someone else does.
    ...(regency.office.head ? { approvedBy: regency.office.head } : {}),
    legalBasis: ['Undang-Undang RI Nomor 11 Tahun 2009 tentang Kesejahteraan Sosial'],
    qualifications: ['Memahami tugas pokok dan fungsi Dinas Sosial'],
    equipment: ['Komputer', 'Alat tulis kantor'],
    warnings: ['Apabila SOP ini tidak dilaksanakan, pelayanan dapat terhambat'],
    recordKeeping: ['Berkas permohonan disimpan sebagai arsip'],
    caseData: {
      title: 'Data pemohon',
      schema: {
        type: 'object',
        required: ['fullName', 'nik'],
        properties: {
          fullName: { type: 'string', title: 'Nama lengkap', minLength: 1 },
          nik: { type: 'string', title: 'NIK', pattern: '^[0-9]{16}$' },
        },
      },
    },
    actors: [
      { id: 'pemohon', name: 'Pemohon', external: true, recordedBy: staff },
      { id: 'petugas', name: staffName, role: staff },
      { id: 'kepala', name: headName, role: head },
    ],
    steps: [
      {
        id: 'pengajuan',
        activity: 'Pemohon menyerahkan berkas permohonan',
        actor: 'pemohon',
        ...(firstDocument !== undefined ? { requirements: [firstDocument] } : {}),
        time: '15 menit',
        output: 'Berkas permohonan',
      },
      {
        id: 'verifikasi',
        activity: 'Petugas memeriksa kelengkapan berkas',
        actor: 'petugas',
        time: '1 hari kerja',
        form: {
          title: 'Hasil pemeriksaan',
          schema: { type: 'object', properties: { complete: { type: 'boolean', title: 'Berkas lengkap' } } },
        },
        output: 'Berkas terverifikasi',
        decision: {
          question: 'Apakah berkas lengkap?',
          branches: [
            { label: 'Ya', when: { fact: 'complete', operator: 'equal', value: true }, goto: 'persetujuan' },
            { label: 'Tidak', otherwise: true, goto: 'ditolak' },
          ],
        },
      },
      {
        id: 'persetujuan',
        activity: `${headName} menyetujui permohonan`,
        actor: 'kepala',
        time: '1 hari kerja',
        output: 'Surat persetujuan',
        end: 'selesai',
      },
    ],
  };
  return `# ${name}: disusun dari templat Alur; sesuaikan langkah, pelaksana dan baku mutu.\n${stringify(sop, { lineWidth: 0 })}`;
}
