import { existsSync, readdirSync } from 'node:fs';
import { extname, join } from 'node:path';
import express from 'express';
import { acceptedEncoding, type Encoding } from './acceptedEncoding.ts';

const SUFFIX: Record<Encoding, string> = { br: '.br', gzip: '.gz' };

/**
 * Serves the hashed build assets: the brotli or gzip file written at build time when the client accepts
 * it (with Content-Encoding and Vary), otherwise the plain file; cached for a year, since a changed file
 * gets a new name. Which variants exist is read once when mounted.
 */
export function serveAssets(dir: string): express.RequestHandler {
  const variants = new Map<string, Set<Encoding>>();
  if (existsSync(dir)) {
    const names = new Set(readdirSync(dir));
    for (const name of names) {
      if (name.endsWith('.br') || name.endsWith('.gz')) continue;
      const available = new Set<Encoding>();
      for (const encoding of ['br', 'gzip'] as const) if (names.has(name + SUFFIX[encoding])) available.add(encoding);
      variants.set(name, available);
    }
  }
  const plain = express.static(dir, { immutable: true, maxAge: '365d', index: false, fallthrough: true });
  return (req, res, next) => {
    const name = decodeURIComponent(req.path.slice(1));
    const available = variants.get(name);
    if (available === undefined || name.includes('/')) {
      plain(req, res, next);
      return;
    }
    res.setHeader('Vary', 'Accept-Encoding');
    const encoding = acceptedEncoding(req.headers['accept-encoding'], available);
    if (encoding === undefined) {
      plain(req, res, next);
      return;
    }
    // The type of the original file (send keeps a Content-Type already set), not of `.br`/`.gz`.
    res.type(extname(name));
    res.sendFile(
      join(dir, name + SUFFIX[encoding]),
      { maxAge: '365d', immutable: true, headers: { 'Content-Encoding': encoding } },
      (error) => (error ? next(error) : undefined),
    );
  };
}
