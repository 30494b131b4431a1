import { ChannelError } from '../notifications/channels/channelTypes.ts';
import { postToConnector } from './connectorHttp.ts';
import type { ConnectorAdapter } from './connectorTypes.ts';

/**
 * Social-registry lookup (DTSEN, formerly DTKS, through SIKS-NG or the regency's data bridge):
 * POST {base}/dtsen/cek { nik } → { terdaftar: boolean, desil: 1…10 | null }. Normalised to
 * { registered, decile }.
 */
export const dtsenAdapter: ConnectorAdapter = async (call) => {
  const nik = call.request.nik;
  if (typeof nik !== 'string' || !/^[0-9]{16}$/.test(nik))
    throw new ChannelError('REFUSED', 'NIK pada data kasus tidak 16 digit; pengecekan DTSEN tidak dapat dilakukan.');
  const reply = await postToConnector(call, '/dtsen/cek', { nik });
  if (typeof reply.terdaftar !== 'boolean')
    throw new ChannelError('REFUSED', 'Jawaban DTSEN tidak berisi "terdaftar".');
  const decile = reply.desil;
  if (
    decile !== null &&
    decile !== undefined &&
    !(Number.isInteger(decile) && Number(decile) >= 1 && Number(decile) <= 10)
  )
    throw new ChannelError('REFUSED', 'Desil DTSEN di luar 1–10.');
  return {
    registered: reply.terdaftar,
    decile: reply.terdaftar ? ((decile as number | null | undefined) ?? null) : null,
  };
};
