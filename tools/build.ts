import { projectRoot } from '../engine/server/projectRoot.ts';
import { buildServerIfNeeded } from './buildServer.ts';
import { buildUiIfNeeded } from './buildUi.ts';

// `npm run build` (and the first half of `npm start`): builds what changed, skips what did not.
// `--force` rebuilds everything.
const force = process.argv.includes('--force');
const root = projectRoot(import.meta.dirname);
const server = await buildServerIfNeeded(root, force);
const ui = await buildUiIfNeeded(root, force);
const line = (what: string, o: { built: boolean; ms: number; detail?: string }): string =>
  o.built
    ? `${what}: dibangun dalam ${(o.ms / 1000).toFixed(1)} s${o.detail ? ` (${o.detail})` : ''}`
    : `${what}: tidak berubah, tidak dibangun ulang (${Math.round(o.ms)} ms)`;
process.stdout.write(`${line('Server', server)}\n${line('Tampilan (UI)', ui)}\n`);
