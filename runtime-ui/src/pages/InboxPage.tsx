import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { InboxItem } from '../../../engine/app/caseQueries.ts';
import { catalogueContracts } from '../../../engine/contracts/catalogueContracts.ts';
import { taskContracts } from '../../../engine/contracts/taskContracts.ts';
import { WaitingForOutside } from '../components/WaitingForOutside.tsx';
import { call } from '../../../ui-shared/api/call.ts';
import { ErrorAlert } from '../../../ui-shared/components/ErrorAlert.tsx';
import { formatDateTime, formatWorkingMinutes } from '../components/format.ts';
import { useCall } from '../../../ui-shared/api/useCall.ts';
import { InboxBulkBar } from '../components/InboxBulkBar.tsx';
import { ThreadBadge } from '../components/ThreadBadge.tsx';
import { DateInput } from '../../../ui-shared/components/DateInput.tsx';

function DueBadge({ minutes, late }: { minutes: number | null; late: boolean }) {
  const { t } = useTranslation();
  if (minutes === null) return null;
  const span = formatWorkingMinutes(minutes, t);
  if (minutes < 0 || late) return <span className="badge bad">{t('inbox.late', { time: span })}</span>;
  return <span className={minutes < 120 ? 'badge warn' : 'badge ok'}>{t('inbox.left', { time: span })}</span>;
}

/** The step's own deadline and the case's overall one (Jangka Waktu); "Tanpa batas" only when neither exists. */
function DueCell({ item }: { item: InboxItem }) {
  const { t, i18n } = useTranslation();
  if (item.dueAt === null && item.caseDueAt === null) return <span className="badge">{t('inbox.noDue')}</span>;
  const caseLate = item.caseDueAt !== null && new Date(item.caseDueAt) < new Date();
  return (
    <>
      {item.dueAt !== null && (
        <div data-testid="step-due">
          <span className="muted">{t('inbox.stepDue')}: </span>
          <DueBadge minutes={item.workingMinutesLeft} late={item.overdue} />
          <div className="muted">{formatDateTime(item.dueAt, i18n.language)}</div>
        </div>
      )}
      {item.caseDueAt !== null && (
        <div data-testid="case-due">
          <span className="muted">{t('inbox.caseDue')}: </span>
          <DueBadge minutes={item.caseWorkingMinutesLeft} late={caseLate} />
          <div className="muted">{formatDateTime(item.caseDueAt, i18n.language)}</div>
        </div>
      )}
      {item.provisional && (
        <span className="badge warn" title={t('inbox.provisionalHint')}>
          {t('inbox.provisional')}
        </span>
      )}
    </>
  );
}

/** My tasks, most urgent first, with filters and keyset paging. */
export function InboxPage() {
  const { t } = useTranslation();
  const [sopId, setSopId] = useState('');
  const [status, setStatus] = useState<'all' | 'overdue' | 'assigned'>('all');
  const [dueBy, setDueBy] = useState('');
  const [qInput, setQInput] = useState('');
  const [q, setQ] = useState('');
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [extra, setExtra] = useState<InboxItem[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const query = {
    limit: '50',
    sopId: sopId || undefined,
    overdue: status === 'overdue' ? 'true' : undefined,
    assigned: status === 'assigned' ? 'true' : undefined,
    dueBy: dueBy || undefined,
    q: q || undefined,
  };
  const { data, error, loading, reload } = useCall(taskContracts.inbox, { query });
  const catalogue = useCall(catalogueContracts.catalogue, { query: { scope: 'all' } });
  const services = catalogue.data?.units.flatMap((u) => u.services) ?? [];
  const items = [...(data?.items ?? []), ...extra];
  const next = extra.length > 0 ? cursor : (data?.next ?? null);
  const loadMore = async () => {
    if (!next) return;
    const page = await call(taskContracts.inbox, { query: { ...query, after: next } });
    setExtra([...extra, ...page.items]);
    setCursor(page.next);
  };
  return (
    <>
      <h1>{t('inbox.title')}</h1>
      <form
        className="card row no-print search-field"
        role="search"
        aria-label={t('inbox.search')}
        onSubmit={(e) => {
          e.preventDefault();
          setExtra([]);
          setQ(qInput.trim());
        }}
      >
        <div>
          <label htmlFor="inbox-q">{t('inbox.search')}</label>
          <br />
          <input
            id="inbox-q"
            type="search"
            value={qInput}
            onChange={(e) => setQInput(e.target.value)}
            aria-describedby="inbox-q-hint"
          />
          <div id="inbox-q-hint" className="muted" style={{ fontSize: '.8rem' }}>
            {t('inbox.searchHint')}
          </div>
        </div>
        <button type="submit">{t('register.find')}</button>
      </form>
      <div className="card row no-print" role="group" aria-label={t('inbox.filters')}>
        <div>
          <label htmlFor="filter-sop">{t('inbox.sop')}</label>
          <br />
          <select
            id="filter-sop"
            value={sopId}
            onChange={(e) => {
              setSopId(e.target.value);
              setExtra([]);
            }}
          >
            <option value="">{t('inbox.allSops')}</option>
            {services.map((s) => (
              <option key={s.sopId} value={s.sopId}>
                {s.name}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="filter-status">{t('inbox.status')}</label>
          <br />
          <select
            id="filter-status"
            value={status}
            onChange={(e) => {
              setStatus(e.target.value as typeof status);
              setExtra([]);
            }}
          >
            <option value="all">{t('inbox.statusAll')}</option>
            <option value="overdue">{t('inbox.overdueOnly')}</option>
            <option value="assigned">{t('inbox.assignedOnly')}</option>
          </select>
        </div>
        <div>
          <label htmlFor="filter-due">{t('inbox.dueBy')}</label>
          <br />
          <DateInput
            id="filter-due"
            value={dueBy}
            onChange={(iso) => {
              setDueBy(iso);
              setExtra([]);
            }}
          />
        </div>
      </div>
      <ErrorAlert error={error} />
      <InboxBulkBar
        items={items.filter((i) => selected.has(i.taskId))}
        onDone={() => {
          setSelected(new Set());
          setExtra([]);
          void reload();
        }}
      />
      {loading && !data ? (
        <p className="muted">{t('app.loading')}</p>
      ) : items.length === 0 ? (
        <p className="card">{t('inbox.empty')}</p>
      ) : (
        <div className="scroll-x">
          <table className="list responsive" data-testid="inbox">
            <thead>
              <tr>
                <th>
                  <input
                    type="checkbox"
                    aria-label={t('inbox.selectAll')}
                    checked={items.length > 0 && items.every((i) => selected.has(i.taskId))}
                    onChange={(e) => setSelected(new Set(e.target.checked ? items.map((i) => i.taskId) : []))}
                  />
                </th>
                <th>{t('inbox.due')}</th>
                <th>{t('inbox.sop')}</th>
                <th>{t('inbox.step')}</th>
                <th>{t('inbox.applicant')}</th>
                <th>{t('inbox.case')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {items
                .filter((item) => item.waitingFor === null)
                .map((item) => (
                  <tr key={item.taskId} className={item.overdue ? 'overdue' : undefined}>
                    <td>
                      <input
                        type="checkbox"
                        aria-label={t('inbox.select', { code: item.trackingCode })}
                        data-testid={`select-${item.taskId}`}
                        checked={selected.has(item.taskId)}
                        onChange={(e) => {
                          const next = new Set(selected);
                          if (e.target.checked) next.add(item.taskId);
                          else next.delete(item.taskId);
                          setSelected(next);
                        }}
                      />
                    </td>
                    <td data-label={t('inbox.due')}>
                      <DueCell item={item} />{' '}
                      {item.escalated && <span className="badge bad">{t('inbox.escalated')}</span>}
                    </td>
                    <td data-label={t('inbox.sop')}>{item.sopName}</td>
                    <td data-label={t('inbox.step')}>
                      {item.activity} <ThreadBadge thread={item} />{' '}
                      {item.returnedReason !== null && (
                        <span className="badge warn" title={item.returnedReason} data-testid="returned-mark">
                          {t('caseData.returnedMark')}
                        </span>
                      )}
                    </td>
                    <td data-label={t('inbox.applicant')}>{item.applicantName ?? '–'}</td>
                    <td data-label={t('inbox.case')}>
                      <code>{item.trackingCode}</code>
                    </td>
                    <td>
                      <Link className="button" to={`/kasus/${item.caseId}/tugas/${item.taskId}`}>
                        {t('inbox.open')}
                      </Link>
                    </td>
                  </tr>
                ))}
            </tbody>
          </table>
        </div>
      )}
      <WaitingForOutside items={items.filter((item) => item.waitingFor !== null)} />
      {next && (
        <p>
          <button type="button" className="secondary" onClick={() => void loadMore()}>
            {t('inbox.more')}
          </button>
        </p>
      )}
    </>
  );
}
