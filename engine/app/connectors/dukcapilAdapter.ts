import { ChannelError } from '../notifications/channels/channelTypes.ts';
import { postToConnector } from './connectorHttp.ts';
import type { ConnectorAdapter } from './connectorTypes.ts';

/**
 * NIK verification (Dukcapil). Dukcapil's web service is reached through the regency's integration
 * gateway (perjanjian kerja sama pemanfaatan data kependudukan), which Alur calls as:
 * POST {base}/nik/verifikasi { nik, nama?, tanggalLahir? } → { terdaftar: boolean, nama?: "Sesuai"|"Tidak Sesuai",
 * tanggalLahir?: "Sesuai"|"Tidak Sesuai" }. The reply is normalised to
 * { registered, nameMatches, birthDateMatches } (booleans, null when not checked).
 */
export const dukcapilAdapter: ConnectorAdapter = async (call) => {
  const nik = call.request.nik;
  if (typeof nik !== 'string' || !/^[0-9]{16}$/.test(nik))
    throw new ChannelError('REFUSED', 'NIK pada data kasus tidak 16 digit; verifikasi Dukcapil tidak dapat dilakukan.');
  const reply = await postToConnector(call, '/nik/verifikasi', {
    nik,
    ...(typeof call.request.nama === 'string' ? { nama: call.request.nama } : {}),
    ...(typeof call.request.tanggalLahir === 'string' ? { tanggalLahir: call.request.tanggalLahir } : {}),
  });
  if (typeof reply.terdaftar !== 'boolean')
    throw new ChannelError('REFUSED', 'Jawaban Dukcapil tidak berisi "terdaftar".');
  const match = (v: unknown): boolean | null => (v === 'Sesuai' ? true : v === 'Tidak Sesuai' ? false : null);
  return { registered: reply.terdaftar, nameMatches: match(reply.nama), birthDateMatches: match(reply.tanggalLahir) };
};
