import type { FieldProps } from '@rjsf/utils';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { parse, stringify } from 'yaml';

function toText(value: unknown): string {
  return value === undefined ? '' : stringify(value, { lineWidth: 0, flowCollectionPadding: false });
}

/**
 * An RJSF field for the parts of an SOP that are themselves data schemas or rules (forms, conditions):
 * edited as a small YAML snippet, applied when it reads as YAML, with the parse error shown otherwise.
 */
export function YamlField(props: FieldProps) {
  const { t } = useTranslation();
  const [text, setText] = useState(() => toText(props.formData));
  const [problem, setProblem] = useState<string>();
  const external = toText(props.formData);
  useEffect(() => {
    setText((current) => {
      try {
        return JSON.stringify(parse(current)) === JSON.stringify(props.formData) ? current : external;
      } catch {
        return current;
      }
    });
  }, [external, props.formData]);
  const id = props.fieldPathId.$id;
  const title = props.schema.title ?? props.name;
  return (
    <div className="form-group yaml-field">
      <label htmlFor={id} className="control-label">
        {title}
      </label>
      {props.schema.description && <p className="field-description">{props.schema.description}</p>}
      <textarea
        id={id}
        className="code"
        rows={Math.min(14, Math.max(3, text.split('\n').length + 1))}
        value={text}
        spellCheck={false}
        aria-invalid={problem !== undefined}
        onChange={(e) => {
          setText(e.target.value);
          try {
            const value: unknown = e.target.value.trim() === '' ? undefined : parse(e.target.value);
            setProblem(undefined);
            props.onChange(value, props.fieldPathId.path);
          } catch (error) {
            setProblem(error instanceof Error ? error.message.split('\n')[0] : String(error));
          }
        }}
      />
      <small className="muted">{t('designer.structured.yamlHint')}</small>
      {problem && (
        <p className="error-detail" role="alert">
          {problem}
        </p>
      )}
    </div>
  );
}
