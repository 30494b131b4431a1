/**
 * The image work OCR needs before Tesseract: read a greyscale page (binary PGM, as poppler's `pdftoppm -gray`
 * writes it), find and undo a small skew (a page fed into a scanner at 1–2 degrees), find the drawn table rules and
 * erase them (Tesseract reads a border next to a letter as a letter). Pure functions over pixel arrays.
 */
import type { Rules } from './pageLayout.ts';

/** An 8-bit greyscale image, row by row; 0 is black. */
export interface GrayImage {
  width: number;
  height: number;
  pixels: Uint8Array;
}

/** Darker than this counts as ink. */
export const INK = 150;

/** Parses a binary PGM (P5, 8-bit). */
export function parsePgm(bytes: Uint8Array): GrayImage {
  const header: string[] = [];
  let at = 0;
  while (header.length < 4 && at < bytes.length) {
    while (at < bytes.length && /\s/.test(String.fromCharCode(bytes[at]!))) at += 1;
    if (bytes[at] === 0x23) {
      while (at < bytes.length && bytes[at] !== 0x0a) at += 1; // a comment line
      continue;
    }
    let token = '';
    while (at < bytes.length && !/\s/.test(String.fromCharCode(bytes[at]!))) token += String.fromCharCode(bytes[at++]!);
    header.push(token);
  }
  const [magic, width, height, max] = [header[0], Number(header[1]), Number(header[2]), Number(header[3])];
  if (magic !== 'P5' || !(width > 0) || !(height > 0) || max !== 255) throw new Error('not an 8-bit binary PGM');
  return { width, height, pixels: bytes.subarray(at + 1, at + 1 + width * height) };
}

/** Writes a binary PGM. */
export function writePgm(image: GrayImage): Uint8Array {
  const header = new TextEncoder().encode(`P5\n${image.width} ${image.height}\n255\n`);
  const out = new Uint8Array(header.length + image.pixels.length);
  out.set(header);
  out.set(image.pixels, header.length);
  return out;
}

/**
 * The skew angle (radians) that makes text lines and rules horizontal, searched within ±3°: the angle whose
 * projection of ink onto the y axis is sharpest (sum of squared row counts), on a 4× reduced copy for speed.
 */
export function estimateSkew(image: GrayImage): number {
  const step = 4;
  const points: Array<[number, number]> = [];
  for (let y = 0; y < image.height; y += step) {
    for (let x = 0; x < image.width; x += step)
      if (image.pixels[y * image.width + x]! < INK) points.push([x - image.width / 2, y]);
  }
  const score = (angle: number): number => {
    const rows = new Map<number, number>();
    const sin = Math.sin(angle);
    const cos = Math.cos(angle);
    for (const [x, y] of points) {
      const row = Math.round((-x * sin + y * cos) / step);
      rows.set(row, (rows.get(row) ?? 0) + 1);
    }
    let sum = 0;
    for (const count of rows.values()) sum += count * count;
    return sum;
  };
  const search = (from: number, to: number, by: number): number => {
    let best = from;
    let bestScore = -1;
    for (let degrees = from; degrees <= to + 1e-9; degrees += by) {
      const value = score((degrees * Math.PI) / 180);
      if (value > bestScore) [best, bestScore] = [degrees, value];
    }
    return best;
  };
  const coarse = search(-3, 3, 0.2);
  return (search(coarse - 0.2, coarse + 0.2, 0.04) * Math.PI) / 180;
}

/** Rotates an image by `angle` radians about its centre (the inverse of the skew found), filling with white. */
export function rotate(image: GrayImage, angle: number): GrayImage {
  const { width, height, pixels } = image;
  const out = new Uint8Array(width * height).fill(255);
  const sin = Math.sin(angle);
  const cos = Math.cos(angle);
  const cx = width / 2;
  const cy = height / 2;
  for (let v = 0; v < height; v += 1) {
    const dv = v - cy;
    for (let u = 0; u < width; u += 1) {
      const du = u - cx;
      const x = Math.round(du * cos - dv * sin + cx);
      const y = Math.round(du * sin + dv * cos + cy);
      if (x >= 0 && x < width && y >= 0 && y < height) out[v * width + u] = pixels[y * width + x]!;
    }
  }
  return { width, height, pixels: out };
}

/** Ink runs along one axis at least `minLength` long, allowing `gap` light pixels inside a run (noise, blur). */
function runs(length: number, ink: (at: number) => boolean, minLength: number, gap: number): Array<[number, number]> {
  const found: Array<[number, number]> = [];
  let start = -1;
  let lastInk = -1;
  for (let at = 0; at <= length; at += 1) {
    const isInk = at < length && ink(at);
    if (isInk) {
      if (start < 0) start = at;
      lastInk = at;
    } else if (start >= 0 && at - lastInk > gap) {
      if (lastInk - start + 1 >= minLength) found.push([start, lastInk]);
      start = -1;
    }
  }
  return found;
}

/** Merges runs on neighbouring scan lines into rules (a rule is a few pixels thick). */
function mergeRuns(
  found: Array<{ at: number; from: number; to: number }>,
): Array<{ at: number; from: number; to: number; thickness: number }> {
  const rules: Array<{ first: number; last: number; from: number; to: number }> = [];
  for (const run of found.sort((a, b) => a.at - b.at)) {
    const rule = rules.find(
      (candidate) => run.at - candidate.last <= 2 && run.from < candidate.to && run.to > candidate.from,
    );
    if (rule) {
      rule.from = Math.min(rule.from, run.from);
      rule.to = Math.max(rule.to, run.to);
      rule.last = run.at;
    } else rules.push({ first: run.at, last: run.at, from: run.from, to: run.to });
  }
  return rules.map(({ first, last, from, to }) => ({ at: (first + last) / 2, from, to, thickness: last - first + 1 }));
}

/** Joins pieces of one rule that noise or JPEG blocks broke apart: same line (within 4 px), gap under `maxGap`. */
function joinCollinear(
  pieces: Array<{ at: number; from: number; to: number; thickness: number }>,
  maxGap: number,
): Array<{ at: number; from: number; to: number; thickness: number }> {
  let current = pieces;
  // Repeat until nothing more joins: a piece may bridge two rules found separately.
  for (let pass = 0; pass < 6; pass += 1) {
    const next = joinOnce(current, maxGap);
    if (next.length === current.length) return next;
    current = next;
  }
  return current;
}

/** One pass of joinCollinear. */
function joinOnce(
  pieces: Array<{ at: number; from: number; to: number; thickness: number }>,
  maxGap: number,
): Array<{ at: number; from: number; to: number; thickness: number }> {
  const joined: Array<{ at: number; from: number; to: number; thickness: number }> = [];
  for (const piece of [...pieces].sort((a, b) => a.from - b.from || a.at - b.at)) {
    const rule = joined.find(
      (candidate) =>
        Math.abs(candidate.at - piece.at) <= 4 &&
        piece.from - candidate.to <= maxGap &&
        piece.to - candidate.from >= -maxGap,
    );
    if (rule) {
      rule.from = Math.min(rule.from, piece.from);
      rule.to = Math.max(rule.to, piece.to);
      rule.thickness = Math.max(rule.thickness, piece.thickness);
    } else joined.push({ ...piece });
  }
  return joined;
}

/** Finds the ruled lines of a (deskewed) page: thin ink runs at least `minLength` px tall (twice that wide), both ways. */
export function findRules(image: GrayImage, minLength: number): Rules {
  const { width, height, pixels } = image;
  const horizontalRuns: Array<{ at: number; from: number; to: number }> = [];
  for (let y = 0; y < height; y += 1) {
    for (const [from, to] of runs(width, (x) => pixels[y * width + x]! < INK, minLength, 2))
      horizontalRuns.push({ at: y, from, to });
  }
  const verticalRuns: Array<{ at: number; from: number; to: number }> = [];
  for (let x = 0; x < width; x += 1) {
    for (const [from, to] of runs(height, (y) => pixels[y * width + x]! < INK, minLength, 2))
      verticalRuns.push({ at: x, from, to });
  }
  // A rule is thin; a thick bar of "runs" is a filled area or a heavy glyph, not a border.
  const thin = (rule: { thickness: number }): boolean => rule.thickness <= 12;
  return {
    horizontal: joinCollinear(mergeRuns(horizontalRuns).filter(thin), minLength * 2).map((rule) => ({
      y: rule.at,
      x1: rule.from,
      x2: rule.to,
    })),
    vertical: joinCollinear(mergeRuns(verticalRuns).filter(thin), minLength).map((rule) => ({
      x: rule.at,
      y1: rule.from,
      y2: rule.to,
    })),
  };
}

/** Paints the rules white (with a small margin) so Tesseract sees only the text. */
export function eraseRules(image: GrayImage, rules: Rules, margin: number): void {
  const { width, height, pixels } = image;
  const paint = (x1: number, x2: number, y1: number, y2: number): void => {
    for (let y = Math.max(0, Math.floor(y1)); y <= Math.min(height - 1, Math.ceil(y2)); y += 1) {
      pixels.fill(255, y * width + Math.max(0, Math.floor(x1)), y * width + Math.min(width - 1, Math.ceil(x2)) + 1);
    }
  };
  for (const rule of rules.horizontal) paint(rule.x1 - margin, rule.x2 + margin, rule.y - margin, rule.y + margin);
  for (const rule of rules.vertical) paint(rule.x - margin, rule.x + margin, rule.y1 - margin, rule.y2 + margin);
}
