import { inflateSync } from 'node:zlib';
import { AppError } from '../appErrors.ts';

/** Largest logo file accepted: a lambang scanned for print is far smaller. */
export const MAX_LOGO_BYTES = 1024 * 1024;
/** Smallest and largest side in pixels: smaller prints blurred at 2.5 cm, larger only slows every PDF. */
export const MIN_LOGO_SIDE = 64;
export const MAX_LOGO_SIDE = 2000;

/** A checked logo image: its media type and size in pixels. */
export interface LogoImage {
  mediaType: 'image/png' | 'image/jpeg';
  width: number;
  height: number;
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };

function broken(what: string): AppError {
  return new AppError(
    'UNPROCESSABLE',
    `Berkas lambang rusak (${what}). Simpan ulang gambarnya sebagai PNG atau JPEG dari aplikasi pengolah gambar, lalu unggah lagi.`,
    '/body',
  );
}

/** Reads a PNG's size and checks every chunk is there and the pixel data unpacks to its full size. */
function readPng(bytes: Buffer): { width: number; height: number } {
  let at = 8;
  let header: { width: number; height: number; depth: number; color: number; interlaced: boolean } | undefined;
  const data: Buffer[] = [];
  let ended = false;
  while (at + 8 <= bytes.length && !ended) {
    const length = bytes.readUInt32BE(at);
    const type = bytes.toString('latin1', at + 4, at + 8);
    if (at + 12 + length > bytes.length) throw broken(`bagian ${type} terpotong`);
    const body = bytes.subarray(at + 8, at + 8 + length);
    if (type === 'IHDR' && length === 13)
      header = {
        width: body.readUInt32BE(0),
        height: body.readUInt32BE(4),
        depth: body[8]!,
        color: body[9]!,
        interlaced: body[12] === 1,
      };
    else if (type === 'IDAT') data.push(body);
    else if (type === 'IEND') ended = true;
    at += 12 + length;
  }
  if (!header) throw broken('tanpa kepala IHDR');
  if (!ended || data.length === 0) throw broken('data gambar terpotong');
  const channels = CHANNELS[header.color];
  if (!channels) throw broken('jenis warna tidak dikenal');
  let pixels: Buffer;
  try {
    pixels = inflateSync(Buffer.concat(data));
  } catch {
    throw broken('data gambar tidak dapat dibuka');
  }
  // One filter byte per row plus the row's packed samples (non-interlaced images have exactly this size).
  const rowBytes = Math.ceil((header.width * channels * header.depth) / 8);
  if (!header.interlaced && pixels.length < header.height * (1 + rowBytes)) throw broken('data gambar kurang');
  return { width: header.width, height: header.height };
}

/** Reads a JPEG's size from its frame header and checks the file ends with the end-of-image marker. */
function readJpeg(bytes: Buffer): { width: number; height: number } {
  let at = 2;
  let size: { width: number; height: number } | undefined;
  while (at + 4 <= bytes.length && !size) {
    if (bytes[at] !== 0xff) throw broken('penanda JPEG tidak sah');
    const marker = bytes[at + 1]!;
    if (marker === 0xff) {
      at += 1;
      continue;
    }
    const length = bytes.readUInt16BE(at + 2);
    // SOF0…SOF15 except DHT (C4), JPG (C8) and DAC (CC) carry the frame size.
    if (marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker) && at + 9 <= bytes.length)
      size = { height: bytes.readUInt16BE(at + 5), width: bytes.readUInt16BE(at + 7) };
    at += 2 + length;
  }
  if (!size) throw broken('tanpa ukuran gambar');
  let end = bytes.length;
  while (end > 2 && bytes[end - 1] === 0) end -= 1;
  if (bytes[end - 2] !== 0xff || bytes[end - 1] !== 0xd9) throw broken('data gambar terpotong');
  return size;
}

/**
 * Checks an uploaded logo before it is stored: PNG or JPEG by content (never by name), at most 1 MB, each side
 * 64–2000 px, and complete (a truncated file would print a grey box in every letter). Indonesian errors say
 * what to do.
 */
export function checkLogoImage(bytes: Buffer): LogoImage {
  if (bytes.length === 0)
    throw new AppError('VALIDATION_FAILED', 'Berkas kosong. Pilih gambar lambang daerah.', '/body');
  if (bytes.length > MAX_LOGO_BYTES)
    throw new AppError(
      'PAYLOAD_TOO_LARGE',
      `Berkas lambang terlalu besar (${Math.ceil(bytes.length / 1024)} KB); paling besar 1024 KB. Perkecil gambarnya lalu unggah lagi.`,
      '/body',
    );
  const png = PNG_SIGNATURE.every((b, i) => bytes[i] === b);
  const jpeg = bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff;
  if (!png && !jpeg)
    throw new AppError(
      'UNSUPPORTED_MEDIA_TYPE',
      'Lambang harus berupa gambar PNG atau JPEG (isi berkas yang dikirim bukan keduanya).',
      '/body',
    );
  const { width, height } = png ? readPng(bytes) : readJpeg(bytes);
  if (Math.min(width, height) < MIN_LOGO_SIDE || Math.max(width, height) > MAX_LOGO_SIDE)
    throw new AppError(
      'UNPROCESSABLE',
      `Ukuran lambang ${width} × ${height} piksel; setiap sisi harus ${MIN_LOGO_SIDE}–${MAX_LOGO_SIDE} piksel.`,
      '/body',
    );
  return { mediaType: png ? 'image/png' : 'image/jpeg', width, height };
}
