import type { ErrorListProps } from '@rjsf/utils';
import { useTranslation } from 'react-i18next';
import { fieldTitle } from '../../engine/core/formErrorMessages.ts';

/**
 * The form's error summary above the fields (GOV.UK pattern): each problem by the field's title, as a
 * link that moves focus to that field; rjsf focuses the first invalid field itself (focusOnFirstError).
 */
export function ErrorSummary({ errors, schema }: ErrorListProps) {
  const { t } = useTranslation();
  if (errors.length === 0) return null;
  return (
    <div className="alert error" role="alert" data-testid="error-summary">
      <strong>{t('form.errorSummary', { count: errors.length })}</strong>
      <ul>
        {errors.map((e) => {
          const segments = (e.property ?? '').split('.').filter(Boolean);
          const fieldId = ['root', ...segments].join('_');
          const title = segments.length > 0 ? fieldTitle(schema as never, `/${segments.join('/')}`) : '';
          return (
            <li key={`${e.property ?? ''}-${e.message ?? ''}`}>
              <a
                href={`#${fieldId}`}
                onClick={(event) => {
                  event.preventDefault();
                  document.getElementById(fieldId)?.focus();
                }}
              >
                {title ? `${title}: ` : ''}
                {e.message}
              </a>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
