import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { caseContracts } from '../../../engine/contracts/caseContracts.ts';
import { definitionContracts } from '../../../engine/contracts/definitionContracts.ts';
import { call } from '../../../ui-shared/api/call.ts';
import { useIdempotencyKey } from '../../../ui-shared/api/idempotencyKey.ts';
import { StepForm } from '../../../ui-shared/components/StepForm.tsx';
import { ErrorAlert } from '../../../ui-shared/components/ErrorAlert.tsx';
import { useCall } from '../../../ui-shared/api/useCall.ts';

/** Opens a case: the SOP's case-data form, then the receipt. */
export function StartCasePage() {
  const { t, i18n } = useTranslation();
  const { sopId = '' } = useParams();
  const navigate = useNavigate();
  const { data, error } = useCall(definitionContracts.latest, { params: { sopId } });
  const [formData, setFormData] = useState<Record<string, unknown>>({});
  const [submitError, setSubmitError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const action = useIdempotencyKey();
  const open = async (values: Record<string, unknown>) => {
    setBusy(true);
    try {
      const body = { sopId, data: values };
      // Submitting the same form again (after a timeout or an error) is the same action: at most one case.
      const created = await call(caseContracts.open, { body }, { idempotencyKey: action.keyFor(body) });
      action.done();
      void navigate(`/kasus/${created.id}/tanda-terima`);
    } catch (e) {
      setSubmitError(e);
    } finally {
      setBusy(false);
    }
  };
  if (!data) return <ErrorAlert error={error} />;
  return (
    <>
      <h1>{t('start.title', { name: data.definition.name })}</h1>
      <ErrorAlert error={submitError} />
      <div className="card rjsf">
        <StepForm
          id="case-form"
          form={data.definition.caseData}
          formData={formData}
          language={i18n.language === 'en' ? 'en' : 'id'}
          onChange={setFormData}
          onSubmit={(v) => void open(v)}
        />
        <button type="submit" form="case-form" disabled={busy}>
          {t('start.submit')}
        </button>
      </div>
    </>
  );
}
