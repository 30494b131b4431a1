import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { complaintContracts } from '../../../engine/contracts/monitoringContracts.ts';
import { call } from '../../../ui-shared/api/call.ts';
import { useCall } from '../../../ui-shared/api/useCall.ts';
import { ErrorAlert } from '../../../ui-shared/components/ErrorAlert.tsx';

/**
 * The Survei Kepuasan Masyarakat (PermenPANRB 14/2017: nine elements, answers 1–4) for a finished
 * service, offered on the public status page. The questions come from the server in the regulation's
 * Indonesian wording; one answer per case.
 */
export function SatisfactionSurvey({ trackingCode }: { trackingCode: string }) {
  const { t } = useTranslation();
  const { data, error } = useCall(complaintContracts.surveyForm, { params: { trackingCode } });
  const [scores, setScores] = useState<Record<string, number>>({});
  const [comment, setComment] = useState('');
  const [sent, setSent] = useState(false);
  const [submitError, setSubmitError] = useState<unknown>();
  if (error) return <ErrorAlert error={error} />;
  if (!data) return null;
  if (data.alreadySubmitted || sent)
    return (
      <p className="alert ok" role="status" data-testid="survey-thanks">
        {t('survey.thanks')}
      </p>
    );
  const complete = data.questions.every((q) => scores[q.element] !== undefined);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    try {
      await call(complaintContracts.submitSurvey, {
        params: { trackingCode },
        body: { scores, ...(comment.trim() ? { comment: comment.trim() } : {}) },
      });
      setSent(true);
    } catch (err) {
      setSubmitError(err);
    }
  };
  return (
    <form className="card survey" data-testid="survey" onSubmit={(e) => void submit(e)}>
      <h2>{t('survey.title')}</h2>
      <p className="muted">{t('survey.intro', { service: data.serviceName, office: data.officeName })}</p>
      <ErrorAlert error={submitError} />
      {data.questions.map((q) => (
        <fieldset key={q.element} className="survey-question">
          <legend>
            {q.code}. {q.question}
          </legend>
          <div className="survey-options">
            {q.options.map((label, i) => (
              <label key={label}>
                <input
                  type="radio"
                  name={q.element}
                  value={i + 1}
                  checked={scores[q.element] === i + 1}
                  onChange={() => setScores((s) => ({ ...s, [q.element]: i + 1 }))}
                  required
                />{' '}
                {label}
              </label>
            ))}
          </div>
        </fieldset>
      ))}
      <label htmlFor="survey-comment">{t('survey.comment')}</label>
      <textarea
        id="survey-comment"
        value={comment}
        maxLength={2000}
        onChange={(e) => setComment(e.target.value)}
        rows={3}
        style={{ width: '100%' }}
      />
      <button type="submit" disabled={!complete}>
        {t('survey.submit')}
      </button>
    </form>
  );
}
