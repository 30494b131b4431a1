import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { InboxItem } from '../../../engine/app/caseQueries.ts';

/** Steps an outside party carries out (months in a Panti), listed apart from desk work: the officer records them when done. */
export function WaitingForOutside({ items }: { items: InboxItem[] }) {
  const { t } = useTranslation();
  if (items.length === 0) return null;
  return (
    <section className="card" data-testid="waiting-outside">
      <h2 style={{ marginTop: 0 }}>{t('caseData.waitingTitle')}</h2>
      <ul>
        {items.map((item) => (
          <li key={item.taskId}>
            <strong>{item.waitingFor}</strong>: {item.activity} · {item.applicantName ?? '–'} ·{' '}
            <code>{item.trackingCode}</code>{' '}
            <Link to={`/kasus/${item.caseId}/tugas/${item.taskId}`}>{t('caseData.recordResult')}</Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
