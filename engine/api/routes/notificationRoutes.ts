import { AppError } from '../../app/appErrors.ts';
import { retryServiceCall } from '../../app/connectors/retryServiceCall.ts';
import { listDeliveries, retryDelivery } from '../../app/notifications/deliveryAdmin.ts';
import { notifierSettingsFromEnv } from '../../app/notifications/notifierSettings.ts';
import { listStaffNotifications, markNotificationsRead } from '../../app/notifications/staffNotifications.ts';
import { notificationContracts as c } from '../../contracts/notificationContracts.ts';
import { implement, type RouteSpec } from '../routeSpec.ts';

/** The staff bell (in-app notifications) and, for the admin, the delivery queue with its dead letters. */
export const notificationRoutes: RouteSpec[] = [
  implement(c.list, {
    summary: 'Pemberitahuan untuk peran saya atau saya sendiri, dengan jumlah yang belum dibaca',
    tag: 'pemberitahuan',
    access: 'user',
    policy: { action: 'notification.read' },
    responses: { 200: 'Daftar pemberitahuan', 401: 'Belum masuk' },
    handler: async ({ db, user }) => ({
      body: await listStaffNotifications(db, user, notifierSettingsFromEnv().publicUrl),
    }),
  }),
  implement(c.markRead, {
    summary: 'Menandai pemberitahuan sudah dibaca (tanpa ids: semuanya)',
    tag: 'pemberitahuan',
    access: 'user',
    policy: { action: 'notification.read' },
    responses: { 200: 'Ditandai', 400: 'Data tidak sah', 401: 'Belum masuk' },
    handler: async ({ db, user, body }) => ({ body: { marked: await markNotificationsRead(db, user, body.ids) } }),
  }),
  implement(c.deliveries, {
    summary: 'Antrean pengiriman pemberitahuan (status=dead: gagal permanen, perlu ditangani admin)',
    tag: 'pemberitahuan',
    access: 'user',
    policy: { action: 'notification.admin' },
    responses: { 200: 'Daftar pengiriman', 400: 'Status tidak dikenal', 401: 'Belum masuk', 403: 'Hanya admin' },
    handler: async ({ db, user, query }) => ({
      body: { deliveries: await listDeliveries(db, user.regencyId, query.status ?? 'dead') },
    }),
  }),
  implement(c.retryDelivery, {
    summary: 'Mengulang pengiriman yang gagal permanen',
    tag: 'pemberitahuan',
    access: 'user',
    policy: { action: 'notification.admin' },
    responses: {
      200: 'Dijadwalkan ulang',
      401: 'Belum masuk',
      403: 'Hanya admin',
      404: 'Tidak ada',
      409: 'Bukan dead letter',
    },
    handler: async ({ db, user, params }) => {
      const id = Number(params.deliveryId);
      if (!Number.isSafeInteger(id) || id < 1)
        throw new AppError('VALIDATION_FAILED', 'Nomor pengiriman harus bilangan bulat positif.', '/deliveryId');
      await retryDelivery(db, user.regencyId, id);
      return { body: { retried: id } };
    },
  }),
  implement(c.retryServiceCall, {
    summary: 'Mengulang panggilan layanan (konektor) yang gagal untuk langkah layanan ini',
    tag: 'tugas',
    access: 'user',
    policy: { action: 'task.act' },
    responses: {
      200: 'Dijadwalkan ulang',
      401: 'Belum masuk',
      403: 'Bukan tugas Anda',
      404: 'Tidak ada panggilan yang gagal',
    },
    handler: async ({ db, user, params }) => {
      await retryServiceCall(db, user.regencyId, params.taskId);
      return { body: { retried: params.taskId } };
    },
  }),
];
