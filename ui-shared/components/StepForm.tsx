import Form from '@rjsf/core';
import type { IChangeEvent } from '@rjsf/core';
import type { RegistryWidgetsType, RJSFSchema, UiSchema } from '@rjsf/utils';
import { useMemo } from 'react';
import type { ResolvedForm } from '../../engine/definition/sopTypes.ts';
import { regencyContracts } from '../../engine/contracts/regencyContracts.ts';
import { useCall } from '../api/useCall.ts';
import { DISTRICT_WIDGET, hasAddressFields, VILLAGE_WIDGET, withAddressWidgets } from '../forms/addressWidgets.ts';
import { createNoEvalValidator } from '../forms/noEvalValidator.ts';
import { DateWidget } from '../forms/DateWidget.tsx';
import { ErrorSummary } from '../forms/ErrorSummary.tsx';
import {
  DistrictWidget,
  keepAddressConsistent,
  VillageWidget,
  type AddressFormContext,
} from '../forms/RegionWidgets.tsx';

const validators = { id: createNoEvalValidator('id'), en: createNoEvalValidator('en') };
// Dates typed dd/mm/yyyy whatever the browser's language; kecamatan → desa as cascading selects; the error
// summary in the page's language.
const widgets: RegistryWidgetsType = { DateWidget, [DISTRICT_WIDGET]: DistrictWidget, [VILLAGE_WIDGET]: VillageWidget };
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

/**
 * A step's form exactly as staff see it: react-jsonschema-form over the definition's schema and uiSchema.
 * Address fields (kecamatan, desa/kelurahan) become cascading selects from the regency's official region list.
 */
export function StepForm({ form, formData, language, onChange, onSubmit, id, readOnly, children }: Props) {
  const address = hasAddressFields(form.schema);
  // Without the list (a regency not shipped in engine/regions/data), the fields stay free text.
  const regions = useCall(regencyContracts.regions, address ? {} : null).data;
  const uiSchema = useMemo(
    () => ({ 'ui:submitButtonOptions': { norender: true }, ...withAddressWidgets(form.schema, form.uiSchema) }),
    [form],
  );
  const formContext: AddressFormContext = { formData, ...(regions ? { regions } : {}) };
  return (
    <Form
      id={id}
      schema={form.schema as RJSFSchema}
      uiSchema={uiSchema as UiSchema}
      formData={formData}
      formContext={formContext}
      validator={validators[language]}
      showErrorList="top"
      focusOnFirstError
      widgets={widgets}
      templates={templates}
      liveValidate={false}
      noHtml5Validate
      readonly={readOnly ?? false}
      onChange={(e: IChangeEvent) =>
        onChange(keepAddressConsistent(formData, (e.formData ?? {}) as Record<string, unknown>, regions))
      }
      onSubmit={(e: IChangeEvent) => onSubmit?.((e.formData ?? {}) as Record<string, unknown>)}
    >
      {children ?? <></>}
    </Form>
  );
}
