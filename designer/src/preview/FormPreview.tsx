import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SopDefinition } from '../../../engine/definition/sopTypes.ts';
import { StepForm } from '../../../ui-shared/components/StepForm.tsx';

const CASE_FORM = '__caseData';

/**
 * The forms staff will see, rendered by the same StepForm as the runtime UI: the form that opens a case,
 * and each step's checklist, form and decision.
 */
export function FormPreview({ definition }: { definition: SopDefinition }) {
  const { t, i18n } = useTranslation();
  const [selected, setSelected] = useState(CASE_FORM);
  const [data, setData] = useState<Record<string, unknown>>({});
  const step = definition.steps.find((s) => s.id === selected);
  const form = selected === CASE_FORM ? definition.caseData : step?.form;
  const language = i18n.language === 'en' ? 'en' : 'id';
  return (
    <div data-testid="form-preview">
      <label htmlFor="form-step">{t('designer.preview.formOf')}</label>
      <select
        id="form-step"
        value={selected}
        onChange={(e) => {
          setSelected(e.target.value);
          setData({});
        }}
        style={{ width: '100%' }}
      >
        <option value={CASE_FORM}>{t('designer.preview.caseForm')}</option>
        {definition.steps.map((s, i) => (
          <option key={s.id} value={s.id}>
            {i + 1}. {s.activity}
          </option>
        ))}
      </select>
      <div className="preview-frame">
        <h2>{selected === CASE_FORM ? t('start.title', { name: definition.name }) : step?.activity}</h2>
        {step && step.requirements.length > 0 && (
          <section className="card">
            <h3>{t('task.requirements')}</h3>
            <ul className="checklist">
              {step.requirements.map((r) => (
                <li key={r.doc}>
                  <label style={{ display: 'flex', gap: '.5rem', fontWeight: 400 }}>
                    <input type="checkbox" /> {r.label}{' '}
                    <span className={r.required ? 'badge warn' : 'badge'}>
                      {r.required ? t('task.required') : t('task.optional')}
                    </span>
                  </label>
                </li>
              ))}
            </ul>
          </section>
        )}
        <section className="card rjsf">
          {form ? (
            <>
              {form.title && <h3>{form.title}</h3>}
              <StepForm id="preview-form" form={form} formData={data} language={language} onChange={setData} />
            </>
          ) : (
            <p className="muted">{t('designer.preview.noForm')}</p>
          )}
          {step?.decision && (
            <fieldset>
              <legend>
                {t('task.decision')}
                {step.decision.question ? `: ${step.decision.question}` : ''}
              </legend>
              {step.decision.mode === 'human' ? (
                <div className="row" role="radiogroup">
                  {step.decision.branches.map((b) => (
                    <label key={b.label} style={{ fontWeight: 400 }}>
                      <input type="radio" name="preview-choice" /> {b.label}
                    </label>
                  ))}
                </div>
              ) : (
                <p className="muted">{t('task.decisionRule')}</p>
              )}
            </fieldset>
          )}
          <button type="submit" form="preview-form" disabled={!form}>
            {selected === CASE_FORM ? t('start.submit') : t('task.complete')}
          </button>
        </section>
      </div>
    </div>
  );
}
