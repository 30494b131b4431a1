import type { WidgetProps } from '@rjsf/utils';
import { DateInput } from '../components/DateInput.tsx';

/** rjsf's `date` format as an Indonesian dd/mm/yyyy field (the value stays YYYY-MM-DD for the schema). */
export function DateWidget({ id, value, onChange, onBlur, disabled, readonly, required }: WidgetProps) {
  return (
    <DateInput
      id={id}
      value={typeof value === 'string' ? value : ''}
      disabled={disabled || readonly}
      required={required}
      describedBy={`${id}__error`}
      onChange={(iso) => onChange(iso === '' ? undefined : iso)}
      onBlur={() => onBlur(id, value)}
    />
  );
}
