import Form from '@rjsf/core';
import type { IChangeEvent } from '@rjsf/core';
import type { RJSFSchema, UiSchema } from '@rjsf/utils';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { withPlainTerms } from '../schema/plainTerms.ts';
import { rjsfSopSchema } from '../schema/rjsfSchema.ts';
import { SOP_SCHEMA } from '../schema/sopSchema.ts';
import { caseDataLists } from '../table/sopTableRead.ts';
import { withBlockChoices } from './blockChoices.ts';
import { structuredValidator as validator } from './formValidator.ts';
import { StepList } from './StepList.tsx';
import { YamlField } from './YamlField.tsx';

type Sop = Record<string, unknown>;
type Section = 'header' | 'actors' | 'steps' | 'data';

type SopRjsfSchema = RJSFSchema & {
  properties: Record<string, RJSFSchema>;
  $defs: Record<string, RJSFSchema>;
};
const RJSF_SCHEMA = rjsfSopSchema(SOP_SCHEMA);

const SECTIONS: Record<Exclude<Section, 'steps'>, string[]> = {
  header: [
    'name',
    'number',
    'kind',
    'unit',
    'dates',
    'approvedBy',
    'legalBasis',
    'qualifications',
    'relatedSops',
    'equipment',
    'clock',
    'warnings',
    'recordKeeping',
    'relatedParties',
    'supportingDocuments',
  ],
  actors: ['actors'],
  data: [
    'caseData',
    'eligibility',
    'derivedFacts',
    'documents',
    'forms',
    'serviceStandard',
    'amounts',
    'retention',
    'rejection',
    'confidential',
  ],
};

const yamlField = { 'ui:field': 'yaml' };
const UI: Record<string, UiSchema> = {
  header: { legalBasis: { items: { 'ui:widget': 'textarea', 'ui:options': { rows: 2 } } } },
  actors: {},
  data: {
    caseData: yamlField,
    forms: yamlField,
    eligibility: { criteria: { items: { rule: yamlField } } },
    derivedFacts: {},
    serviceStandard: yamlField,
    rejection: { letter: { template: yamlField } },
  },
  step: {
    'ui:order': [
      'id',
      'kind',
      'activity',
      'actor',
      'service',
      'requirements',
      'time',
      'clock',
      'output',
      'notes',
      'next',
      'decision',
      'parallel',
      'forEach',
      'sendBack',
      'end',
      'form',
      '*',
    ],
    activity: { 'ui:widget': 'textarea', 'ui:options': { rows: 2 } },
    notes: { 'ui:widget': 'textarea', 'ui:options': { rows: 2 } },
    form: yamlField,
    decision: { branches: { items: { when: yamlField } } },
    parallel: { branches: { 'ui:widget': 'checkboxes' } },
  },
};

const fields = { yaml: YamlField };
// Only what the drafter types goes into the YAML: no defaults, no empty list items.
const defaults = { arrayMinItems: { populate: 'never' as const }, emptyObjectFields: 'skipDefaults' as const };

function pick(value: Sop, keys: string[]): Sop {
  return Object.fromEntries(keys.filter((k) => value[k] !== undefined).map((k) => [k, value[k]]));
}

/** The SOP's steps as the block fields offer them (id and activity, in table order). */
function stepChoices(steps: unknown): Array<{ id: string; activity: string }> {
  return (Array.isArray(steps) ? steps : []).flatMap((s: unknown) =>
    s !== null && typeof s === 'object' && 'id' in s && typeof s.id === 'string'
      ? [{ id: s.id, activity: 'activity' in s && typeof s.activity === 'string' ? s.activity : s.id }]
      : [],
  );
}

function withoutUndefined(value: Sop): Sop {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined));
}

interface Props {
  value: Sop | undefined;
  onChange: (next: Sop) => void;
}

/**
 * The structured editor: react-jsonschema-form generated from the SOP JSON Schema itself, by section
 * (header, actors, steps one at a time, data and rules). Every change goes back into the YAML text.
 */
export function StructuredEditor({ value, onChange }: Props) {
  const { t, i18n } = useTranslation();
  const [section, setSection] = useState<Section>('steps');
  const [stepIndex, setStepIndex] = useState(0);
  // Labels and help of the language's developer terms follow the UI language.
  const schema = useMemo(() => withPlainTerms(RJSF_SCHEMA, t) as SopRjsfSchema, [t, i18n.language]);
  const sectionSchema = useMemo(() => {
    if (section === 'steps') {
      // The fork's and the per-person block's step fields choose among this SOP's steps and case-data lists.
      const step = withBlockChoices(
        schema.$defs.step as Record<string, unknown>,
        stepChoices(value?.steps),
        caseDataLists(value?.caseData),
      );
      return { ...step, $defs: schema.$defs } as RJSFSchema;
    }
    return {
      type: 'object',
      properties: pick(schema.properties, SECTIONS[section]),
      $defs: schema.$defs,
    } as RJSFSchema;
  }, [section, schema, value?.steps, value?.caseData]);
  if (!value) return <div className="alert info">{t('designer.structured.unreadable')}</div>;
  const steps = Array.isArray(value.steps) ? (value.steps as Sop[]) : [];
  const current = Math.min(stepIndex, Math.max(0, steps.length - 1));
  const formData = section === 'steps' ? steps[current] : pick(value, SECTIONS[section]);
  const change = (e: IChangeEvent) => {
    const data = (e.formData ?? {}) as Sop;
    if (section === 'steps') {
      const next = [...steps];
      next[current] = withoutUndefined(data);
      onChange({ ...value, steps: next });
      return;
    }
    const merged: Sop = { ...value };
    for (const key of SECTIONS[section]) merged[key] = data[key];
    onChange(withoutUndefined(merged));
  };
  return (
    <div className="structured">
      <div role="tablist" aria-label={t('designer.structured.sections')} className="tabs small">
        {(['header', 'actors', 'steps', 'data'] as const).map((s) => (
          <button
            key={s}
            type="button"
            role="tab"
            aria-selected={section === s}
            className={section === s ? 'tab active' : 'tab'}
            onClick={() => setSection(s)}
          >
            {t(`designer.structured.${s}`)}
          </button>
        ))}
      </div>
      {section === 'steps' && (
        <StepList
          steps={steps}
          current={current}
          onSelect={setStepIndex}
          onChange={(next, select) => {
            onChange({ ...value, steps: next });
            setStepIndex(select);
          }}
        />
      )}
      {formData !== undefined && (
        <div className="rjsf">
          <Form
            key={`${section}-${current}`}
            idPrefix={`sop-${section}`}
            schema={sectionSchema}
            uiSchema={{
              'ui:submitButtonOptions': { norender: true },
              ...(section === 'steps' ? UI.step : UI[section]),
            }}
            formData={formData}
            validator={validator}
            fields={fields}
            noValidate
            showErrorList={false}
            experimental_defaultFormStateBehavior={defaults}
            onChange={change}
          />
        </div>
      )}
    </div>
  );
}
