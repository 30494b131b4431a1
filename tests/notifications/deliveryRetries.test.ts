import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runNotifier } from '../../engine/app/notifications/notificationJob.ts';
import type { NotifierSettings } from '../../engine/app/notifications/notifierSettings.ts';
import { openDatabase } from '../../engine/storage/database.ts';
import { kutaiApplicant } from '../support/kutaiApplicant.ts';
import {
  definitionsWithNotifications,
  startHttpStandIn,
  verifyWebhookSignature,
  whatsappAccepted,
} from '../support/notificationStandIns.ts';
import { databaseLabel } from '../support/testDatabase.ts';
import { startTestServer, type TestServer } from '../support/testServer.ts';

const REGENCY = 'kutai-kartanegara';
const HOOK_SECRET = 'rahasia-webhook-uji';

describe(`notification delivery: retries, dead letters, exactly once, signed webhooks (${databaseLabel})`, () => {
  let test: TestServer;
  let whatsapp: Awaited<ReturnType<typeof startHttpStandIn>>;
  let sms: Awaited<ReturnType<typeof startHttpStandIn>>;
  let receiver: Awaited<ReturnType<typeof startHttpStandIn>>;
  let definitions: string;
  let settings: NotifierSettings;
  let clock = Date.now();
  const tick = (): Date => new Date((clock += 3_600_000));

  beforeAll(async () => {
    // The WhatsApp gateway fails the first three requests, then accepts.
    whatsapp = await startHttpStandIn((request, index) =>
      index < 3
        ? { status: 503, body: { error: { message: 'Service unavailable' } } }
        : whatsappAccepted(request, 'wamid.ok'),
    );
    sms = await startHttpStandIn(() => ({ status: 500, body: { error: 'gateway down' } }));
    receiver = await startHttpStandIn((request) =>
      verifyWebhookSignature(HOOK_SECRET, request.headers['x-alur-signature'] as string | undefined, request.body)
        ? { status: 204, body: {} }
        : { status: 401, body: { error: 'bad signature' } },
    );
    definitions = definitionsWithNotifications(
      REGENCY,
      [
        `  whatsapp: { baseUrl: "${whatsapp.url}", phoneNumberId: "555", tokenEnv: ALUR_TEST_WA_TOKEN }`,
        `  sms: { url: "${sms.url}/kirim", tokenEnv: ALUR_TEST_SMS_TOKEN }`,
        `  webhooks:`,
        `    - { id: siks-lokal, url: "${receiver.url}/alur", secretEnv: ALUR_TEST_HOOK_SECRET, events: [case.started] }`,
        '',
      ].join('\n'),
    );
    test = await startTestServer({ definitionsDir: definitions });
    settings = {
      publicUrl: 'https://alur.example.go.id',
      mailFrom: 'Alur <no-reply@example.go.id>',
      maxAttempts: 5,
      retrySeconds: 60,
      secrets: { ALUR_TEST_WA_TOKEN: 'wa', ALUR_TEST_SMS_TOKEN: 'sms', ALUR_TEST_HOOK_SECRET: HOOK_SECRET },
      timeoutMs: 5000,
    };
  }, 120_000);
  afterAll(async () => {
    await test?.stop();
    await Promise.all([whatsapp?.close(), sms?.close(), receiver?.close()]);
    if (definitions) rmSync(definitions, { recursive: true, force: true });
  });

  async function openWith(data: Record<string, unknown>): Promise<{ id: string; trackingCode: string }> {
    const staff = await test.as(REGENCY, 'staf-rehsos');
    const response = await staff.post<{ id: string; trackingCode: string }>('/api/cases', {
      sopId: 'bantuan-permakanan',
      data: { ...kutaiApplicant, notificationConsent: true, ...data },
    });
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    return response.body;
  }

  const deliveriesOf = (channel: string): Promise<Array<{ status: string; attempts: number; next_attempt_at: Date }>> =>
    test.server.db('notification_deliveries').where({ channel }).orderBy('id');

  it('a gateway that fails three times then succeeds delivers once, with growing delays between attempts', async () => {
    const opened = await openWith({ notificationChannel: 'whatsapp', phone: '081234567890' });
    const delays: number[] = [];
    for (let turn = 0; turn < 6; turn++) {
      const now = tick();
      await runNotifier(test.server.db, now, settings);
      const [row] = await deliveriesOf('whatsapp');
      if (row?.status === 'pending') delays.push(new Date(row.next_attempt_at).getTime() - now.getTime());
    }
    expect(whatsapp.requests).toHaveLength(4);
    const [row] = await deliveriesOf('whatsapp');
    expect(row).toMatchObject({ status: 'sent', attempts: 4 });
    expect(delays).toEqual([60_000, 120_000, 240_000]);
    // The webhook got the case's first batch, signed; the receiver accepted the signature.
    expect(receiver.requests).toHaveLength(1);
    const hook = receiver.requests[0]!;
    expect(verifyWebhookSignature(HOOK_SECRET, hook.headers['x-alur-signature'] as string, hook.body)).toBe(true);
    const payload = JSON.parse(hook.body) as { trackingCode: string; events: Array<{ type: string }> };
    expect(payload.trackingCode).toBe(opened.trackingCode);
    expect(payload.events.map((e) => e.type)).toContain('case.started');
    expect(hook.body).not.toContain(kutaiApplicant.nik);
    expect(verifyWebhookSignature('kunci-lain', hook.headers['x-alur-signature'] as string, hook.body)).toBe(false);
  });

  it('a gateway that never answers ends as a dead letter the admin sees and can retry', async () => {
    await openWith({ notificationChannel: 'sms', phone: '081299990000' });
    for (let turn = 0; turn < 7; turn++) await runNotifier(test.server.db, tick(), settings);
    expect(sms.requests).toHaveLength(5);
    expect(sms.requests[0]!.path).toBe('/kirim');
    expect(JSON.parse(sms.requests[0]!.body)).toMatchObject({ to: '6281299990000' });
    const admin = await test.as(REGENCY, 'admin');
    const dead = await admin.get<{
      deliveries: Array<{ id: number; channel: string; address: string; attempts: number; lastError: string }>;
    }>('/api/notifications/deliveries?status=dead');
    expect(dead.status).toBe(200);
    const letter = dead.body.deliveries.find((d) => d.channel === 'sms')!;
    expect(letter).toMatchObject({ attempts: 5, address: '6281****000' });
    expect(letter.lastError).toContain('HTTP 500');
    expect(JSON.stringify(dead.body)).not.toContain('6281299990000');
    const staff = await test.as(REGENCY, 'staf-rehsos');
    expect((await staff.get('/api/notifications/deliveries?status=dead')).status).toBe(403);
    const retried = await admin.post(`/api/notifications/deliveries/${letter.id}/retry`);
    expect(retried.status).toBe(200);
    expect((await admin.post(`/api/notifications/deliveries/${letter.id}/retry`)).status).toBe(409);
    await runNotifier(test.server.db, tick(), settings);
    expect(sms.requests).toHaveLength(6);
  });

  it('several notifier processes running at once send each message exactly once', async () => {
    whatsapp.requests.length = 0;
    for (let i = 0; i < 6; i++) await openWith({ notificationChannel: 'whatsapp', phone: `0812000000${10 + i}` });
    const target = test.target;
    const extra = target.kind === 'postgres' ? [openDatabase(target), openDatabase(target)] : [];
    try {
      const now = tick();
      await Promise.all(
        [test.server.db, test.server.db, ...extra].map((db, i) => runNotifier(db, now, settings, `runner-${i}`)),
      );
    } finally {
      await Promise.all(extra.map((db) => db.destroy()));
    }
    const recipients = whatsapp.requests.map((r) => (JSON.parse(r.body) as { to: string }).to).sort();
    expect(recipients).toEqual(Array.from({ length: 6 }, (_, i) => `62812000000${10 + i}`));
  });
});
