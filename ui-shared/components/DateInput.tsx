import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { indonesianToIso, isoToIndonesian } from '../format/indonesianDate.ts';

interface Props {
  id: string;
  /** The date as YYYY-MM-DD, or '' when empty. */
  value: string;
  onChange: (iso: string) => void;
  disabled?: boolean;
  required?: boolean;
  /** Extra attributes the rjsf widget passes (aria-describedby of its error). */
  describedBy?: string;
  onBlur?: () => void;
}

/**
 * A date typed as dd/mm/yyyy whatever the browser's language (its own date picker shows mm/dd/yyyy on
 * an English PC); the value handed on is YYYY-MM-DD, and a day that does not exist is said at once.
 */
export function DateInput({ id, value, onChange, disabled, required, describedBy, onBlur }: Props) {
  const { t } = useTranslation();
  const [text, setText] = useState(value ? isoToIndonesian(value) : '');
  const [invalid, setInvalid] = useState(false);
  useEffect(() => {
    // A value set from outside (a saved draft, a reset) replaces what is shown.
    if (indonesianToIso(text) !== (value || null)) setText(value ? isoToIndonesian(value) : '');
  }, [value]);
  const errorId = `${id}-date-error`;
  return (
    <>
      <input
        id={id}
        type="text"
        inputMode="numeric"
        autoComplete="off"
        placeholder={t('date.placeholder')}
        value={text}
        disabled={disabled}
        required={required}
        aria-invalid={invalid || undefined}
        aria-describedby={[describedBy, invalid ? errorId : undefined].filter(Boolean).join(' ') || undefined}
        maxLength={10}
        size={12}
        onChange={(e) => {
          const next = e.target.value;
          setText(next);
          const iso = indonesianToIso(next);
          setInvalid(next.trim() !== '' && iso === null && next.trim().length >= 8);
          if (iso !== null) onChange(iso);
          else if (next.trim() === '') onChange('');
        }}
        onBlur={() => {
          setInvalid(text.trim() !== '' && indonesianToIso(text) === null);
          onBlur?.();
        }}
      />
      {invalid && (
        <span id={errorId} className="field-error" role="alert">
          {t('date.invalid')}
        </span>
      )}
    </>
  );
}
