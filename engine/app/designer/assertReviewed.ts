import type { RawRegency } from '../../definition/sopTypes.ts';
import { AppError } from '../appErrors.ts';
import { setTopLevel } from './sourceEdits.ts';
import { validateSource } from './validateDraft.ts';

const UNREVIEWED = new Set(['UNREVIEWED_INFERRED', 'UNREVIEWED_READING']);

/**
 * Refuses a draft that still holds imported parts nobody has checked, listing each with its position in the YAML
 * (line:column) and in the source document. The check is the validator's own (checkReviewed on a published SOP),
 * so the folder sync, the CLI and the designer agree.
 */
export function assertReviewed(regency: RawRegency, source: string, sopId: string, act: 'diajukan' | 'disahkan'): void {
  const load = validateSource(regency, setTopLevel(source, { status: 'published' }), `${sopId}.yaml`);
  const open = load.errors.filter((e) => UNREVIEWED.has(e.code));
  if (open.length === 0) return;
  throw new AppError(
    'UNPROCESSABLE',
    `SOP ini belum dapat ${act}: ${open.length} bagian hasil impor belum diperiksa. Periksa setiap bagian terhadap dokumen sumber lalu tekan "Sudah diperiksa".`,
    '/source',
    open.map((e) => ({ path: e.path, message: `${e.line}:${e.column} ${e.message}` })),
    'UNREVIEWED_PARTS',
  );
}
