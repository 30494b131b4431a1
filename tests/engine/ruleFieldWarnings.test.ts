import { describe, expect, it } from 'vitest';
import { ruleFieldWarnings } from '../../engine/definition/checks/ruleFieldDefaults.ts';
import { jointDefinition } from './support/jointFixture.ts';

describe('alur validate warns when a rule reads a field that may stay empty', () => {
  it('an optional number without default read by a Kriteria Sasaran is warned about', () => {
    const warnings = ruleFieldWarnings(jointDefinition);
    // `age` (integer, optional, no default) is read by the eligibility criterion; `neglected` is a checkbox.
    expect(warnings.map((w) => w.field)).toEqual(['age']);
    expect(warnings[0]!.message).toContain('Beri `default` atau jadikan isian wajib');
  });

  it('a default, a required field or a checkbox silences it', () => {
    const withDefault = {
      ...jointDefinition,
      caseData: {
        ...jointDefinition.caseData,
        schema: {
          ...jointDefinition.caseData.schema,
          properties: { ...jointDefinition.caseData.schema.properties, age: { type: 'integer', default: 0 } },
        },
      },
    };
    expect(ruleFieldWarnings(withDefault)).toEqual([]);
    const required = {
      ...jointDefinition,
      caseData: { ...jointDefinition.caseData, schema: { ...jointDefinition.caseData.schema, required: ['age'] } },
    };
    expect(ruleFieldWarnings(required)).toEqual([]);
  });
});
