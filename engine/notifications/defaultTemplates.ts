import type { NotificationKind } from './notificationTypes.ts';

/** A message template: `{{name}}` is replaced by a parameter; a list parameter becomes one line per item. */
export interface NotificationTemplate {
  title: string;
  body: string;
}

/**
 * The built-in Indonesian texts. A regency replaces any of them under `notifications.templates` in its
 * regency.yaml. Placeholders available to every template: serviceName, trackingCode, trackingUrl,
 * officeName, officeAddress, officePhone; the others are listed per kind in TEMPLATE_PARAMS.
 */
export const DEFAULT_TEMPLATES: Readonly<Record<NotificationKind, NotificationTemplate>> = {
  'case.opened': {
    title: 'Permohonan {{serviceName}} diterima',
    body: 'Permohonan {{serviceName}} Anda telah kami terima dengan kode lacak {{trackingCode}}. Pantau prosesnya di {{trackingUrl}}.\n{{officeName}}',
  },
  'case.sentBack': {
    title: 'Berkas {{serviceName}} perlu dilengkapi',
    body: 'Berkas permohonan {{serviceName}} (kode {{trackingCode}}) perlu dilengkapi: {{reason}}\nDokumen yang perlu dibawa:\n{{documents}}\nSerahkan ke {{officeName}}, {{officeAddress}}. Waktu layanan berhenti sampai berkas lengkap. Status: {{trackingUrl}}',
  },
  'case.approved': {
    title: 'Permohonan {{serviceName}} selesai',
    body: 'Permohonan {{serviceName}} Anda (kode {{trackingCode}}) telah selesai diproses dan disetujui. Rincian: {{trackingUrl}}\n{{officeName}}',
  },
  'case.rejected': {
    title: 'Permohonan {{serviceName}} tidak dapat dikabulkan',
    body: 'Permohonan {{serviceName}} Anda (kode {{trackingCode}}) tidak dapat dikabulkan. Alasan: {{reason}}\nBila Anda keberatan, sampaikan pengaduan melalui:\n{{complaintChannels}}\nRincian: {{trackingUrl}}',
  },
  'letter.ready': {
    title: 'Surat {{title}} sudah terbit',
    body: 'Surat {{title}} nomor {{number}} untuk permohonan {{serviceName}} (kode {{trackingCode}}) sudah terbit dan dapat diambil di {{officeName}}, {{officeAddress}}.',
  },
  'survey.invitation': {
    title: 'Bagaimana layanan kami?',
    body: 'Terima kasih telah menggunakan layanan {{serviceName}}. Mohon isi Survei Kepuasan Masyarakat (2 menit) di {{trackingUrl}}.\n{{officeName}}',
  },
  'task.assigned': {
    title: 'Tugas baru: {{activity}}',
    body: '{{serviceName}} ({{trackingCode}}): {{activity}}. Batas waktu: {{dueAt}}.',
  },
  'task.dueTomorrow': {
    title: 'Batas waktu besok: {{activity}}',
    body: '{{serviceName}} ({{trackingCode}}): {{activity}} harus selesai paling lambat {{dueAt}}.',
  },
  'task.overdue': {
    title: 'Terlambat: {{activity}}',
    body: '{{serviceName}} ({{trackingCode}}): {{activity}} melewati batas waktu {{dueAt}}.',
  },
  'case.escalated': {
    title: 'Eskalasi: {{serviceName}} {{trackingCode}}',
    body: '{{serviceName}} ({{trackingCode}}) melewati batas waktu pada tahap {{activity}} dan dieskalasikan kepada Anda sebagai atasan.',
  },
  'delegation.started': {
    title: 'Pelimpahan {{delegationKind}} dimulai',
    body: 'Pelimpahan {{delegationKind}} dari {{fromName}} kepada {{toName}} berlaku mulai {{startsAt}} sampai {{endsAt}}.',
  },
  'delegation.ended': {
    title: 'Pelimpahan {{delegationKind}} berakhir',
    body: 'Pelimpahan {{delegationKind}} dari {{fromName}} kepada {{toName}} berakhir pada {{endsAt}}.',
  },
  'digest.daily': {
    title: 'Ringkasan harian {{unitName}} {{date}}',
    body: 'Tugas terbuka: {{openTasks}}. Terlambat: {{overdueTasks}}. Jatuh tempo hari ini: {{dueToday}}. Kasus baru kemarin: {{newCases}}.',
  },
  'service.failed': {
    title: 'Layanan {{connector}} gagal: {{activity}}',
    body: '{{serviceName}} ({{trackingCode}}): {{activity}} tidak dapat diselesaikan oleh layanan {{connector}} ({{error}}). Coba ulang, atau selesaikan secara manual dengan alasan.',
  },
  'case.events': { title: 'Peristiwa kasus {{trackingCode}}', body: '{{events}}' },
  'service.call': { title: 'Panggilan layanan {{connector}}', body: '{{activity}}' },
};

/** Placeholders each kind may use besides the common ones (checked when regency.yaml is loaded). */
export const TEMPLATE_PARAMS: Readonly<Record<NotificationKind, readonly string[]>> = {
  'case.opened': [],
  'case.sentBack': ['reason', 'documents'],
  'case.approved': [],
  'case.rejected': ['reason', 'complaintChannels'],
  'letter.ready': ['title', 'number'],
  'survey.invitation': [],
  'task.assigned': ['activity', 'dueAt'],
  'task.dueTomorrow': ['activity', 'dueAt'],
  'task.overdue': ['activity', 'dueAt'],
  'case.escalated': ['activity', 'dueAt'],
  'delegation.started': ['delegationKind', 'fromName', 'toName', 'startsAt', 'endsAt'],
  'delegation.ended': ['delegationKind', 'fromName', 'toName', 'startsAt', 'endsAt'],
  'digest.daily': ['unitName', 'date', 'openTasks', 'overdueTasks', 'dueToday', 'newCases'],
  'service.failed': ['activity', 'connector', 'error'],
  'case.events': ['events', 'caseId', 'sopId', 'status'],
  'service.call': ['activity', 'connector'],
};

/** Placeholders every template may use. */
export const COMMON_PARAMS: readonly string[] = [
  'serviceName',
  'trackingCode',
  'trackingUrl',
  'officeName',
  'officeAddress',
  'officePhone',
];
