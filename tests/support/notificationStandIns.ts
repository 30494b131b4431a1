import { createHmac, timingSafeEqual } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SMTPServer } from 'smtp-server';
import { definitionsDir } from './testServer.ts';

/** A message received by the test SMTP server, decoded enough to read subject and text. */
export interface ReceivedMail {
  to: string[];
  from: string;
  subject: string;
  text: string;
  raw: string;
}

function decodeQuotedPrintable(text: string): string {
  const bytes = text.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_, hex: string) => `%${hex}`);
  try {
    return decodeURIComponent(bytes);
  } catch {
    return bytes;
  }
}

function decodeHeader(value: string): string {
  return value.replace(/=\?utf-8\?([QB])\?([^?]*)\?=/gi, (_, enc: string, data: string) =>
    enc.toUpperCase() === 'B'
      ? Buffer.from(data, 'base64').toString('utf8')
      : decodeQuotedPrintable(data.replace(/_/g, ' ')),
  );
}

function parseMail(raw: string, to: string[], from: string): ReceivedMail {
  const split = raw.indexOf('\r\n\r\n');
  const head = raw.slice(0, split).replace(/\r\n[ \t]+/g, ' ');
  const body = raw.slice(split + 4);
  const header = (name: string): string => new RegExp(`^${name}:\\s*(.*)$`, 'im').exec(head)?.[1]?.trim() ?? '';
  const encoding = header('Content-Transfer-Encoding').toLowerCase();
  const text =
    encoding === 'base64'
      ? Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8')
      : encoding === 'quoted-printable'
        ? decodeQuotedPrintable(body)
        : body;
  return { to, from, subject: decodeHeader(header('Subject')).replace(/\s+/g, ' '), text: text.trim(), raw };
}

/** A real SMTP server (smtp-server package) on a free local port, keeping every message it accepts. */
export async function startSmtpServer(): Promise<{ url: string; mails: ReceivedMail[]; close: () => Promise<void> }> {
  const mails: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const to = session.envelope.rcptTo.map((r) => r.address);
        const from = session.envelope.mailFrom ? session.envelope.mailFrom.address : '';
        mails.push(parseMail(Buffer.concat(chunks).toString('utf8'), to, from));
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const port = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    mails,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A request received by an HTTP stand-in. */
export interface ReceivedRequest {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  body: string;
}

/** An HTTP stand-in: records requests; `answer` decides status and JSON body (e.g. fail N times). */
export async function startHttpStandIn(
  answer: (request: ReceivedRequest, index: number) => { status: number; body: unknown },
): Promise<{ url: string; requests: ReceivedRequest[]; close: () => Promise<void> }> {
  const requests: ReceivedRequest[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const request = {
        method: req.method ?? '',
        path: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      requests.push(request);
      const { status, body } = answer(request, requests.length - 1);
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * The WhatsApp Cloud API "send message" contract as documented by Meta: POST /{version}/{phone-number-id}/messages,
 * Bearer token, JSON { messaging_product: "whatsapp", recipient_type: "individual", to, type: "text",
 * text: { body } }. Returns the problems of a request (empty when it follows the contract).
 */
export function whatsappContractProblems(request: ReceivedRequest, phoneNumberId: string, token: string): string[] {
  const problems: string[] = [];
  if (request.method !== 'POST') problems.push(`method ${request.method}`);
  if (!new RegExp(`^/v\\d+\\.\\d+/${phoneNumberId}/messages$`).test(request.path))
    problems.push(`path ${request.path}`);
  if (request.headers.authorization !== `Bearer ${token}`) problems.push('authorization');
  if (!String(request.headers['content-type']).startsWith('application/json')) problems.push('content-type');
  let body: Record<string, unknown> = {};
  try {
    body = JSON.parse(request.body) as Record<string, unknown>;
  } catch {
    problems.push('body is not JSON');
  }
  if (body.messaging_product !== 'whatsapp') problems.push('messaging_product');
  if (body.recipient_type !== 'individual') problems.push('recipient_type');
  if (typeof body.to !== 'string' || !/^[1-9][0-9]{7,14}$/.test(body.to))
    problems.push('to (digits with country code)');
  if (body.type !== 'text') problems.push('type');
  const text = body.text as { body?: unknown } | undefined;
  if (typeof text?.body !== 'string' || text.body.length === 0 || text.body.length > 4096) problems.push('text.body');
  return problems;
}

/** The success answer of the Cloud API. */
export function whatsappAccepted(request: ReceivedRequest, id: string): { status: number; body: unknown } {
  const to = (JSON.parse(request.body) as { to: string }).to;
  return {
    status: 200,
    body: { messaging_product: 'whatsapp', contacts: [{ input: to, wa_id: to }], messages: [{ id }] },
  };
}

/** Checks an Alur webhook signature header (`t=…,v1=…`) the way a receiver should. */
export function verifyWebhookSignature(secret: string, header: string | undefined, body: string): boolean {
  const match = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(header ?? '');
  if (!match) return false;
  const expected = createHmac('sha256', secret).update(`${match[1]}.${body}`).digest();
  return timingSafeEqual(expected, Buffer.from(match[2]!, 'hex'));
}

/** A copy of one regency's definitions with a `notifications:` block appended to its regency.yaml. */
export function definitionsWithNotifications(regency: string, notificationsYaml: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'issue-20-defs-'));
  cpSync(join(definitionsDir, regency), join(dir, regency), { recursive: true });
  const file = join(dir, regency, 'regency.yaml');
  writeFileSync(file, `${readFileSync(file, 'utf8')}\nnotifications:\n${notificationsYaml}`);
  return dir;
}
