import Form from '@rjsf/core';
import type { IChangeEvent } from '@rjsf/core';
import type { RJSFValidationError, RJSFSchema, UiSchema } from '@rjsf/utils';
import type { ResolvedForm } from '../../engine/definition/sopTypes.ts';
import { createNoEvalValidator } from '../forms/noEvalValidator.ts';

const validators = { id: createNoEvalValidator('id'), en: createNoEvalValidator('en') };

const MESSAGES = {
  id: { digits16: 'harus terdiri dari 16 digit angka', phone: 'harus diawali 0 atau +62 dan berisi 9–14 digit' },
  en: { digits16: 'must be exactly 16 digits', phone: 'must start with 0 or +62 and have 9–14 digits' },
};

/** Friendlier messages for the patterns every SOP uses (NIK/KK, phone). */
function transformErrors(language: 'id' | 'en') {
  return (errors: RJSFValidationError[]): RJSFValidationError[] =>
    errors.map((e) => {
      const pattern = String((e.params as { pattern?: string } | undefined)?.pattern ?? '');
      if (e.name === 'pattern' && pattern.includes('{16}'))
        return {
          ...e,
          message: MESSAGES[language].digits16,
          stack: `${e.property ?? ''} ${MESSAGES[language].digits16}`,
        };
      if (e.name === 'pattern' && pattern.includes('+62'))
        return { ...e, message: MESSAGES[language].phone, stack: `${e.property ?? ''} ${MESSAGES[language].phone}` };
      return e;
    });
}

interface Props {
  form: ResolvedForm;
  formData: Record<string, unknown>;
  language: 'id' | 'en';
  onChange: (data: Record<string, unknown>) => void;
  onSubmit?: (data: Record<string, unknown>) => void;
  /** Id of the <form>, so buttons elsewhere on the page can submit it. */
  id: string;
  readOnly?: boolean;
  children?: React.ReactNode;
}

/** A step's form exactly as staff see it: react-jsonschema-form over the definition's schema and uiSchema. */
export function StepForm({ form, formData, language, onChange, onSubmit, id, readOnly, children }: Props) {
  return (
    <Form
      id={id}
      schema={form.schema as RJSFSchema}
      uiSchema={{ 'ui:submitButtonOptions': { norender: true }, ...(form.uiSchema as UiSchema) }}
      formData={formData}
      validator={validators[language]}
      transformErrors={transformErrors(language)}
      showErrorList={false}
      liveValidate={false}
      noHtml5Validate
      readonly={readOnly ?? false}
      onChange={(e: IChangeEvent) => onChange((e.formData ?? {}) as Record<string, unknown>)}
      onSubmit={(e: IChangeEvent) => onSubmit?.((e.formData ?? {}) as Record<string, unknown>)}
    >
      {children ?? <></>}
    </Form>
  );
}
