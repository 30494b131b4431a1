import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { auditContracts } from '../../../engine/contracts/auditContracts.ts';
import type { ReplyOf } from '../../../engine/contracts/contract.ts';
import { delegationContracts } from '../../../engine/contracts/delegationContracts.ts';
import { call } from '../../../ui-shared/api/call.ts';
import { useCall } from '../../../ui-shared/api/useCall.ts';
import { ErrorAlert } from '../../../ui-shared/components/ErrorAlert.tsx';
import { formatDateTime } from '../components/format.ts';

type Page = ReplyOf<typeof auditContracts.caseAccess>;

/** The next page of one case's or one officer's access report, older than `before`. */
function olderEntries(caseId: string | null, userId: string | null, before: number): Promise<Page> {
  const query = { before: String(before) };
  return caseId
    ? call(auditContracts.caseAccess, { params: { caseId }, query })
    : call(auditContracts.userAccess, { params: { userId: userId ?? '' }, query });
}

/** For auditors and the Kepala Dinas: who saw, printed or exported a case, or what one officer accessed. */
export function AccessLogPage() {
  const { t, i18n } = useTranslation();
  const [search, setSearch] = useSearchParams();
  const caseId = search.get('kasus');
  const userId = search.get('pegawai');
  const users = useCall(delegationContracts.users, {});
  const ofCase = useCall(auditContracts.caseAccess, caseId ? { params: { caseId } } : null);
  const ofUser = useCall(auditContracts.userAccess, !caseId && userId ? { params: { userId } } : null);
  const chosen = Boolean(caseId || userId);
  const { data, error, loading } = caseId ? ofCase : ofUser;
  const [more, setMore] = useState<Page | null>(null);
  const entries = [...(data?.entries ?? []), ...(more?.entries ?? [])];
  const next = more ? more.next : (data?.next ?? null);
  return (
    <>
      <h1>{t('accessLog.title')}</h1>
      <p className="muted">{t('accessLog.intro')}</p>
      <div className="card row" role="search">
        <div>
          <label htmlFor="log-user">{t('accessLog.byUser')}</label>
          <br />
          <select
            id="log-user"
            value={userId ?? ''}
            onChange={(e) => {
              setMore(null);
              setSearch(e.target.value ? { pegawai: e.target.value } : {});
            }}
          >
            <option value="">{t('assign.pick')}</option>
            {users.data?.users.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </select>
        </div>
        {caseId && (
          <p style={{ margin: 0 }}>
            {t('accessLog.ofCase')}{' '}
            <Link to={`/kasus/${caseId}`}>{entries[0]?.trackingCode ?? t('accessLog.thisCase')}</Link>
          </p>
        )}
      </div>
      <ErrorAlert error={error} />
      {!chosen ? (
        <p className="card">{t('accessLog.choose')}</p>
      ) : loading && !data ? (
        <p className="loading">{t('app.loading')}</p>
      ) : entries.length === 0 ? (
        <p className="card">{t('accessLog.empty')}</p>
      ) : (
        <table className="list responsive" data-testid="access-log">
          <thead>
            <tr>
              <th>{t('accessLog.when')}</th>
              <th>{t('accessLog.who')}</th>
              <th>{t('accessLog.what')}</th>
              <th>{t('register.code')}</th>
              <th>{t('accessLog.why')}</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => (
              <tr key={e.id}>
                <td data-label={t('accessLog.when')}>{formatDateTime(e.at, i18n.language)}</td>
                <td data-label={t('accessLog.who')}>{e.userName}</td>
                <td data-label={t('accessLog.what')}>
                  {t(`accessLog.actions.${e.action}`, { defaultValue: t('accessLog.actions.other') })}
                </td>
                <td data-label={t('register.code')}>
                  {e.caseId ? <Link to={`/kasus/${e.caseId}`}>{e.trackingCode ?? '–'}</Link> : '–'}
                </td>
                <td data-label={t('accessLog.why')}>{e.reason ?? '–'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {next !== null && chosen && (
        <p>
          <button
            type="button"
            className="secondary"
            onClick={() =>
              void olderEntries(caseId, userId, next).then((p) =>
                setMore({ entries: [...(more?.entries ?? []), ...p.entries], next: p.next }),
              )
            }
          >
            {t('inbox.more')}
          </button>
        </p>
      )}
    </>
  );
}
