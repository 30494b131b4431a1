/**
 * The worker thread that reads one document (readDocument: .docx through mammoth, PDF through pdf.js, scans
 * through the OCR pipeline) away from the server's event loop; readOffLoop.ts starts it. It answers once: the
 * document's text, or the ImportError the readers raised (code, path and both messages), which the caller
 * raises again as the same error.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { ImportError } from '../importError.ts';
import { readDocument } from '../readDocument.ts';
import type { ReaderAnswer, ReaderRequest } from './readerMessages.ts';

async function answer(request: ReaderRequest): Promise<ReaderAnswer> {
  try {
    const options = request.scan ? { scan: request.scan } : {};
    return { ok: true, document: await readDocument({ name: request.name, bytes: request.bytes }, options) };
  } catch (error) {
    if (error instanceof ImportError)
      return { ok: false, code: error.code, path: error.path, message: { id: error.message, en: error.messageEn } };
    throw error; // a bug, not a bad document: the worker's 'error' event carries it to the caller
  }
}

parentPort?.postMessage(await answer(workerData as ReaderRequest));
