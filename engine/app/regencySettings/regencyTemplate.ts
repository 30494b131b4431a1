import { stringify } from 'yaml';
import type { Kabupaten } from '../../regions/kabupatenList.ts';

/** The letterhead fields the new-regency wizard asks for. */
export interface Letterhead {
  name: string;
  parent?: string;
  address?: string;
  postalCode?: string;
  phone?: string;
  email?: string;
  website?: string;
  head?: { name: string; title: string; nip?: string; rank?: string };
}

/** The three time zones of Keppres 41/1987 by their Indonesian names. */
export const TIME_ZONES = { WIB: 'Asia/Jakarta', WITA: 'Asia/Makassar', WIT: 'Asia/Jayapura' } as const;

/** One of WIB, WITA, WIT. */
export type ZoneName = keyof typeof TIME_ZONES;

/**
 * The first regency.yaml of a new regency: the wizard's answers and a small starting organisation
 * (Sekretariat and one Bidang, the roles every office needs, common documents and the applicant's
 * identity fragment) that the admin then shapes in the designer like any other settings change.
 */
export function regencyTemplate(id: string, kabupaten: Kabupaten, zone: ZoneName, office: Letterhead): string {
  const regency = {
    id,
    name: kabupaten.name,
    province: kabupaten.province,
    regionCode: kabupaten.code,
    office,
    units: [
      { id: 'sekretariat', name: 'Sekretariat', short: 'SET' },
      { id: 'layanan', name: 'Bidang Pelayanan dan Rehabilitasi Sosial', short: 'YANREHSOS' },
    ],
    roles: [
      { id: 'kepala-dinas', name: 'Kepala Dinas Sosial', kind: 'kadis' },
      { id: 'sekretaris', name: 'Sekretaris Dinas', unit: 'sekretariat', kind: 'sekretaris' },
      { id: 'kabid-layanan', name: 'Kepala Bidang Pelayanan dan Rehabilitasi Sosial', unit: 'layanan', kind: 'kabid' },
      { id: 'petugas-layanan', name: 'Petugas Pelayanan', unit: 'layanan', kind: 'staff' },
      { id: 'penyusun-sop', name: 'Penyusun SOP', unit: 'sekretariat', kind: 'drafter' },
      { id: 'pengesah-sop', name: 'Pengesah SOP', kind: 'approver' },
      { id: 'auditor', name: 'Auditor Internal', kind: 'auditor' },
      { id: 'admin', name: 'Administrator Sistem', unit: 'sekretariat', kind: 'admin' },
    ],
    calendar: {
      timezone: TIME_ZONES[zone],
      workingDays: ['mon', 'tue', 'wed', 'thu', 'fri'],
      hours: { start: '08:00', end: '16:00' },
    },
    documentTypes: [
      { id: 'ktp', label: 'KTP (Kartu Tanda Penduduk)', scan: true, personalData: true },
      { id: 'kk', label: 'Kartu Keluarga (KK)', scan: true, personalData: true },
      { id: 'surat-permohonan', label: 'Surat Permohonan', scan: true },
      { id: 'surat-pengantar-desa', label: 'Surat Pengantar Desa / Kelurahan', scan: true },
    ],
    formFragments: [
      {
        id: 'identitas-pemohon',
        title: 'Identitas pemohon',
        schema: {
          type: 'object',
          required: ['nik', 'fullName', 'village', 'district'],
          properties: {
            nik: {
              type: 'string',
              title: 'NIK',
              description: 'Nomor Induk Kependudukan 16 digit sesuai KTP',
              pattern: '^[0-9]{16}$',
            },
            fullName: { type: 'string', title: 'Nama lengkap', minLength: 2 },
            address: { type: 'string', title: 'Alamat (jalan, RT/RW)' },
            village: { type: 'string', title: 'Desa / Kelurahan' },
            district: { type: 'string', title: 'Kecamatan' },
            phone: { type: 'string', title: 'Nomor telepon/HP', pattern: '^(\\+62|0)[0-9]{8,13}$' },
          },
        },
      },
    ],
  };
  const header = [
    `# ${kabupaten.name} — dibuat dengan panduan kabupaten baru di Alur.`,
    `# Kode wilayah ${kabupaten.code} (${kabupaten.province}) menurut Kepmendagri 300.2.2-2138 Tahun 2025.`,
    '# Unit, peran, dokumen dan fragmen di bawah adalah awalan: sesuaikan di Pengaturan kabupaten (perancang).',
  ].join('\n');
  return `${header}\n${stringify(regency, { lineWidth: 0 })}`;
}
