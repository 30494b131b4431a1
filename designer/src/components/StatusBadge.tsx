import { useTranslation } from 'react-i18next';

/** The designer status of an SOP as a coloured badge. */
export function StatusBadge({ status }: { status: 'draft' | 'submitted' | 'published' }) {
  const { t } = useTranslation();
  const tone = status === 'published' ? 'badge ok' : status === 'submitted' ? 'badge warn' : 'badge';
  return (
    <span className={tone} data-testid="status">
      {t(`designer.status.${status}`)}
    </span>
  );
}
