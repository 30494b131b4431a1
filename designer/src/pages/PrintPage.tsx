import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { designerSopContracts } from '../../../engine/contracts/designerContracts.ts';
import { regencyContracts } from '../../../engine/contracts/regencyContracts.ts';
import { ErrorAlert } from '../../../ui-shared/components/ErrorAlert.tsx';
import { useCall } from '../../../ui-shared/api/useCall.ts';
import { useDefinitionCheck } from '../editor/useDefinitionCheck.ts';
import { PrintDocument } from '../print/PrintDocument.tsx';

/**
 * The official SOP document for printing or saving as PDF (the browser's print): the cover and the
 * flowchart cut into A4 landscape pages, nothing else. Prints the newest text of the SOP.
 */
export function PrintPage() {
  const { t } = useTranslation();
  const { sopId = '' } = useParams();
  const copy = useCall(designerSopContracts.workingCopy, { params: { sopId } });
  const regency = useCall(regencyContracts.current, {});
  const load = useDefinitionCheck(copy.data?.source, regency.data?.regency, `${sopId}.yaml`);
  if (copy.error || regency.error) return <ErrorAlert error={copy.error ?? regency.error} />;
  if (!copy.data || !regency.data || load.checkedText !== copy.data.source)
    return <p className="muted">{t('app.loading')}</p>;
  return (
    <div className="print-page">
      <div className="row no-print" style={{ marginBottom: '1rem' }}>
        <Link className="button secondary" to={`/sop/${sopId}`}>
          ← {t('designer.print.back')}
        </Link>
        <button type="button" onClick={() => window.print()} disabled={!load.definition}>
          {t('designer.print.print')}
        </button>
      </div>
      {load.definition ? (
        <PrintDocument definition={load.definition} regency={regency.data.regency} />
      ) : (
        <div className="alert error">{t('designer.editor.fixFirst')}</div>
      )}
    </div>
  );
}
