import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { placeError, sortErrors, unplaced, type DefinitionError } from '../definition/definitionError.ts';
import { loadRegencySource, loadSopSource, type SopLoadContext } from '../definition/loadDefinitionSource.ts';
import type { RawRegency, RawSop, SopDefinition } from '../definition/sopTypes.ts';
import { topLevelKeyPosition } from '../definition/topLevelKeyPosition.ts';

/** One SOP file as loaded from disk. */
export interface LoadedSopFile {
  file: string;
  source: string;
  definition: SopDefinition | undefined;
  raw: RawSop | undefined;
  errors: DefinitionError[];
}

/** One regency folder as loaded from disk. */
export interface LoadedRegencyFolder {
  folder: string;
  regencyFile: string;
  regency: RawRegency | undefined;
  regencySource: string | undefined;
  regencyErrors: DefinitionError[];
  sops: LoadedSopFile[];
}

/** Everything loaded from the given paths, and every error found, sorted by file and position. */
export interface LoadedDefinitions {
  folders: LoadedRegencyFolder[];
  errors: DefinitionError[];
}

const isYaml = (name: string): boolean => /\.ya?ml$/i.test(name);

function readBytes(file: string): { bytes: Uint8Array } | { error: string } {
  try {
    return { bytes: readFileSync(file) };
  } catch (error) {
    return { error: error instanceof Error ? error.message.replace(/^[A-Z]+: /, '') : String(error) };
  }
}

function ioError(file: string, reason: string): DefinitionError {
  return placeError(unplaced('IO_ERROR', '', { reason }), file, 0, 0);
}

/** Loads one regency folder: its regency.yaml, then the SOP files (all, or only `onlyFiles`). */
export function loadRegencyFolder(folder: string, displayBase: string, onlyFiles?: string[]): LoadedRegencyFolder {
  const show = (p: string): string => relative(displayBase, p) || p;
  const regencyFile = join(folder, 'regency.yaml');
  const folderName = basename(folder);
  const result: LoadedRegencyFolder = {
    folder,
    regencyFile: show(regencyFile),
    regency: undefined,
    regencySource: undefined,
    regencyErrors: [],
    sops: [],
  };
  const context: SopLoadContext = { regency: undefined, folderName };
  const regencyRead = readBytes(regencyFile);
  if ('bytes' in regencyRead) {
    const load = loadRegencySource(regencyRead.bytes, show(regencyFile), folderName);
    result.regency = load.regency;
    result.regencySource = new TextDecoder().decode(regencyRead.bytes);
    result.regencyErrors = load.errors;
    context.regency = load.regency;
    if (!load.regency) context.regencyProblem = 'invalid';
  } else context.regencyProblem = 'missing';

  let files: string[];
  try {
    files =
      onlyFiles ??
      readdirSync(folder)
        .filter((n) => isYaml(n) && n !== 'regency.yaml')
        .sort()
        .map((n) => join(folder, n));
  } catch (error) {
    result.regencyErrors.push(ioError(show(folder), String(error)));
    return result;
  }
  const seenIds = new Map<string, string>();
  for (const file of files) {
    const read = readBytes(file);
    if ('error' in read) {
      result.sops.push({
        file: show(file),
        source: '',
        definition: undefined,
        raw: undefined,
        errors: [ioError(show(file), read.error)],
      });
      continue;
    }
    const load = loadSopSource(read.bytes, show(file), context);
    const loaded: LoadedSopFile = { file: show(file), source: new TextDecoder().decode(read.bytes), ...load };
    const id = load.raw?.id;
    if (id !== undefined) {
      const other = seenIds.get(id);
      if (other !== undefined) {
        const at = topLevelKeyPosition(loaded.source, 'id');
        loaded.errors = [
          ...loaded.errors,
          placeError(unplaced('DUPLICATE_SOP_ID', '/id', { id, other }), show(file), at.line, at.column),
        ];
        loaded.definition = undefined;
      } else seenIds.set(id, show(file));
    }
    result.sops.push(loaded);
  }
  return result;
}

/**
 * Loads SOP files and folders the way the CLI and the server do: a file is checked with the regency.yaml
 * beside it; a folder with a regency.yaml is one regency; any other folder holds regency folders.
 */
export function loadDefinitionPaths(paths: string[], displayBase = process.cwd()): LoadedDefinitions {
  const folders: LoadedRegencyFolder[] = [];
  const errors: DefinitionError[] = [];
  const singleFiles = new Map<string, string[]>();
  for (const path of paths) {
    let stats;
    try {
      stats = statSync(path);
    } catch (error) {
      errors.push(ioError(path, error instanceof Error ? error.message.replace(/^[A-Z]+: /, '') : String(error)));
      continue;
    }
    if (stats.isFile()) {
      if (basename(path) === 'regency.yaml') {
        const folder = loadRegencyFolder(dirname(path), displayBase, []);
        folders.push(folder);
        continue;
      }
      const list = singleFiles.get(dirname(path)) ?? [];
      list.push(path);
      singleFiles.set(dirname(path), list);
    } else if (stats.isDirectory()) {
      const entries = readdirSync(path);
      if (entries.includes('regency.yaml') || entries.some(isYaml)) folders.push(loadRegencyFolder(path, displayBase));
      else {
        for (const name of entries.sort()) {
          const sub = join(path, name);
          if (statSync(sub).isDirectory()) folders.push(loadRegencyFolder(sub, displayBase));
        }
      }
    }
  }
  for (const [folder, files] of singleFiles) folders.push(loadRegencyFolder(folder, displayBase, files));
  const summaries: DefinitionError[] = [];
  for (const folder of folders) {
    errors.push(...folder.regencyErrors);
    const cascade = folder.regencySource !== undefined && folder.regency === undefined;
    let references = 0;
    const sopsHit = new Set<string>();
    for (const sop of folder.sops)
      for (const error of sop.errors) {
        if (cascade && CASCADE_CODES.has(error.code)) {
          if (error.code !== 'REGENCY_INVALID') references++;
          sopsHit.add(sop.file);
        } else errors.push(error);
      }
    const last = sortErrors(folder.regencyErrors).at(-1);
    if (cascade && last && sopsHit.size > 0)
      summaries.push(
        placeError(
          unplaced('REGENCY_CASCADE_SUPPRESSED', '', {
            errors: folder.regencyErrors.length,
            references,
            sops: sopsHit.size,
          }),
          folder.regencyFile,
          last.line,
          last.column,
        ),
      );
  }
  // Each summary follows its regency file's own errors, so the cause is read before its effect.
  const sorted = sortErrors(errors);
  for (const summary of summaries) {
    const after = sorted.findLastIndex((e) => e.file === summary.file);
    sorted.splice(after + 1, 0, summary);
  }
  return { folders, errors: sorted };
}

/**
 * Errors an SOP gets only because its regency.yaml is broken (the regency's roles, units, documents,
 * fragments and facts are unknown): while regency.yaml has errors they are counted in one summary
 * instead of burying its own errors. Each SOP's `errors` still lists them for per-file views.
 */
export const CASCADE_CODES: ReadonlySet<string> = new Set([
  'REGENCY_INVALID',
  'UNKNOWN_UNIT',
  'UNKNOWN_ROLE',
  'ACTOR_WITHOUT_ROLE',
  'UNKNOWN_DOCUMENT',
  'UNKNOWN_FRAGMENT',
  'UNKNOWN_REF',
  'UNKNOWN_FACT',
  'UNKNOWN_FACT_PATH',
  // A letter's template lives in regency.yaml: with that file broken, its placeholders cannot be checked.
  'UNKNOWN_LETTER_PLACEHOLDER',
]);
