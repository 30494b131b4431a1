// Starts the document reader worker (readerWorkerMain.ts) from the sources — tests and `tsx` runs — by registering
// tsx in this thread first, since a worker thread does not inherit the parent's TypeScript loader. The compiled
// server never loads this file: tools/buildServer.ts bundles readerWorkerMain.ts into a readerWorker.mjs of its own.
import { register } from 'tsx/esm/api';

register();
await import('./readerWorkerMain.ts');
