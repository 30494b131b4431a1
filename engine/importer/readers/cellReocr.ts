/**
 * A second OCR pass over table cells the page pass left empty although they hold ink. Tesseract's page layout
 * drops a lone short token in a narrow ruled column as noise — typically the step number in the No column of a
 * PermenPANRB step table — and without it the parser cannot tell where a row starts. The first cell of every ruled
 * row that has ink but no word is cut out, the cells are stacked into one image and read once as a block of
 * numbers (digits only); a reading is kept only when it is a row number read with fair confidence.
 */
import { writeFile } from 'node:fs/promises';
import { writePgm, type GrayImage } from './grayImage.ts';
import { findBands, type PageGeometry, type PlacedText, type Rules } from './pageLayout.ts';
import { enlarge, inkBounds, inkIn, stackCells, type PixelBox } from './cellStack.ts';
import { tesseractWords } from './tesseractWords.ts';

/** A row number as printed in a No column: "7" or "12.". */
const ROW_NUMBER = /^\d{1,3}\.?$/;
/** Below this OCR confidence a digit read from a stray mark is more likely noise than a number. */
const MIN_CONFIDENCE = 0.5;

/** The first cell of each ruled row that holds ink (beyond specks of noise) but none of the words already read. */
export function emptyNumberCells(
  image: GrayImage,
  rules: Rules,
  words: readonly PlacedText[],
  geometry: PageGeometry,
): PixelBox[] {
  // Rules were erased with a margin; stay inside it so their remnants do not count as ink.
  const inset = geometry.tolerance * 0.75;
  const minInk = Math.max(12, Math.round(geometry.tolerance * geometry.tolerance * 0.5));
  const boxes: PixelBox[] = [];
  for (const band of findBands(rules, geometry)) {
    const box = {
      x1: band.edges[0]! + inset,
      x2: band.edges[1]! - inset,
      y1: band.top + inset,
      y2: band.bottom - inset,
    };
    if (box.x2 - box.x1 < inset || box.y2 - box.y1 < inset) continue;
    const occupied = words.some((word) => {
      const cx = (word.x + word.right) / 2;
      const cy = (word.top + word.bottom) / 2;
      return cx > box.x1 - inset && cx < box.x2 + inset && cy > box.y1 - inset && cy < box.y2 + inset;
    });
    const inked = occupied || inkIn(image, box) < minInk ? undefined : inkBounds(image, box, inset);
    if (inked) boxes.push(inked);
  }
  return boxes;
}

/** Keeps a reading only when it is a row number read with fair confidence. */
function isNumber(word: PlacedText): boolean {
  return ROW_NUMBER.test(word.text) && (word.confidence ?? 0) >= MIN_CONFIDENCE;
}

/** OCRs the boxes stacked into one image; returns the numbers found, placed back at their spot on the page. */
async function readStacked(
  image: GrayImage,
  boxes: readonly PixelBox[],
  workPath: string,
  timeoutMs: number,
  psm: number,
  factor = 1,
): Promise<Array<{ box: PixelBox; word: PlacedText }>> {
  const gap = 40;
  const stack = stackCells(image, boxes, gap);
  await writeFile(workPath, writePgm(factor === 1 ? stack.image : enlarge(stack.image, factor)));
  const read = await tesseractWords(workPath, 'ind', timeoutMs, { psm, whitelist: '0123456789.' });
  const found: Array<{ box: PixelBox; word: PlacedText }> = [];
  for (const reading of read) {
    const word = {
      ...reading,
      x: reading.x / factor,
      right: reading.right / factor,
      top: reading.top / factor,
      bottom: reading.bottom / factor,
    };
    if (!isNumber(word)) continue;
    const middle = (word.top + word.bottom) / 2;
    const slot = stack.slots.find((s) => middle >= s.top && middle < s.top + (s.box.y2 - s.box.y1));
    if (!slot || found.some((f) => f.box === boxes[stack.slots.indexOf(slot)])) continue;
    const dx = slot.box.x1 - gap;
    const dy = slot.box.y1 - slot.top;
    const box = boxes[stack.slots.indexOf(slot)]!;
    found.push({
      box,
      word: { ...word, x: word.x + dx, right: word.right + dx, top: word.top + dy, bottom: word.bottom + dy },
    });
  }
  return found;
}

/**
 * Reads the given cells again as numbers: all at once as a block (--psm 6 keeps lone digits that the column
 * layout of --psm 4 discards), then each cell still unread on its own, enlarged twice, as a single character
 * (--psm 10).
 */
export async function reocrNumberCells(
  image: GrayImage,
  boxes: readonly PixelBox[],
  workPath: string,
  timeoutMs: number,
): Promise<PlacedText[]> {
  if (boxes.length === 0) return [];
  const found = await readStacked(image, boxes, workPath, timeoutMs, 6);
  for (const box of boxes) {
    if (found.some((f) => f.box === box)) continue;
    found.push(...(await readStacked(image, [box], workPath, timeoutMs, 10, 2)));
  }
  return found.map((f) => f.word);
}
