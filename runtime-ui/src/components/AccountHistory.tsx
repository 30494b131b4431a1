import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { accountContracts } from '../../../engine/contracts/accountContracts.ts';
import { useCall } from '../../../ui-shared/api/useCall.ts';
import { ErrorAlert } from '../../../ui-shared/components/ErrorAlert.tsx';
import { formatDateTime } from '../../../ui-shared/format/dateTime.ts';
import { useSession } from '../../../ui-shared/session/SessionContext.tsx';

// Field names of the `updated` record, shown with the labels of the form.
const FIELD_LABELS: Record<string, string> = {
  name: 'accounts.name',
  roles: 'accounts.roles',
  nip: 'accounts.nip',
  position: 'accounts.position',
  unit: 'accounts.unit',
  email: 'accounts.email',
  phone: 'accounts.phone',
  areas: 'accounts.areas',
};

/** The audit trail of one account: who changed what and when (newest first). */
export function AccountHistory({ username, version }: { username: string; version: number }) {
  const { t, i18n } = useTranslation();
  const { session } = useSession();
  const history = useCall(accountContracts.events, { params: { username } });
  const { reload } = history;
  // `version` counts the editor's saves: each save adds a line to the history.
  useEffect(() => {
    if (version > 0) void reload();
  }, [version, reload]);
  return (
    <section aria-labelledby="account-history-title">
      <h3 id="account-history-title">{t('accounts.history')}</h3>
      <ErrorAlert error={history.error} />
      {history.data?.events.length === 0 && (
        <p className="muted" data-testid="account-history-empty">
          {t('accounts.noHistory')}
        </p>
      )}
      <ol className="timeline" data-testid="account-history">
        {history.data?.events.map((e, i) => (
          <li key={i}>
            <small className="muted">{formatDateTime(e.at, i18n.language, session?.regency.timeZone)}</small>
            <br />
            <strong>{t(`accounts.event.${e.action}`, { defaultValue: e.action })}</strong> — {e.by}
            {e.detail?.changed && e.detail.changed.length > 0 && (
              <>
                <br />
                <small>
                  {t('accounts.changedFields', {
                    fields: e.detail.changed.map((f) => t(FIELD_LABELS[f] ?? f)).join(', '),
                  })}
                </small>
              </>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
