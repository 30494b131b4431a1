import Form from '@rjsf/core';
import type { IChangeEvent } from '@rjsf/core';
import type { RJSFSchema, UiSchema } from '@rjsf/utils';
import type { ResolvedForm } from '../../engine/definition/sopTypes.ts';
import { createNoEvalValidator } from '../forms/noEvalValidator.ts';
import { DateWidget } from '../forms/DateWidget.tsx';
import { ErrorSummary } from '../forms/ErrorSummary.tsx';

const validators = { id: createNoEvalValidator('id'), en: createNoEvalValidator('en') };
// Dates typed dd/mm/yyyy whatever the browser's language; the error summary in the page's language.
const widgets = { DateWidget };
const templates = { ErrorListTemplate: ErrorSummary };

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
      showErrorList="top"
      focusOnFirstError
      widgets={widgets}
      templates={templates}
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
