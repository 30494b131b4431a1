import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEMO_PASSWORD } from '../app/demoUsers.ts';
import { startServer } from './startServer.ts';

// `npm start`: one process on the embedded database (or DATABASE_URL), seed SOPs loaded, URL printed.
// Compiled (dist/server/start.mjs), the build record beside it names the code version; from sources there is none.
const record = join(import.meta.dirname, '.build-inputs.json');
const codeVersion = existsSync(record)
  ? (JSON.parse(readFileSync(record, 'utf8')) as { hash: string }).hash
  : undefined;
const running = await startServer(codeVersion !== undefined ? { codeVersion } : {});
const lines = [
  '',
  `Alur berjalan di ${running.url}${running.publicUrl !== running.url ? ` (alamat publik ${running.publicUrl})` : ''}`,
  `  API: ${running.url}/api  ·  OpenAPI: ${running.url}/api/openapi.json`,
  `  SOP dimuat: ${running.sync.published.length} versi baru, ${running.sync.unchanged} tidak berubah, ${running.sync.drafts} draf, ${running.sync.errors.length} kesalahan${running.sync.skipped ? ' (folder tidak berubah sejak start sebelumnya)' : ''}`,
];
if (running.demo.enabled) {
  lines.push(`  Akun demo AKTIF (kata sandi "${DEMO_PASSWORD}"; matikan dengan ALUR_DEMO_USERS=0):`);
  for (const u of running.demoUsers) lines.push(`    ${u.username.padEnd(44)} ${u.name}`);
} else {
  lines.push(
    `  Akun demo mati${running.demo.disabled > 0 ? ` (${running.demo.disabled} akun demo lama dinonaktifkan)` : ''}; nyalakan dengan ALUR_DEMO_USERS=1. Buat akun: npx alur user create --help`,
  );
}
process.stdout.write(`${lines.join('\n')}\n\n`);
const stop = (): void => {
  running.close().then(
    () => process.exit(0),
    () => process.exit(1),
  );
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
