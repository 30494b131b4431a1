import { describe, expect, it } from 'vitest';
import { applicantContact } from '../../engine/notifications/applicantContact.ts';
import { renderNotification, type RenderContext } from '../../engine/notifications/renderNotification.ts';

const context: RenderContext = {
  regency: {
    office: {
      name: 'Dinas Sosial Kabupaten Uji',
      address: 'Jl. Merdeka 1',
      phone: '0541-123',
      email: 'dinsos@uji.go.id',
    },
  },
  publicUrl: 'https://alur.uji.go.id/',
  timeZone: 'Asia/Jakarta',
};

describe('notification templates and consent', () => {
  it('uses the regency template when it has one, the built-in one otherwise', () => {
    const params = { trackingCode: 'ALR-ABC', serviceName: 'Santunan Kematian' };
    expect(renderNotification('case.opened', params, context).title).toBe('Permohonan Santunan Kematian diterima');
    const custom = renderNotification('case.opened', params, {
      ...context,
      regency: {
        ...context.regency,
        notifications: {
          templates: { 'case.opened': { title: 'Kode {{trackingCode}}', body: 'Lacak: {{trackingUrl}}' } },
        },
      },
    });
    expect(custom).toEqual({ title: 'Kode ALR-ABC', body: 'Lacak: https://alur.uji.go.id/lacak/ALR-ABC' });
  });

  it('lists documents one per line, falls back to the office contacts for complaints, and dates in the regency zone', () => {
    const back = renderNotification(
      'case.sentBack',
      { trackingCode: 'X', serviceName: 'S', reason: 'kurang', documents: ['KTP', 'Kartu Keluarga'] },
      context,
    );
    expect(back.body).toContain('- KTP\n- Kartu Keluarga');
    const rejected = renderNotification(
      'case.rejected',
      { trackingCode: 'X', serviceName: 'S', reason: 'Tidak layak', complaintChannels: [] },
      context,
    );
    expect(rejected.body).toContain('- Telepon 0541-123\n- Surel dinsos@uji.go.id');
    const due = renderNotification(
      'task.overdue',
      { trackingCode: 'X', serviceName: 'S', activity: 'A', dueAt: '2026-12-07T01:00:00.000Z' },
      context,
    );
    expect(due.body).toContain('7 Desember 2026 pukul 08.00');
  });

  it('never lets a 16-digit number (NIK, KK) through, whatever staff typed', () => {
    const message = renderNotification(
      'case.sentBack',
      {
        trackingCode: 'X',
        serviceName: 'S',
        reason: 'NIK 6402010101010001 tidak cocok dengan KK 6402010101010002',
        documents: [],
      },
      context,
    );
    expect(message.body).not.toMatch(/\d{16}/);
    expect(message.body).toContain('NIK [disamarkan] tidak cocok dengan KK [disamarkan]');
  });

  it('contacts an applicant only with recorded consent, on the chosen channel', () => {
    expect(applicantContact({ phone: '081234567890', notificationChannel: 'whatsapp' })).toBeUndefined();
    expect(applicantContact({ notificationConsent: true, phone: '081234567890' })).toBeUndefined();
    expect(
      applicantContact({ notificationConsent: true, notificationChannel: 'sms', phone: '+62 812-3456-7890' }),
    ).toEqual({
      channel: 'sms',
      address: '6281234567890',
    });
    expect(
      applicantContact({ notificationConsent: true, notificationChannel: 'email', email: 'bukan surel' }),
    ).toBeUndefined();
  });
});
