import { readFileSync } from 'node:fs';

/**
 * How browsers reach Alur: plain HTTP (an office network, `http://192.168.x.x:3000`), HTTPS served by this
 * process (ALUR_TLS_CERT/ALUR_TLS_KEY), or HTTPS ended by a proxy in front (ALUR_PUBLIC_URL starting with
 * https://). Only under HTTPS do pages ask for `upgrade-insecure-requests`, HSTS and Secure cookies:
 * over plain HTTP those make the apps a blank page and logins impossible.
 */
export interface TransportMode {
  /** Browsers see the site over HTTPS (directly or through a proxy). */
  https: boolean;
  /** Certificate and key (PEM) when this process speaks TLS itself. */
  tls?: { cert: Buffer; key: Buffer; certFile: string; keyFile: string };
  /** The address citizens and staff use (ALUR_PUBLIC_URL), without a trailing slash. */
  publicUrl?: string;
}

/** A configuration problem in the environment, named by its variable, in Indonesian. */
export class TransportConfigError extends Error {
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(message);
    this.name = 'TransportConfigError';
  }
}

function readPem(variable: string, file: string): Buffer {
  try {
    return readFileSync(file);
  } catch {
    throw new TransportConfigError(
      variable,
      `${variable}: berkas "${file}" tidak dapat dibaca. Periksa jalurnya dan izin baca untuk pengguna yang menjalankan Alur.`,
    );
  }
}

/** Parses ALUR_PUBLIC_URL; an invalid value is an error naming the variable. */
export function parsePublicUrl(value: string | undefined): string | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    throw new TransportConfigError(
      'ALUR_PUBLIC_URL',
      `ALUR_PUBLIC_URL "${value}" bukan alamat yang sah. Tulis lengkap dengan skema, misalnya http://192.168.1.10:3000 atau https://alur.dinsos.example.go.id.`,
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new TransportConfigError(
      'ALUR_PUBLIC_URL',
      `ALUR_PUBLIC_URL harus diawali http:// atau https:// (bukan ${url.protocol}).`,
    );
  return url.toString().replace(/\/+$/, '');
}

/** Reads the transport mode from the environment (see TransportMode). */
export function transportFromEnv(env: NodeJS.ProcessEnv = process.env): TransportMode {
  const publicUrl = parsePublicUrl(env.ALUR_PUBLIC_URL);
  const certFile = env.ALUR_TLS_CERT?.trim() || undefined;
  const keyFile = env.ALUR_TLS_KEY?.trim() || undefined;
  if ((certFile === undefined) !== (keyFile === undefined))
    throw new TransportConfigError(
      certFile === undefined ? 'ALUR_TLS_CERT' : 'ALUR_TLS_KEY',
      'ALUR_TLS_CERT dan ALUR_TLS_KEY harus diisi keduanya (sertifikat dan kunci privat PEM), atau keduanya dikosongkan untuk HTTP biasa.',
    );
  const tls =
    certFile !== undefined && keyFile !== undefined
      ? { cert: readPem('ALUR_TLS_CERT', certFile), key: readPem('ALUR_TLS_KEY', keyFile), certFile, keyFile }
      : undefined;
  // ALUR_SECURE_COOKIES=1 is the older switch for "behind an HTTPS proxy"; it still means that.
  const https = tls !== undefined || publicUrl?.startsWith('https://') === true || env.ALUR_SECURE_COOKIES === '1';
  return { https, ...(tls ? { tls } : {}), ...(publicUrl ? { publicUrl } : {}) };
}
