import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { bundleSchema } from '../../designer/src/schema/bundleSchema.ts';
import { toRjsfSchema } from '../../designer/src/schema/rjsfSchema.ts';
import { SOP_SCHEMA } from '../../designer/src/schema/sopSchema.ts';

const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;

function refsOf(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) node.forEach((n) => refsOf(n, out));
  else if (node && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) {
      if (k === '$ref' && typeof v === 'string') out.push(v);
      else refsOf(v, out);
    }
  }
  return out;
}

describe('bundleSchema', () => {
  it('rewrites cross-file and local refs into one $defs', () => {
    const bundled = bundleSchema(
      {
        file: 'a.json',
        prefix: '',
        schema: {
          $id: 'x',
          $schema: 'y',
          properties: { p: { $ref: 'b.json#/$defs/id' }, q: { $ref: '#/$defs/local' } },
          $defs: { local: { $ref: 'b.json#/$defs/id' } },
        },
      },
      [
        {
          file: 'b.json',
          prefix: 'b_',
          schema: { $defs: { id: { type: 'string' }, list: { items: { $ref: '#/$defs/id' } } } },
        },
      ],
    );
    expect(bundled).toEqual({
      properties: { p: { $ref: '#/$defs/b_id' }, q: { $ref: '#/$defs/local' } },
      $defs: { local: { $ref: '#/$defs/b_id' }, b_id: { type: 'string' }, b_list: { items: { $ref: '#/$defs/b_id' } } },
    });
    expect(() => bundleSchema({ file: 'a.json', prefix: '', schema: { $ref: 'c.json#/$defs/x' } }, [])).toThrow(
      /unknown schema file/,
    );
  });

  it('bundles the SOP schema so every ref resolves and every seed validates against it', () => {
    const defs = SOP_SCHEMA.$defs as Record<string, unknown>;
    for (const ref of refsOf(SOP_SCHEMA)) expect(defs[ref.replace('#/$defs/', '')], ref).toBeDefined();
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats(ajv);
    const validate = ajv.compile(SOP_SCHEMA);
    const seed = parse(
      readFileSync(
        join(import.meta.dirname, '../../sop-definitions/kutai-kartanegara/bantuan-permakanan.yaml'),
        'utf8',
      ),
    ) as unknown;
    expect(validate(seed), JSON.stringify(validate.errors)).toBe(true);
    expect(validate({ ...(seed as object), unknownKey: 1 })).toBe(false);
  });

  it('turns if/then/else choices into oneOf alternatives for the form', () => {
    const rjsf = toRjsfSchema(SOP_SCHEMA) as { $defs: Record<string, Record<string, unknown>> };
    const actor = rjsf.$defs.actorRef!;
    expect(actor.if).toBeUndefined();
    expect(actor.type).toBeUndefined();
    expect(actor.oneOf).toEqual([
      { $ref: '#/$defs/common_id', title: 'Pelaksana langkah' },
      { $ref: '#/$defs/actorAnyOf' },
      { $ref: '#/$defs/actorSequence' },
      { $ref: '#/$defs/actorTogether' },
    ]);
    expect((rjsf.$defs.common_condition!.oneOf as unknown[]).length).toBe(4);
  });
});
