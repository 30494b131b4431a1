import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConnectorCall } from '../../engine/app/connectors/connectorTypes.ts';
import { dtsenAdapter } from '../../engine/app/connectors/dtsenAdapter.ts';
import { dukcapilAdapter } from '../../engine/app/connectors/dukcapilAdapter.ts';
import { httpJsonAdapter } from '../../engine/app/connectors/httpJsonAdapter.ts';
import { buildServiceRequest, mapServiceReply } from '../../engine/app/connectors/serviceTemplates.ts';
import { ChannelError } from '../../engine/app/notifications/channels/channelTypes.ts';
import { startHttpStandIn, type ReceivedRequest } from '../support/notificationStandIns.ts';

const TOKEN = 'token-konektor';

/** The documented request shapes, checked by the stand-ins like the real services would. */
function contractProblem(r: ReceivedRequest, path: string, required: string[]): string | undefined {
  if (r.method !== 'POST' || r.path !== path) return `${r.method} ${r.path}`;
  if (r.headers.authorization !== `Bearer ${TOKEN}`) return 'authorization';
  const body = JSON.parse(r.body) as Record<string, unknown>;
  const missing = required.filter((k) => body[k] === undefined);
  return missing.length > 0 ? `missing ${missing.join(',')}` : undefined;
}

describe('connector adapters against local stand-ins of the documented contracts', () => {
  let standIn: Awaited<ReturnType<typeof startHttpStandIn>>;
  beforeAll(async () => {
    standIn = await startHttpStandIn((r) => {
      const body = JSON.parse(r.body || '{}') as Record<string, unknown>;
      if (r.path === '/lambat') return { status: 200, body: {} };
      if (r.path === '/nik/verifikasi') {
        const problem = contractProblem(r, '/nik/verifikasi', ['nik']);
        if (problem) return { status: 400, body: { error: problem } };
        return {
          status: 200,
          body:
            body.nik === '6102010101010001'
              ? { terdaftar: true, nama: body.nama === 'Maria' ? 'Sesuai' : 'Tidak Sesuai', tanggalLahir: 'Sesuai' }
              : { terdaftar: false },
        };
      }
      if (r.path === '/dtsen/cek') {
        const problem = contractProblem(r, '/dtsen/cek', ['nik']);
        if (problem) return { status: 400, body: { error: problem } };
        return {
          status: 200,
          body: body.nik === '6102010101010001' ? { terdaftar: true, desil: 2 } : { terdaftar: false, desil: null },
        };
      }
      if (r.path === '/api/cek-bansos')
        return { status: 200, body: { data: { program: 'PKH', aktif: true }, echo: body } };
      return { status: 404, body: {} };
    });
  });
  afterAll(async () => standIn?.close());

  const call = (
    type: ConnectorCall['connector']['type'],
    request: Record<string, unknown>,
    path?: string,
  ): ConnectorCall => ({
    connector: { id: type, type, baseUrlEnv: 'X', ...(path ? { path } : {}) },
    baseUrl: standIn.url,
    token: TOKEN,
    timeoutMs: 2000,
    request,
  });

  it('Dukcapil NIK verification: registered, name and birth date matched', async () => {
    await expect(dukcapilAdapter(call('dukcapil-nik', { nik: '6102010101010001', nama: 'Maria' }))).resolves.toEqual({
      registered: true,
      nameMatches: true,
      birthDateMatches: true,
    });
    await expect(dukcapilAdapter(call('dukcapil-nik', { nik: '6102010101019999' }))).resolves.toEqual({
      registered: false,
      nameMatches: null,
      birthDateMatches: null,
    });
    await expect(dukcapilAdapter(call('dukcapil-nik', { nik: '123' }))).rejects.toBeInstanceOf(ChannelError);
  });

  it('DTSEN/SIKS-NG lookup: registered and decile', async () => {
    await expect(dtsenAdapter(call('dtsen', { nik: '6102010101010001' }))).resolves.toEqual({
      registered: true,
      decile: 2,
    });
    await expect(dtsenAdapter(call('dtsen', { nik: '6102010101010002' }))).resolves.toEqual({
      registered: false,
      decile: null,
    });
  });

  it('generic HTTP/JSON: posts the templated request, maps the reply by path', async () => {
    const request = buildServiceRequest(
      { nik: '{{nik}}', catatan: 'Kasus {{code}}', jumlah: 2 },
      { nik: '6102010101010001', code: 'ALR-1' },
    );
    expect(request).toEqual({ nik: '6102010101010001', catatan: 'Kasus ALR-1', jumlah: 2 });
    const reply = await httpJsonAdapter(call('http', request, '/api/cek-bansos'));
    expect(mapServiceReply({ program: 'data.program', active: 'data.aktif', none: 'data.tidakAda' }, reply)).toEqual({
      program: 'PKH',
      active: true,
    });
  });

  it('a refused call or an unreachable service is a ChannelError without the token in it', async () => {
    const refused = await httpJsonAdapter(call('http', {}, '/tidak-ada')).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ChannelError);
    expect((refused as Error).message).toContain('HTTP 404');
    const down = await dtsenAdapter({
      ...call('dtsen', { nik: '6102010101010001' }),
      baseUrl: 'http://127.0.0.1:9',
    }).catch((e: unknown) => e);
    expect(down).toBeInstanceOf(ChannelError);
    expect((down as Error).message).not.toContain(TOKEN);
  });
});
