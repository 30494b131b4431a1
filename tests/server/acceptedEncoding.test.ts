import { describe, expect, it } from 'vitest';
import { acceptedEncoding } from '../../engine/server/acceptedEncoding.ts';

const BOTH = new Set(['br', 'gzip'] as const);

describe('acceptedEncoding', () => {
  it('prefers brotli when both are accepted', () => {
    expect(acceptedEncoding('gzip, deflate, br, zstd', BOTH)).toBe('br');
  });
  it('falls back to gzip when brotli is not accepted or refused with q=0', () => {
    expect(acceptedEncoding('gzip, deflate', BOTH)).toBe('gzip');
    expect(acceptedEncoding('br;q=0, gzip;q=0.5', BOTH)).toBe('gzip');
  });
  it('serves the plain file without a header, with identity only, or when nothing precompressed exists', () => {
    expect(acceptedEncoding(undefined, BOTH)).toBeUndefined();
    expect(acceptedEncoding('identity', BOTH)).toBeUndefined();
    expect(acceptedEncoding('br', new Set())).toBeUndefined();
  });
  it('reads * as accepting both', () => {
    expect(acceptedEncoding('*', BOTH)).toBe('br');
    expect(acceptedEncoding('*, br;q=0', BOTH)).toBe('gzip');
  });
});
