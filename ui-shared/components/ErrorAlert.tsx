import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/apiClient.ts';

/** Shows an API error with its field details, in a live region so screen readers announce it. */
export function ErrorAlert({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!error) return null;
  const message = error instanceof Error ? error.message : t('errors.generic');
  const details = error instanceof ApiError ? error.details : [];
  const correlationId = error instanceof ApiError ? error.correlationId : undefined;
  return (
    <div className="alert error" role="alert">
      <strong>{message}</strong>
      {correlationId && <div className="muted">{t('errors.correlation', { id: correlationId })}</div>}
      {details.length > 0 && (
        <ul>
          {details.map((d) => (
            <li key={d.path + d.message}>{d.message}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
