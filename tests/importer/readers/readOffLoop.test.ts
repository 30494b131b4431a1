import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { ImportError } from '../../../engine/importer/importError.ts';
import { readDocument } from '../../../engine/importer/readDocument.ts';
import { readDocumentOffLoop } from '../../../engine/importer/readOffLoop.ts';
import { corpusFile } from './fixtures.ts';

/** The Kutai Kartanegara .docx with its body repeated `times` times: a large SOP book, same tables. */
function largeDocx(times: number): { name: string; bytes: Uint8Array } {
  const files = unzipSync(corpusFile('kutai-kartanegara-sop-2025.docx').bytes);
  const xml = strFromU8(files['word/document.xml']!);
  const open = xml.indexOf('<w:body>') + '<w:body>'.length;
  const close = xml.lastIndexOf('<w:sectPr');
  const body = xml.slice(open, close);
  files['word/document.xml'] = strToU8(xml.slice(0, open) + body.repeat(times) + xml.slice(close));
  return { name: 'buku-sop-besar.docx', bytes: zipSync(files) };
}

/** Runs `work` while a 10 ms timer ticks; returns its result, the longest wait between ticks and the time taken. */
async function whileTicking<T>(work: () => Promise<T>): Promise<{ result: T; longestGap: number; elapsed: number }> {
  let last = performance.now();
  let longestGap = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    longestGap = Math.max(longestGap, now - last);
    last = now;
  }, 10);
  const started = performance.now();
  try {
    const result = await work();
    return { result, longestGap: Math.max(longestGap, performance.now() - last), elapsed: performance.now() - started };
  } finally {
    clearInterval(timer);
  }
}

describe('reading a document off the event loop (worker thread)', () => {
  it('reads a large .docx in a worker while the event loop keeps running, with the same text as in-process', async () => {
    const file = largeDocx(12);
    const inProcess = await whileTicking(() => readDocument(file));
    const offLoop = await whileTicking(() => readDocumentOffLoop(file));
    expect(offLoop.result).toEqual(inProcess.result);
    expect(offLoop.result.pages[0]!.lines.length).toBeGreaterThan(1000);
    // Read in this thread, the document holds the loop for one long stretch; in the worker the timer keeps
    // ticking (allowing for a busy shared machine), even though the reading itself takes longer.
    expect(inProcess.longestGap).toBeGreaterThan(400);
    expect(offLoop.longestGap).toBeLessThan(inProcess.longestGap / 3);
    expect(offLoop.elapsed).toBeGreaterThan(offLoop.longestGap * 3);
  }, 120_000);

  it('stops a reading that runs over its time and refuses it with an Indonesian message', async () => {
    const error = await readDocumentOffLoop(largeDocx(4), 50).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportError);
    expect(error).toMatchObject({ code: 'DOCUMENT_TIMEOUT', path: 'buku-sop-besar.docx' });
    expect((error as ImportError).message).toMatch(
      /^buku-sop-besar\.docx: dokumen ini terlalu lama dibaca \(lebih dari 0 detik\)/,
    );
  }, 60_000);

  it('raises the readers own refusals from the worker with their code, path and messages', async () => {
    for (const name of ['kosong.pdf', 'rusak.pdf']) {
      const direct = await readDocument(corpusFile(name)).catch((e: unknown) => e);
      const offLoop = await readDocumentOffLoop(corpusFile(name)).catch((e: unknown) => e);
      expect(offLoop).toBeInstanceOf(ImportError);
      expect(direct).toBeInstanceOf(ImportError);
      const [a, b] = [direct as ImportError, offLoop as ImportError];
      expect({ code: b.code, path: b.path, message: b.message, en: b.messageEn }).toEqual({
        code: a.code,
        path: a.path,
        message: a.message,
        en: a.messageEn,
      });
    }
  }, 60_000);
});
