import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { caseContracts } from '../../../engine/contracts/caseContracts.ts';
import { useCall } from '../../../ui-shared/api/useCall.ts';

type Duplicates = Array<{ caseId: string; trackingCode: string }>;

/** The warning that the same NIK already has an open application for this service (never printed). */
export function DuplicateWarning({ duplicates }: { duplicates: Duplicates }) {
  const { t } = useTranslation();
  if (duplicates.length === 0) return null;
  return (
    <div className="alert warn no-print" role="alert" data-testid="duplicate-warning">
      {t('caseData.duplicate')}{' '}
      {duplicates.map((d, i) => (
        <span key={d.caseId}>
          {i > 0 && ', '}
          <Link to={`/kasus/${d.caseId}`}>{d.trackingCode}</Link>
        </span>
      ))}
    </div>
  );
}

/** The same warning on the receipt, right after the officer opened the case. */
export function DuplicateNotice({ caseId }: { caseId: string }) {
  const { data } = useCall(caseContracts.sections, { params: { caseId } });
  return data ? <DuplicateWarning duplicates={data.duplicates} /> : null;
}
