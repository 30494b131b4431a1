import { Type } from '@sinclair/typebox';
import { contract } from './contract.ts';

/** One in-app notification as the staff bell shows it. */
export const StaffNotificationSchema = Type.Object({
  id: Type.Integer(),
  kind: Type.String(),
  title: Type.String(),
  body: Type.String(),
  caseId: Type.Union([Type.String(), Type.Null()]),
  taskId: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String({ format: 'date-time' }),
  read: Type.Boolean(),
});

/** One queued or sent delivery (e-mail, SMS, webhook, connector call), for the admin. */
export const DeliverySchema = Type.Object({
  id: Type.Integer(),
  notificationId: Type.Integer(),
  kind: Type.String(),
  caseId: Type.Union([Type.String(), Type.Null()]),
  trackingCode: Type.Union([Type.String(), Type.Null()]),
  channel: Type.String(),
  address: Type.String(),
  status: Type.String(),
  attempts: Type.Integer(),
  nextAttemptAt: Type.String(),
  lastError: Type.Union([Type.String(), Type.Null()]),
  sentAt: Type.Union([Type.String(), Type.Null()]),
});

/** The staff bell and, for the admin, the delivery queue with its dead letters. */
export const notificationContracts = {
  list: contract({
    method: 'get',
    path: '/api/notifications',
    reply: { 200: Type.Object({ unread: Type.Integer({ minimum: 0 }), items: Type.Array(StaffNotificationSchema) }) },
  }),
  markRead: contract({
    method: 'post',
    path: '/api/notifications/read',
    body: Type.Object(
      { ids: Type.Optional(Type.Array(Type.Integer({ minimum: 1 }), { maxItems: 200 })) },
      { additionalProperties: false },
    ),
    reply: { 200: Type.Object({ marked: Type.Integer({ minimum: 0 }) }) },
  }),
  deliveries: contract({
    method: 'get',
    path: '/api/notifications/deliveries',
    query: Type.Object(
      { status: Type.Optional(Type.Union([Type.Literal('pending'), Type.Literal('sent'), Type.Literal('dead')])) },
      { additionalProperties: false },
    ),
    reply: { 200: Type.Object({ deliveries: Type.Array(DeliverySchema) }) },
  }),
  retryDelivery: contract({
    method: 'post',
    path: '/api/notifications/deliveries/{deliveryId}/retry',
    reply: { 200: Type.Object({ retried: Type.Integer() }) },
  }),
  retryServiceCall: contract({
    method: 'post',
    path: '/api/tasks/{taskId}/service-retry',
    reply: { 200: Type.Object({ retried: Type.String() }) },
  }),
};
