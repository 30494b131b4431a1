import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadRegencySource } from '../definition/loadDefinitionSource.ts';
import { ImportError } from '../importer/importError.ts';
import { importSopDocument } from '../importer/importSopDocument.ts';
import { UNATTENDED_MAX_PAGES } from '../importer/readers/readScan.ts';
import type { CliStreams } from './runCli.ts';

/** Usage of `alur import-sop`. */
export const IMPORT_SOP_USAGE =
  '  alur import-sop <berkas> --regency <id> --out <folder> [--definitions <folder>]   impor dokumen SOP menjadi draf YAML\n';

function regencyIds(definitions: string): string[] {
  try {
    return readdirSync(definitions).filter((d) => existsSync(path.join(definitions, d, 'regency.yaml')));
  } catch {
    return [];
  }
}

/**
 * `alur import-sop <file> --regency <id> --out <folder>`: reads an SOP document, writes one draft YAML per SOP
 * found, and prints per SOP its steps and how many parts were inferred. Exit 0 when every draft validates.
 */
export async function runImportSop(argv: string[], streams: CliStreams): Promise<number> {
  let values: { regency?: string; out?: string; definitions?: string };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { regency: { type: 'string' }, out: { type: 'string' }, definitions: { type: 'string' } },
    }));
  } catch (error) {
    streams.stderr.write(`${error instanceof Error ? error.message : String(error)}\n\n${IMPORT_SOP_USAGE}`);
    return 2;
  }
  const [file] = positionals;
  if (file === undefined || values.regency === undefined || values.out === undefined) {
    streams.stderr.write(`Sebutkan berkas, --regency dan --out.\n${IMPORT_SOP_USAGE}`);
    return 2;
  }
  if (!existsSync(file)) {
    streams.stderr.write(`Berkas "${file}" tidak ditemukan. Periksa nama dan foldernya.\n`);
    return 2;
  }
  const definitions = values.definitions ?? 'sop-definitions';
  const regencyFile = path.join(definitions, values.regency, 'regency.yaml');
  if (!existsSync(regencyFile)) {
    const known = regencyIds(definitions);
    streams.stderr.write(
      `Kabupaten "${values.regency}" tidak dikenal: ${regencyFile} tidak ada. ${
        known.length > 0 ? `Pilih salah satu: ${known.join(', ')}.` : `Periksa folder definisi "${definitions}".`
      }\n`,
    );
    return 2;
  }
  const loaded = loadRegencySource(readFileSync(regencyFile), regencyFile, values.regency);
  if (!loaded.regency) {
    streams.stderr.write(`${regencyFile} belum sah; perbaiki dulu (npx alur validate ${path.dirname(regencyFile)}).\n`);
    return 2;
  }
  let result;
  try {
    // No request waits on the command line: a long scan is read whole, page by page, with its progress shown.
    result = await importSopDocument(
      { name: path.basename(file), bytes: readFileSync(file) },
      { regencyId: values.regency, regency: loaded.regency },
      {
        scan: {
          maxPages: UNATTENDED_MAX_PAGES,
          onPage: (done, pages) => streams.stderr.write(`OCR halaman ${done} dari ${pages} selesai\n`),
        },
      },
    );
  } catch (error) {
    if (error instanceof ImportError) {
      streams.stderr.write(`${error.path}: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
  if (result.drafts.length === 0) {
    streams.stderr.write(
      `Tidak ada SOP yang dikenali di "${path.basename(file)}": tidak ada tabel "Nomor SOP", Standar Pelayanan, atau daftar SOP keputusan.\n`,
    );
    return 1;
  }
  mkdirSync(values.out, { recursive: true });
  let invalid = 0;
  for (const draft of result.drafts) {
    writeFileSync(path.join(values.out, draft.fileName), draft.yaml);
    streams.stdout.write(
      `${draft.fileName}  ${draft.stepCount} langkah, ${draft.inferredCount} bagian ditafsirkan  (${draft.name})\n`,
    );
    for (const warning of draft.warnings) streams.stdout.write(`    ${warning.message}\n`);
    if (draft.warnings.some((w) => w.code === 'DRAFT_INVALID')) invalid += 1;
  }
  streams.stdout.write(
    `${result.drafts.length} draf ditulis ke ${values.out}${invalid > 0 ? `, ${invalid} belum sah` : ''}.\n`,
  );
  return invalid > 0 ? 1 : 0;
}
