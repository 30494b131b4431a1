import { AppError } from '../../app/appErrors.ts';
import { retryServiceCall } from '../../app/connectors/retryServiceCall.ts';
import { listDeliveries, retryDelivery } from '../../app/notifications/deliveryAdmin.ts';
import { notifierSettingsFromEnv } from '../../app/notifications/notifierSettings.ts';
import { listStaffNotifications, markNotificationsRead } from '../../app/notifications/staffNotifications.ts';
import { route, type RouteSpec } from '../routeSpec.ts';

const STATUSES = ['pending', 'sent', 'dead'];

/** The staff bell (in-app notifications) and, for the admin, the delivery queue with its dead letters. */
export const notificationRoutes: RouteSpec[] = [
  route({
    method: 'get',
    path: '/api/notifications',
    summary: 'Pemberitahuan untuk peran saya atau saya sendiri, dengan jumlah yang belum dibaca',
    tag: 'pemberitahuan',
    access: 'user',
    policy: { action: 'notification.read' },
    responses: { 200: 'Daftar pemberitahuan', 401: 'Belum masuk' },
    handler: async ({ db, user }) => ({
      body: await listStaffNotifications(db, user!, notifierSettingsFromEnv().publicUrl),
    }),
  }),
  route<{ ids?: number[] }>({
    method: 'post',
    path: '/api/notifications/read',
    summary: 'Menandai pemberitahuan sudah dibaca (tanpa ids: semuanya)',
    tag: 'pemberitahuan',
    access: 'user',
    policy: { action: 'notification.read' },
    body: {
      type: 'object',
      additionalProperties: false,
      properties: { ids: { type: 'array', maxItems: 200, items: { type: 'integer', minimum: 1 } } },
    },
    responses: { 200: 'Ditandai', 400: 'Data tidak sah', 401: 'Belum masuk' },
    handler: async ({ db, user, body }) => ({ body: { marked: await markNotificationsRead(db, user!, body.ids) } }),
  }),
  route({
    method: 'get',
    path: '/api/notifications/deliveries',
    summary: 'Antrean pengiriman pemberitahuan (status=dead: gagal permanen, perlu ditangani admin)',
    tag: 'pemberitahuan',
    access: 'user',
    policy: { action: 'notification.admin' },
    responses: { 200: 'Daftar pengiriman', 400: 'Status tidak dikenal', 401: 'Belum masuk', 403: 'Hanya admin' },
    handler: async ({ db, user, query }) => {
      const status = query.status ?? 'dead';
      if (!STATUSES.includes(status))
        throw new AppError('VALIDATION_FAILED', `Status harus salah satu dari: ${STATUSES.join(', ')}.`, '/status');
      return { body: { deliveries: await listDeliveries(db, user!.regencyId, status) } };
    },
  }),
  route({
    method: 'post',
    path: '/api/notifications/deliveries/{deliveryId}/retry',
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
      await retryDelivery(db, user!.regencyId, id);
      return { body: { retried: id } };
    },
  }),
  route({
    method: 'post',
    path: '/api/tasks/{taskId}/service-retry',
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
      await retryServiceCall(db, user!.regencyId, params.taskId!);
      return { body: { retried: params.taskId } };
    },
  }),
];
