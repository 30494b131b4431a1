import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RawRegency } from '../../../engine/definition/sopTypes.ts';
import { StepForm } from '../../../ui-shared/components/StepForm.tsx';
import { availableRuleFields, resolvedForms } from '../rules/availableFields.ts';
import { CellInput } from '../table/CellInput.tsx';
import { editTable } from '../table/sopTableEdit.ts';
import { readTable } from '../table/sopTableRead.ts';
import { isSharedForm, readForm, writeForm, type FormTarget } from './formEdit.ts';
import { FIELD_KINDS, newFields, readFields, writeFields, type FieldKind, type FormField } from './formFields.ts';

interface Props {
  source: string;
  regency: RawRegency;
  target: FormTarget;
  onChange: (source: string) => void;
}

/**
 * The form builder: fields added by kind with Indonesian labels, required, "tampilkan jika …", the
 * regency's fragments; a preview exactly as staff will see it. It writes a readable JSON Schema into the YAML.
 */
export function FormBuilder({ source, regency, target, onChange }: Props) {
  const { t, i18n } = useTranslation();
  const body = useMemo(() => readForm(source, target), [source, target]);
  const fields = useMemo(() => readFields(body), [body]);
  const [kind, setKind] = useState<FieldKind>('teks');
  const [label, setLabel] = useState('');
  const [options, setOptions] = useState('');
  const [preview, setPreview] = useState(false);
  const [sample, setSample] = useState<Record<string, unknown>>({});
  const [problem, setProblem] = useState<string>();
  const prefix = target === 'caseData' ? 'case' : `step${target.step}`;
  if (isSharedForm(source, target)) return <div className="alert info">{t('designer.forms.shared')}</div>;
  const taken = availableRuleFields(source, regency).map((f) => f.name);
  const save = (next: FormField[], title = body?.title, include = body?.include) => {
    try {
      const written = writeFields(body, next);
      if (title) written.title = title;
      else delete written.title;
      if (include && include.length > 0) written.include = include;
      else delete written.include;
      const empty = next.length === 0 && !written.include;
      onChange(writeForm(source, target, empty && target !== 'caseData' ? null : written));
      setProblem(undefined);
    } catch (e) {
      setProblem(e instanceof Error ? e.message : String(e));
    }
  };
  const add = () => {
    if (kind === 'berkas') {
      // An upload is a document in the step's checklist: staff attach the scan there.
      onChange(
        editTable(source, { kind: 'addDocument', index: target === 'caseData' ? 0 : target.step, label, scan: true }),
      );
    } else {
      const list = options
        .split(',')
        .map((o) => o.trim())
        .filter(Boolean);
      save([...fields, ...newFields(kind, label, taken, list)]);
    }
    setLabel('');
    setOptions('');
  };
  const update = (i: number, field: FormField) => save(fields.map((f, j) => (j === i ? field : f)));
  const forms = preview ? resolvedForms(source, regency) : undefined;
  const stepId = target === 'caseData' ? undefined : (readTable(source)?.rows[target.step]?.id ?? '');
  const resolved = forms ? (stepId === undefined ? forms.caseData : forms.steps.get(stepId)) : undefined;
  const needsLabel = kind !== 'alamat';
  return (
    <div className="form-builder" data-testid={`${prefix}-form-builder`}>
      {problem && <div className="alert error">{problem}</div>}
      <div className="row">
        <label htmlFor={`${prefix}-form-title`}>{t('designer.forms.title')}</label>
        <CellInput
          id={`${prefix}-form-title`}
          value={body?.title ?? ''}
          label={t('designer.forms.title')}
          onCommit={(title) => save(fields, title.trim() || undefined)}
        />
      </div>
      {target === 'caseData' && (regency.formFragments ?? []).length > 0 && (
        <fieldset className="fragments">
          <legend>{t('designer.forms.fragments')}</legend>
          <small className="muted">{t('designer.forms.fragmentsHelp')}</small>
          {(regency.formFragments ?? []).map((f) => {
            const on = body?.include?.includes(f.id) ?? false;
            return (
              <label key={f.id} className="inline">
                <input
                  type="checkbox"
                  checked={on}
                  data-testid={`fragment-${f.id}`}
                  onChange={() =>
                    save(
                      fields,
                      body?.title,
                      on ? (body?.include ?? []).filter((x) => x !== f.id) : [...(body?.include ?? []), f.id],
                    )
                  }
                />{' '}
                {f.title ?? f.id}
              </label>
            );
          })}
        </fieldset>
      )}
      {fields.length > 0 && (
        <table className="field-table">
          <thead>
            <tr>
              <th scope="col">{t('designer.forms.label')}</th>
              <th scope="col">{t('designer.forms.kind')}</th>
              <th scope="col">{t('designer.forms.required')}</th>
              <th scope="col">{t('designer.forms.showIf')}</th>
              <th scope="col">
                <span className="sr-only">{t('designer.table.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {fields.map((f, i) => (
              <tr key={f.name} data-testid={`field-${f.name}`}>
                <td data-label={t('designer.forms.label')}>
                  <CellInput
                    value={f.label}
                    label={t('designer.forms.label')}
                    onCommit={(l) => update(i, { ...f, label: l })}
                  />
                  {f.kind === 'pilihan' && (
                    <CellInput
                      value={(f.options ?? []).join(', ')}
                      label={t('designer.forms.options')}
                      placeholder={t('designer.forms.optionsHint')}
                      onCommit={(o) =>
                        update(i, {
                          ...f,
                          options: o
                            .split(',')
                            .map((x) => x.trim())
                            .filter(Boolean),
                        })
                      }
                    />
                  )}
                </td>
                <td data-label={t('designer.forms.kind')}>{t(`designer.forms.kinds.${f.kind}`)}</td>
                <td data-label={t('designer.forms.required')}>
                  <input
                    type="checkbox"
                    aria-label={t('designer.forms.requiredOf', { label: f.label })}
                    checked={f.required}
                    onChange={(e) => update(i, { ...f, required: e.target.checked })}
                  />
                </td>
                <td data-label={t('designer.forms.showIf')}>
                  <ShowIfCell
                    field={f}
                    fields={fields}
                    onChange={(showIf) => update(i, showIf ? { ...f, showIf } : withoutShowIf(f))}
                  />
                </td>
                <td>
                  <button
                    type="button"
                    className="secondary small"
                    onClick={() => save(fields.filter((_, j) => j !== i))}
                  >
                    {t('designer.table.delete')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="row add-field" role="group" aria-label={t('designer.forms.addField')}>
        <select
          aria-label={t('designer.forms.kind')}
          id={`${prefix}-field-kind`}
          value={kind}
          onChange={(e) => setKind(e.target.value as FieldKind)}
        >
          {FIELD_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`designer.forms.kinds.${k}`)}
            </option>
          ))}
        </select>
        {needsLabel && (
          <input
            id={`${prefix}-field-label`}
            aria-label={t('designer.forms.label')}
            placeholder={t('designer.forms.labelHint')}
            value={label}
            onChange={(e) => setLabel(e.target.value)}
            onKeyDown={(e) => e.key === 'Enter' && label.trim() !== '' && add()}
          />
        )}
        {kind === 'pilihan' && (
          <input
            id={`${prefix}-field-options`}
            aria-label={t('designer.forms.options')}
            placeholder={t('designer.forms.optionsHint')}
            value={options}
            onChange={(e) => setOptions(e.target.value)}
          />
        )}
        <button
          type="button"
          className="secondary"
          data-testid={`${prefix}-add-field`}
          disabled={needsLabel && label.trim() === ''}
          onClick={add}
        >
          + {t('designer.forms.addField')}
        </button>
      </div>
      <small className="muted">{t(`designer.forms.kindHelp.${kind}`)}</small>
      <div>
        <button
          type="button"
          className="secondary small"
          aria-pressed={preview}
          onClick={() => setPreview(!preview)}
          data-testid={`${prefix}-preview-toggle`}
        >
          {preview ? t('designer.forms.hidePreview') : t('designer.forms.preview')}
        </button>
      </div>
      {preview && (
        <div className="preview-frame rjsf" data-testid={`${prefix}-preview`}>
          {resolved ? (
            <>
              {resolved.title && <h3>{resolved.title}</h3>}
              <StepForm
                id={`${prefix}-preview-form`}
                form={resolved}
                formData={sample}
                language={i18n.language === 'en' ? 'en' : 'id'}
                onChange={setSample}
              />
            </>
          ) : (
            <p className="muted">{t('designer.preview.noForm')}</p>
          )}
        </div>
      )}
    </div>
  );
}

function withoutShowIf(field: FormField): FormField {
  const { showIf: _showIf, ...rest } = field;
  return rest;
}

function ShowIfCell({
  field,
  fields,
  onChange,
}: {
  field: FormField;
  fields: FormField[];
  onChange: (showIf: FormField['showIf'] | undefined) => void;
}) {
  const { t } = useTranslation();
  // Only yes/no and choice fields without a condition of their own can steer another field.
  const steering = fields.filter(
    (f) => f.name !== field.name && !f.showIf && (f.kind === 'yaTidak' || f.kind === 'pilihan'),
  );
  const current = field.showIf;
  const by = steering.find((f) => f.name === current?.field);
  return (
    <div className="show-if">
      <select
        aria-label={t('designer.forms.showIfOf', { label: field.label })}
        value={current?.field ?? ''}
        onChange={(e) => {
          const f = steering.find((x) => x.name === e.target.value);
          onChange(f ? { field: f.name, value: f.kind === 'yaTidak' ? true : (f.options?.[0] ?? '') } : undefined);
        }}
      >
        <option value="">{t('designer.forms.always')}</option>
        {steering.map((f) => (
          <option key={f.name} value={f.name}>
            {t('designer.forms.when', { label: f.label })}
          </option>
        ))}
      </select>
      {by && current && (
        <select
          aria-label={t('designer.forms.showIfValue')}
          value={String(current.value)}
          onChange={(e) =>
            onChange({ field: by.name, value: by.kind === 'yaTidak' ? e.target.value === 'true' : e.target.value })
          }
        >
          {by.kind === 'yaTidak' ? (
            <>
              <option value="true">{t('designer.forms.isYes')}</option>
              <option value="false">{t('designer.forms.isNo')}</option>
            </>
          ) : (
            (by.options ?? []).map((o) => (
              <option key={o} value={o}>
                = {o}
              </option>
            ))
          )}
        </select>
      )}
    </div>
  );
}
