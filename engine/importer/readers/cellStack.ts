/**
 * Cuts table cells out of a page image and stacks them into one small image, so a few cells that page OCR left
 * empty can be read again by one Tesseract run (one child process per page, not one per cell). Pure pixel work.
 */
import { INK, type GrayImage } from './grayImage.ts';

/** A rectangle of the page image, in pixels. */
export interface PixelBox {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/** Dark pixels inside a box: a cell with (almost) none is really empty, one with some holds ink OCR did not read. */
export function inkIn(image: GrayImage, box: PixelBox): number {
  let count = 0;
  const x1 = Math.max(0, Math.round(box.x1));
  const x2 = Math.min(image.width, Math.round(box.x2));
  for (let y = Math.max(0, Math.round(box.y1)); y < Math.min(image.height, Math.round(box.y2)); y += 1) {
    const row = y * image.width;
    for (let x = x1; x < x2; x += 1) if (image.pixels[row + x]! < INK) count += 1;
  }
  return count;
}

/**
 * The smallest box holding the ink inside `box`, widened by `pad` (still inside `box`); undefined when there is no
 * ink. Tesseract reads a lone digit far better when it is not a speck in the corner of a large blank cell.
 */
export function inkBounds(image: GrayImage, box: PixelBox, pad: number): PixelBox | undefined {
  let [x1, y1, x2, y2] = [Infinity, Infinity, -Infinity, -Infinity];
  const left = Math.max(0, Math.round(box.x1));
  const right = Math.min(image.width, Math.round(box.x2));
  const top = Math.max(0, Math.round(box.y1));
  const bottom = Math.min(image.height, Math.round(box.y2));
  for (let y = top; y < bottom; y += 1) {
    const row = y * image.width;
    for (let x = left; x < right; x += 1) {
      if (image.pixels[row + x]! >= INK) continue;
      x1 = Math.min(x1, x);
      x2 = Math.max(x2, x + 1);
      y1 = Math.min(y1, y);
      y2 = Math.max(y2, y + 1);
    }
  }
  if (x2 < x1) return undefined;
  return {
    x1: Math.max(left, x1 - pad),
    y1: Math.max(top, y1 - pad),
    x2: Math.min(right, x2 + pad),
    y2: Math.min(bottom, y2 + pad),
  };
}

/** The stacked image and where each cell landed in it (its top inside the stack). */
export interface CellStack {
  image: GrayImage;
  slots: Array<{ box: PixelBox; top: number }>;
}

/**
 * Copies the boxes one under the other on white, `gap` pixels apart and `gap` from the edges, so Tesseract sees
 * each cell as its own line of text and every word it finds can be traced back to its cell.
 */
export function stackCells(image: GrayImage, boxes: readonly PixelBox[], gap: number): CellStack {
  const clipped = boxes.map((box) => ({
    x1: Math.max(0, Math.round(box.x1)),
    y1: Math.max(0, Math.round(box.y1)),
    x2: Math.min(image.width, Math.round(box.x2)),
    y2: Math.min(image.height, Math.round(box.y2)),
  }));
  const width = Math.max(1, ...clipped.map((box) => box.x2 - box.x1)) + gap * 2;
  const height = clipped.reduce((sum, box) => sum + Math.max(0, box.y2 - box.y1) + gap, gap);
  const pixels = new Uint8Array(width * height).fill(255);
  const slots: CellStack['slots'] = [];
  let top = gap;
  for (const box of clipped) {
    for (let y = box.y1; y < box.y2; y += 1) {
      const from = y * image.width;
      pixels.set(image.pixels.subarray(from + box.x1, from + box.x2), (top + y - box.y1) * width + gap);
    }
    slots.push({ box, top });
    top += Math.max(0, box.y2 - box.y1) + gap;
  }
  return { image: { width, height, pixels }, slots };
}

/**
 * Enlarges an image `factor` times with bilinear interpolation: a small, blurred digit read alone is recognised
 * far more surely at twice the size with smooth edges (blocky nearest-neighbour pixels confuse Tesseract).
 */
export function enlarge(image: GrayImage, factor: number): GrayImage {
  const width = Math.round(image.width * factor);
  const height = Math.round(image.height * factor);
  const pixels = new Uint8Array(width * height);
  for (let v = 0; v < height; v += 1) {
    const sy = Math.min(image.height - 1, Math.max(0, (v + 0.5) / factor - 0.5));
    const y0 = Math.floor(sy);
    const y1 = Math.min(image.height - 1, y0 + 1);
    const fy = sy - y0;
    for (let u = 0; u < width; u += 1) {
      const sx = Math.min(image.width - 1, Math.max(0, (u + 0.5) / factor - 0.5));
      const x0 = Math.floor(sx);
      const x1 = Math.min(image.width - 1, x0 + 1);
      const fx = sx - x0;
      const at = (x: number, y: number): number => image.pixels[y * image.width + x]!;
      const top = at(x0, y0) * (1 - fx) + at(x1, y0) * fx;
      const bottom = at(x0, y1) * (1 - fx) + at(x1, y1) * fx;
      pixels[v * width + u] = Math.round(top * (1 - fy) + bottom * fy);
    }
  }
  return { width, height, pixels };
}
