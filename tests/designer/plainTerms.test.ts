import { describe, expect, it } from 'vitest';
import { withPlainTerms } from '../../designer/src/schema/plainTerms.ts';
import { rjsfSopSchema } from '../../designer/src/schema/rjsfSchema.ts';
import { SOP_SCHEMA } from '../../designer/src/schema/sopSchema.ts';
import en from '../../ui-shared/i18n/en.json' with { type: 'json' };
import id from '../../ui-shared/i18n/id.json' with { type: 'json' };

// Words of JSON Schema and its tools that a drafter does not know.
const DEVELOPER_WORDS =
  /together|anyOf|\$ref|uiSchema|json-rules-engine|JSON Schema|react-jsonschema-form|#\/forms|regency\.yaml|JSONPath|service delivery|documentTypes/;

/** i18next's lookup over a catalog, failing loudly on a missing key. */
function catalog(root: unknown) {
  return (key: string): string => {
    const value = key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], root);
    if (typeof value !== 'string') throw new Error(`missing i18n key ${key}`);
    return value;
  };
}

function texts(node: unknown, path: string, out: Array<[string, string]>): Array<[string, string]> {
  if (Array.isArray(node)) node.forEach((n, i) => texts(n, `${path}/${i}`, out));
  else if (node && typeof node === 'object')
    for (const [key, value] of Object.entries(node)) {
      if ((key === 'title' || key === 'description') && typeof value === 'string') out.push([`${path}/${key}`, value]);
      else texts(value, `${path}/${key}`, out);
    }
  return out;
}

describe('withPlainTerms', () => {
  const source = rjsfSopSchema(SOP_SCHEMA);

  it('the engine schema itself still speaks developer (what this module is for)', () => {
    expect(texts(source, '', []).filter(([, text]) => DEVELOPER_WORDS.test(text)).length).toBeGreaterThan(5);
  });

  for (const [language, root] of [
    ['id', id],
    ['en', en],
  ] as const) {
    it(`leaves no developer word in a title or help text (${language})`, () => {
      const plain = withPlainTerms(source, catalog(root));
      // A reference target's help shows how the value is written, e.g. "#/forms/…"; that is the one allowed use.
      const left = texts(plain, '', []).filter(
        ([path, text]) => DEVELOPER_WORDS.test(text) && !/\$ref\/description$/.test(path),
      );
      expect(left).toEqual([]);
    });
  }

  it('labels the joint and any-one performer in Indonesian and keeps the YAML keys', () => {
    const plain = withPlainTerms(source, catalog(id)) as {
      $defs: { actorTogether: { properties: object }; common_formBody: { properties: object } };
    };
    expect(plain.$defs.actorTogether.properties).toHaveProperty('together.title', 'Pelaksana bersama');
    expect(plain.$defs.actorTogether.properties).toHaveProperty(
      'together.description',
      expect.stringMatching(/Semua pelaksana/),
    );
    expect(plain.$defs.common_formBody.properties).toHaveProperty('uiSchema.title', 'Pengaturan tampilan');
  });
});
