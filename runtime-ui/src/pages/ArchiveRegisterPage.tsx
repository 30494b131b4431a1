import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { archiveContracts } from '../../../engine/contracts/archiveContracts.ts';
import { call } from '../../../ui-shared/api/call.ts';
import { useCall } from '../../../ui-shared/api/useCall.ts';
import { ConfirmButton } from '../../../ui-shared/components/ConfirmDialog.tsx';
import { ErrorAlert } from '../../../ui-shared/components/ErrorAlert.tsx';
import { formatDate, formatDateTime } from '../components/format.ts';

const STATUSES = ['requested', 'approved', 'refused', 'handed_over', 'completed', 'returned'] as const;

type Step = 'approve' | 'refuse' | 'hand-over' | 'return';

/** The next steps of a request in its status: the server checks who may take them (Lampiran II.D.3). */
const NEXT: Record<string, Array<{ step: Step; note: 'none' | 'optional' | 'required' }>> = {
  requested: [
    { step: 'approve', note: 'optional' },
    { step: 'refuse', note: 'required' },
  ],
  approved: [{ step: 'hand-over', note: 'none' }],
  handed_over: [{ step: 'return', note: 'optional' }],
};

/** Takes one step of a request; a refusal always carries its reason. */
function takeStep(step: Step, requestId: string, note: string) {
  const params = { requestId };
  const body = note ? { note } : {};
  switch (step) {
    case 'approve':
      return call(archiveContracts.approve, { params, body });
    case 'refuse':
      return call(archiveContracts.refuse, { params, body: { note } });
    case 'hand-over':
      return call(archiveContracts.handOver, { params, body });
    case 'return':
      return call(archiveContracts.return, { params, body });
  }
}

/** The archive control register: loans, copies and sending of case files, with their approval and return. */
export function ArchiveRegisterPage() {
  const { t, i18n } = useTranslation();
  const [status, setStatus] = useState('');
  const [overdue, setOverdue] = useState(false);
  const { data, error, loading, reload } = useCall(archiveContracts.register, {
    query: { status: status || undefined, overdue: overdue ? 'true' : undefined },
  });
  return (
    <>
      <h1>{t('archiveRegister.title')}</h1>
      <div className="card row" role="search">
        <div>
          <label htmlFor="archive-status">{t('register.status')}</label>
          <br />
          <select id="archive-status" value={status} onChange={(e) => setStatus(e.target.value)}>
            <option value="">{t('register.any')}</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`archiveRegister.statuses.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <label style={{ display: 'flex', gap: '.35rem', alignItems: 'center' }}>
          <input type="checkbox" checked={overdue} onChange={(e) => setOverdue(e.target.checked)} />
          {t('archiveRegister.overdueOnly')}
        </label>
      </div>
      <ErrorAlert error={error} />
      {loading && !data ? (
        <p className="loading">{t('app.loading')}</p>
      ) : (data?.requests ?? []).length === 0 ? (
        <p className="card">{t('archiveRegister.empty')}</p>
      ) : (
        <table className="list responsive" data-testid="archive-register">
          <thead>
            <tr>
              <th>{t('register.code')}</th>
              <th>{t('archive.kind')}</th>
              <th>{t('archive.recipient')}</th>
              <th>{t('archiveRegister.reason')}</th>
              <th>{t('archiveRegister.requested')}</th>
              <th>{t('archive.dueBack')}</th>
              <th>{t('register.status')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {data!.requests.map((r) => (
              <tr key={r.id} className={r.overdue ? 'overdue' : undefined}>
                <td data-label={t('register.code')}>
                  <Link to={`/kasus/${r.caseId}`}>{r.trackingCode ?? '–'}</Link>
                </td>
                <td data-label={t('archive.kind')}>{t(`archive.kinds.${r.kind}`)}</td>
                <td data-label={t('archive.recipient')}>{r.recipient}</td>
                <td data-label={t('archiveRegister.reason')}>{r.reason}</td>
                <td data-label={t('archiveRegister.requested')}>
                  {r.requestedBy.name}, {formatDateTime(r.requestedAt, i18n.language)}
                </td>
                <td data-label={t('archive.dueBack')}>
                  {r.dueBackAt ? formatDate(r.dueBackAt, i18n.language) : '–'}{' '}
                  {r.overdue && <span className="badge bad">{t('archiveRegister.late')}</span>}
                </td>
                <td data-label={t('register.status')}>
                  <span className="badge">{t(`archiveRegister.statuses.${r.status}`)}</span>
                  {r.decisionNote && <div className="muted">{r.decisionNote}</div>}
                </td>
                <td>
                  <span className="case-actions">
                    {(NEXT[r.status] ?? []).map((n) => (
                      <ConfirmButton
                        key={n.step}
                        label={t(`archiveRegister.steps.${n.step}`)}
                        className={n.step === 'refuse' ? 'secondary' : undefined}
                        testId={`archive-${n.step}-${r.id}`}
                        title={t(`archiveRegister.steps.${n.step}Title`, { code: r.trackingCode ?? '' })}
                        confirmLabel={t(`archiveRegister.steps.${n.step}`)}
                        {...(n.note === 'required' ? { reasonLabel: t('caseActions.reason') } : {})}
                        onConfirm={async (note) => {
                          await takeStep(n.step, r.id, note);
                          await reload();
                        }}
                      >
                        <p>{t(`archiveRegister.steps.${n.step}Body`)}</p>
                      </ConfirmButton>
                    ))}
                  </span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
