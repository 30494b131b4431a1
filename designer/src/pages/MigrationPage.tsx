import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { designerMigrationContracts } from '../../../engine/contracts/designerContracts.ts';
import { call } from '../../../ui-shared/api/call.ts';
import { ErrorAlert } from '../../../ui-shared/components/ErrorAlert.tsx';
import { formatDateTime } from '../../../ui-shared/format/dateTime.ts';
import { useCall } from '../../../ui-shared/api/useCall.ts';

/** Dry run of moving running cases to the newest version, then an explicit confirmation per case or in bulk. */
export function MigrationPage() {
  const { t, i18n } = useTranslation();
  const { sopId = '' } = useParams();
  const plan = useCall(designerMigrationContracts.plan, { params: { sopId } });
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [error, setError] = useState<unknown>();
  const [done, setDone] = useState('');
  if (!plan.data) return <ErrorAlert error={plan.error} />;
  const movable = plan.data.cases.filter((c) => c.blocker === null);
  const toggle = (id: string) => {
    const next = new Set(selected);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setSelected(next);
  };
  const confirm = async () => {
    setError(undefined);
    try {
      const result = await call(designerMigrationContracts.confirm, {
        params: { sopId },
        body: { toVersion: plan.data!.toVersion, caseIds: [...selected] },
      });
      setDone(t('designer.migration.moved', { count: result.moved.length, version: plan.data!.toVersion }));
      setSelected(new Set());
      await plan.reload();
    } catch (e) {
      setError(e);
    }
  };
  return (
    <>
      <p className="muted">
        <Link to={`/sop/${sopId}`}>← {sopId}</Link>
      </p>
      <h1>{t('designer.migration.title', { version: plan.data.toVersion })}</h1>
      <p>{t('designer.migration.intro')}</p>
      <ErrorAlert error={error} />
      {done && (
        <div className="alert ok" role="status">
          {done}
        </div>
      )}
      {plan.data.cases.length === 0 ? (
        <p className="muted" data-testid="no-cases">
          {t('designer.migration.none')}
        </p>
      ) : (
        <>
          <div className="row" style={{ marginBottom: '.5rem' }}>
            <button
              type="button"
              className="secondary"
              onClick={() => setSelected(new Set(movable.map((c) => c.caseId)))}
            >
              {t('designer.migration.selectAll')}
            </button>
            <button type="button" disabled={selected.size === 0} onClick={() => void confirm()}>
              {t('designer.migration.confirm', { count: selected.size })}
            </button>
          </div>
          <table className="list" data-testid="migration-plan">
            <thead>
              <tr>
                <th>{t('designer.migration.move')}</th>
                <th>{t('designer.migration.case')}</th>
                <th>{t('designer.migration.from')}</th>
                <th>{t('designer.migration.landsOn')}</th>
                <th>{t('designer.migration.missing')}</th>
              </tr>
            </thead>
            <tbody>
              {plan.data.cases.map((c) => (
                <tr key={c.caseId}>
                  <td>
                    <input
                      type="checkbox"
                      aria-label={t('designer.migration.moveCase', { code: c.trackingCode })}
                      disabled={c.blocker !== null}
                      checked={selected.has(c.caseId)}
                      onChange={() => toggle(c.caseId)}
                    />
                  </td>
                  <td>
                    {c.trackingCode}
                    <div className="muted">{formatDateTime(c.openedAt, i18n.language)}</div>
                  </td>
                  <td>v{c.fromVersion}</td>
                  <td>{c.landsOn ? c.landsOn.activity : <span className="badge bad">{c.blocker}</span>}</td>
                  <td>{c.missingData.length === 0 ? '—' : c.missingData.map((m) => m.title).join(', ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </>
  );
}
