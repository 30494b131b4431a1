import { checkSchedule } from './checks/checkSchedule.ts';
import { isScalar } from 'yaml';
import { checkActors } from './checks/checkActors.ts';
import { checkBlocks } from './checks/checkBlocks.ts';
import type { CheckContext, SopCheck } from './checks/checkContext.ts';
import { checkDocuments } from './checks/checkDocuments.ts';
import { checkServiceSteps } from './checks/checkServiceSteps.ts';
import { checkLetterPlaceholders } from './checks/checkLetterPlaceholders.ts';
import { checkFacts } from './checks/checkFacts.ts';
import { checkFlow } from './checks/checkFlow.ts';
import { checkFormSchemas } from './checks/checkFormSchemas.ts';
import { checkIds } from './checks/checkIds.ts';
import { checkRegency } from './checks/checkRegency.ts';
import { checkReviewed } from './checks/checkReviewed.ts';
import { checkTargets } from './checks/checkTargets.ts';
import { checkRejection } from './checks/checkRejection.ts';
import { checkTemplates } from './checks/checkTemplates.ts';
import { checkTimes } from './checks/checkTimes.ts';
import { placeError, sortErrors, unplaced, type DefinitionError, type UnplacedError } from './definitionError.ts';
import { normalizeSop } from './normalizeSop.ts';
import { locateOffset, nodeAt, parseYamlSource, type ParseError, type YamlSource } from './parseYamlSource.ts';
import { resolveForms } from './resolveForms.ts';
import { validateRegencySchema, validateSopSchema } from './schemaValidation.ts';
import type { RawRegency, RawSop, SopDefinition } from './sopTypes.ts';

/** Checks that need only the SOP and its regency, run in this order. */
const sopChecks: readonly SopCheck[] = [
  checkIds,
  checkActors,
  checkTargets,
  checkFlow,
  checkTimes,
  checkDocuments,
  checkTemplates,
  checkRejection,
  checkServiceSteps,
  checkReviewed,
];

/**
 * The "put it in quotes" hint must show the number as written: YAML reads an unquoted 18-digit NIP
 * as a float, and `String(196807081994031013)` is 196807081994031000.
 */
function withSourceText(error: UnplacedError, source: YamlSource): UnplacedError {
  if (error.params.quoteValue === undefined) return error;
  const node = nodeAt(source, error.path);
  const written = isScalar(node) && typeof node.source === 'string' ? node.source : undefined;
  return written === undefined ? error : { ...error, params: { ...error.params, quoteValue: written } };
}

function place(errors: UnplacedError[], source: YamlSource, file: string): DefinitionError[] {
  return errors.map((e) => {
    const pos = source.lineCounter.linePos(locateOffset(source, e.path, e.atKey === true));
    return placeError(withSourceText(e, source), file, pos.line, pos.col);
  });
}

function placeParseErrors(errors: ParseError[], bytes: Uint8Array, file: string): DefinitionError[] {
  const text = new TextDecoder().decode(bytes.subarray(0, Math.min(bytes.byteLength, 1024 * 1024)));
  return errors.map((e) => {
    if (e.offset < 0) return placeError(e, file, 0, 0);
    const before = text.slice(0, e.offset);
    const line = before.split('\n').length;
    const column = e.offset - before.lastIndexOf('\n');
    return placeError(e, file, line, column);
  });
}

/** Result of loading a regency.yaml. */
export type RegencyLoad =
  { regency: RawRegency; errors: DefinitionError[] } | { regency: undefined; errors: DefinitionError[] };

/** Parses and checks a regency.yaml; `folderName` is compared with its id when given. */
export function loadRegencySource(bytes: Uint8Array, file: string, folderName?: string): RegencyLoad {
  const parsed = parseYamlSource(bytes);
  if (!parsed.ok) return { regency: undefined, errors: sortErrors(placeParseErrors(parsed.errors, bytes, file)) };
  const schemaErrors = validateRegencySchema(parsed.source.value);
  if (schemaErrors.length > 0)
    return { regency: undefined, errors: sortErrors(place(schemaErrors, parsed.source, file)) };
  const regency = parsed.source.value as RawRegency;
  // The NIP may be written as printed (with spaces); the engine keeps its 18 digits.
  if (regency.office.head?.nip !== undefined) regency.office.head.nip = regency.office.head.nip.replace(/ /g, '');
  const errors = place(checkRegency(regency, folderName), parsed.source, file);
  return errors.length > 0 ? { regency: undefined, errors: sortErrors(errors) } : { regency, errors: [] };
}

/** Result of loading one SOP file: the executable definition when there are no errors. */
export interface SopLoad {
  definition: SopDefinition | undefined;
  raw: RawSop | undefined;
  errors: DefinitionError[];
}

/** What an SOP is checked against: its regency (undefined when regency.yaml is missing or broken) and folder. */
export interface SopLoadContext {
  regency: RawRegency | undefined;
  folderName?: string;
  regencyProblem?: 'missing' | 'invalid';
}

/** Parses, validates and normalises one SOP file; never throws, whatever the bytes. */
export function loadSopSource(bytes: Uint8Array, file: string, context: SopLoadContext): SopLoad {
  const parsed = parseYamlSource(bytes);
  if (!parsed.ok)
    return { definition: undefined, raw: undefined, errors: sortErrors(placeParseErrors(parsed.errors, bytes, file)) };
  const { source } = parsed;
  const schemaErrors = validateSopSchema(source.value);
  if (schemaErrors.length > 0)
    return { definition: undefined, raw: undefined, errors: sortErrors(place(schemaErrors, source, file)) };
  const sop = source.value as RawSop;
  // The NIP may be written as printed (with spaces); the engine keeps its 18 digits.
  if (sop.approvedBy?.nip !== undefined) sop.approvedBy.nip = sop.approvedBy.nip.replace(/ /g, '');
  const { regency } = context;
  const unplacedErrors: UnplacedError[] = [];
  if (context.regencyProblem === 'missing')
    unplacedErrors.push(unplaced('REGENCY_FILE_MISSING', '/regency', { folder: context.folderName ?? '.' }));
  if (context.regencyProblem === 'invalid') unplacedErrors.push(unplaced('REGENCY_INVALID', '/regency'));
  if (context.folderName !== undefined && sop.regency !== context.folderName) {
    unplacedErrors.push(
      unplaced('REGENCY_MISMATCH', '/regency', { declared: sop.regency, folder: context.folderName }),
    );
  }
  const checkContext: CheckContext = { sop, regency };
  for (const check of sopChecks) unplacedErrors.push(...check(checkContext));
  const forms = resolveForms(sop, regency);
  unplacedErrors.push(
    ...forms.errors,
    ...checkFacts(checkContext, forms),
    ...checkFormSchemas(checkContext, forms),
    ...checkLetterPlaceholders(checkContext, forms),
    ...checkSchedule(checkContext, forms),
    ...checkBlocks(checkContext, forms),
  );
  const errors = sortErrors(place(unplacedErrors, source, file));
  if (errors.length > 0 || !regency) return { definition: undefined, raw: sop, errors };
  return { definition: normalizeSop(sop, regency, forms), raw: sop, errors: [] };
}
