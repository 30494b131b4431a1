/**
 * Reads a document in a worker thread, so parsing a large .docx or PDF (pdf.js and mammoth are plain JavaScript,
 * and the scan pipeline straightens and cleans page images in JavaScript too) never blocks the server's event loop.
 * A reading that runs over its time is stopped (the worker is terminated) and refused with a clear message.
 */
import { Worker } from 'node:worker_threads';
import type { DocumentText } from './documentText.ts';
import { ImportError } from './importError.ts';
import type { ReaderAnswer, ReaderRequest } from './readers/readerMessages.ts';
import { DocumentReadError } from './readers/readError.ts';
import { READ_MESSAGES, tooSlowMessage } from './readers/readMessages.ts';

/** Longest a document may take to read (OCR of a long scan included) before the worker is stopped. */
const DEFAULT_TIMEOUT_MS = 180_000;

/**
 * Reads `file` with the document readers in a worker thread (scans within `scan`'s limits); throws the readers'
 * ImportError as they raise it.
 */
export function readDocumentOffLoop(
  file: { name: string; bytes: Uint8Array },
  timeoutMs: number = DEFAULT_TIMEOUT_MS,
  scan?: ReaderRequest['scan'],
): Promise<DocumentText> {
  const request: ReaderRequest = { name: file.name, bytes: file.bytes, ...(scan ? { scan } : {}) };
  return new Promise((resolve, reject) => {
    // From the sources this is the tsx bootstrap; beside the compiled server, the bundled worker of the same name.
    const worker = new Worker(new URL('./readers/readerWorker.mjs', import.meta.url), {
      workerData: request,
      resourceLimits: { maxOldGenerationSizeMb: 512 },
    });
    let settled = false;
    const finish = (action: () => void): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      action();
      void worker.terminate();
    };
    const timer = setTimeout(
      () => finish(() => reject(new DocumentReadError('DOCUMENT_TIMEOUT', file.name, tooSlowMessage(timeoutMs)))),
      timeoutMs,
    );
    worker.once('message', (answer: ReaderAnswer) =>
      finish(() =>
        answer.ok ? resolve(answer.document) : reject(new ImportError(answer.code, answer.path, answer.message)),
      ),
    );
    worker.once('error', (error: Error & { code?: string }) =>
      finish(() =>
        reject(
          // The heap limit stops a document that needs too much memory; anything else is a bug and stays one.
          error.code === 'ERR_WORKER_OUT_OF_MEMORY'
            ? new DocumentReadError('DOCUMENT_TOO_LARGE', file.name, READ_MESSAGES.outOfMemory)
            : error,
        ),
      ),
    );
    worker.once('exit', (code) =>
      finish(() => reject(new Error(`the document reader stopped (exit ${code}) without an answer`))),
    );
  });
}
