import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ErrorObject } from 'ajv';
import { afterAll, describe, expect, it } from 'vitest';
import type { DefinitionError } from '../../engine/definition/definitionError.ts';
import { loadRegencySource, loadSopSource, type SopLoad } from '../../engine/definition/loadDefinitionSource.ts';
import { SOURCE_LIMITS } from '../../engine/definition/parseYamlSource.ts';
import { toUnplacedError } from '../../engine/definition/schemaValidation.ts';
import { loadDefinitionPaths } from '../../engine/files/loadDefinitionFiles.ts';

const fixtures = join(import.meta.dirname, '../fixtures/valid/testkab');
const regencyLoad = loadRegencySource(readFileSync(join(fixtures, 'regency.yaml')), 'regency.yaml', 'testkab');
const context = { regency: regencyLoad.regency, folderName: 'testkab' };
const minimal = readFileSync(join(fixtures, 'minimal.yaml'), 'utf8');

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

/** Loads hostile bytes, failing the test if that takes long enough to hurt a server. */
function load(bytes: Uint8Array): SopLoad {
  const started = performance.now();
  const result = loadSopSource(bytes, 'hostile.yaml', context);
  expect(performance.now() - started, 'loading took too long').toBeLessThan(3000);
  return result;
}

/** The single error a hostile file must produce: the right code, a position, messages in both languages. */
function onlyError(result: SopLoad): DefinitionError {
  expect(result.definition).toBeUndefined();
  expect(result.errors).toHaveLength(1);
  const error = result.errors[0]!;
  expect(error.line).toBeGreaterThanOrEqual(0);
  expect(error.column).toBeGreaterThanOrEqual(0);
  for (const message of [error.message, error.messageEn]) {
    expect(message.length).toBeGreaterThan(20);
    expect(message).not.toMatch(/\{\{|undefined/);
  }
  return error;
}

const at = (error: DefinitionError): string => `${error.code} ${error.line}:${error.column}`;

describe('hostile input never throws, hangs or crashes the loader', () => {
  it('the regency context used here is valid', () => {
    expect(regencyLoad.errors).toEqual([]);
    expect(load(utf8(minimal)).errors).toEqual([]);
  });

  it('stops a billion-laughs alias bomb at the first alias', () => {
    const levels = ['a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
    for (let i = 1; i < 10; i++) {
      const name = String.fromCharCode(97 + i);
      const previous = String.fromCharCode(96 + i);
      levels.push(`${name}: &${name} [${Array(10).fill(`*${previous}`).join(', ')}]`);
    }
    const error = onlyError(load(utf8(levels.join('\n'))));
    expect(at(error)).toBe('YAML_ALIAS_LIMIT 2:8');
    expect(error.params.limit).toBe(SOURCE_LIMITS.maxAliases);
  });

  it('accepts a few aliases below the limit', () => {
    const text = minimal
      .replace('requirements: [ktp,', 'requirements: &docs [ktp,')
      .replace('    time: 30 menit\n', '    time: 30 menit\n    requirements: *docs\n');
    const result = load(utf8(text));
    expect(result.errors).toEqual([]);
    expect(result.definition?.steps[1]?.requirements.map((r) => r.doc)).toEqual(['ktp', 'kk']);
  });

  it('rejects a 2 MiB file before parsing it', () => {
    const bytes = utf8(`${minimal}# ${'x'.repeat(2 * 1024 * 1024)}\n`);
    const error = onlyError(load(bytes));
    expect(at(error)).toBe('FILE_TOO_LARGE 0:0');
    expect(error.params).toEqual({ size: bytes.byteLength, limit: 1024 * 1024 });
  });

  it('still parses a file just under the size limit', () => {
    const padding = SOURCE_LIMITS.maxBytes - utf8(minimal).byteLength - 4;
    const bytes = utf8(`${minimal}# ${'x'.repeat(padding)}\n`);
    expect(bytes.byteLength).toBeLessThanOrEqual(SOURCE_LIMITS.maxBytes);
    expect(load(bytes).errors).toEqual([]);
  });

  it('rejects 10,000 nested flow sequences at the 65th level', () => {
    const error = onlyError(load(utf8(`${'['.repeat(10_000)}${']'.repeat(10_000)}`)));
    expect(at(error)).toBe('NESTING_TOO_DEEP 1:66');
  });

  it('rejects 10,000 nested flow mappings', () => {
    const error = onlyError(load(utf8(`${'a: {'.repeat(10_000)}${'}'.repeat(10_000)}`)));
    expect(at(error)).toBe('NESTING_TOO_DEEP 1:257');
  });

  it('rejects deep compact block sequences and explicit keys one after another', () => {
    // Together these once aborted the whole Node process (V8 ran out of memory compiling a regex near the stack limit).
    expect(at(onlyError(load(utf8(`${'- '.repeat(10_000)}x\n`))))).toBe('NESTING_TOO_DEEP 1:131');
    expect(at(onlyError(load(utf8(`${'? '.repeat(10_000)}x\n`))))).toBe('NESTING_TOO_DEEP 1:131');
  });

  it('rejects nesting by indentation 1,000 levels deep', () => {
    const text = Array.from({ length: 1000 }, (_, i) => `${' '.repeat(i)}a:`).join('\n');
    expect(at(onlyError(load(utf8(text))))).toBe('NESTING_TOO_DEEP 65:65');
  });

  it('accepts nesting up to the limit', () => {
    const text = `id: x\nnotes: ${'['.repeat(SOURCE_LIMITS.maxDepth - 1)}${']'.repeat(SOURCE_LIMITS.maxDepth - 1)}\n`;
    expect(load(utf8(text)).errors.map((e) => e.code)).not.toContain('NESTING_TOO_DEEP');
  });

  it('rejects an alias that contains itself', () => {
    expect(at(onlyError(load(utf8('a: &a [*a]\n'))))).toBe('NESTING_TOO_DEEP 1:8');
  });

  it('names an alias without an anchor as a YAML mistake, not an alias bomb', () => {
    const error = onlyError(load(utf8('id: x\nrequirements: *umum\n')));
    expect(at(error)).toBe('YAML_SYNTAX 2:15');
    expect(error.message).toContain('`*umum`');
  });

  it('rejects binary bytes at the first one', () => {
    const png = new Uint8Array([
      0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52,
    ]);
    expect(at(onlyError(load(png)))).toBe('BINARY_CONTENT 1:1');
    const withNul = utf8('id: x\nname: ab\0cd\n');
    expect(at(onlyError(load(withNul)))).toBe('BINARY_CONTENT 2:9');
  });

  it('rejects invalid UTF-8 at the offending byte', () => {
    const prefix = utf8('id: x\nname: Caf');
    const latin1 = new Uint8Array([...prefix, 0xe9, ...utf8(' Sosial\n')]);
    expect(at(onlyError(load(latin1)))).toBe('BINARY_CONTENT 2:10');
    const overlong = new Uint8Array([...utf8('a: '), 0xc0, 0xaf]);
    expect(at(onlyError(load(overlong)))).toBe('BINARY_CONTENT 1:4');
    const truncated = new Uint8Array([...utf8('a: '), 0xe2, 0x80]);
    expect(at(onlyError(load(truncated)))).toBe('BINARY_CONTENT 1:4');
    const surrogate = new Uint8Array([...utf8('a: '), 0xed, 0xa0, 0x80]);
    expect(at(onlyError(load(surrogate)))).toBe('BINARY_CONTENT 1:4');
    const utf16 = new Uint8Array([0xff, 0xfe, ...[...'id: x'].flatMap((c) => [c.charCodeAt(0), 0])]);
    expect(at(onlyError(load(utf16)))).toBe('BINARY_CONTENT 1:1');
  });

  it('accepts UTF-8 text with a byte-order mark, accents, emoji and a literal replacement character', () => {
    const text = `\uFEFF${minimal.replace('name: Layanan Uji', 'name: "Layanan Uji — Café 🤝 \uFFFD"')}`;
    const result = load(utf8(text));
    expect(result.errors).toEqual([]);
    expect(result.definition?.name).toBe('Layanan Uji — Café 🤝 \uFFFD');
  });

  it('rejects an empty file, a blank file and a file of only comments as not a mapping', () => {
    for (const text of ['', '   \n\n', '# Draf SOP\n# belum diisi\n']) {
      const error = onlyError(load(utf8(text)));
      expect(at(error)).toBe('NOT_A_MAPPING 0:0');
      expect(error.params.actual).toBe('null');
    }
  });

  it('rejects a document that is a bare string or number', () => {
    expect(at(onlyError(load(utf8('# judul\nSOP Bantuan Sosial\n'))))).toBe('NOT_A_MAPPING 2:1');
    expect(at(onlyError(load(utf8('42\n'))))).toBe('NOT_A_MAPPING 1:1');
  });
});

describe('errors that no fixture file can carry', () => {
  const temp = mkdtempSync(join(tmpdir(), 'alur-hostile-'));
  afterAll(() => rmSync(temp, { recursive: true, force: true }));

  it('reports a missing path as IO_ERROR', () => {
    const missing = join(temp, 'tidak-ada', 'sop.yaml');
    const { errors } = loadDefinitionPaths([missing], temp);
    expect(errors.map(at)).toEqual(['IO_ERROR 0:0']);
    expect(errors[0]!.file).toBe(missing);
    expect(errors[0]!.message).toContain('no such file');
  });

  it('reports an SOP path that cannot be read as a file as IO_ERROR', () => {
    const folder = join(temp, 'testkab');
    mkdirSync(join(folder, 'folder.yaml'), { recursive: true });
    writeFileSync(join(folder, 'regency.yaml'), readFileSync(join(fixtures, 'regency.yaml')));
    const { errors } = loadDefinitionPaths([folder], temp);
    expect(errors.map((e) => `${e.file} ${at(e)}`)).toEqual(['testkab/folder.yaml IO_ERROR 0:0']);
  });

  it('turns an ajv keyword the schemas do not use into SCHEMA_OTHER', () => {
    const raw: ErrorObject = {
      keyword: 'multipleOf',
      instancePath: '/amounts/0/amount',
      schemaPath: '#/properties/amounts/items/properties/amount/multipleOf',
      params: { multipleOf: 500 },
      message: 'must be multiple of 500',
    };
    const error = toUnplacedError(raw);
    expect(error).toMatchObject({
      code: 'SCHEMA_OTHER',
      path: '/amounts/0/amount',
      params: { detail: 'must be multiple of 500' },
    });
  });
});
