import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { caseContracts } from '../../../engine/contracts/caseContracts.ts';
import { definitionContracts } from '../../../engine/contracts/definitionContracts.ts';
import { monitoringContracts } from '../../../engine/contracts/monitoringContracts.ts';
import { fileHref } from '../../../ui-shared/api/fileHref.ts';
import { ErrorAlert } from '../../../ui-shared/components/ErrorAlert.tsx';
import { formatDateTime } from '../components/format.ts';
import { useCall } from '../../../ui-shared/api/useCall.ts';
import { DateInput } from '../../../ui-shared/components/DateInput.tsx';

const STATUSES = ['open', 'waiting', 'completed', 'rejected', 'referred', 'cancelled'];

/** The case register: search by tracking code, NIK, name, SOP, status and dates; export as CSV. */
export function RegisterPage() {
  const { t, i18n } = useTranslation();
  const [form, setForm] = useState({ q: '', sopId: '', status: '', from: '', to: '' });
  const definitions = useCall(definitionContracts.list, {});
  const services = (definitions.data?.definitions ?? []).filter((d) => d.status === 'published');
  const [page, setPage] = useState(1);
  // The filters of the last search: empty ones are left out of the URL.
  const [query, setQuery] = useState<Record<string, string>>({});
  const { data, error, loading } = useCall(caseContracts.search, {
    query: { page: String(page), pageSize: '25', ...query },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setPage(1);
    setQuery(Object.fromEntries(Object.entries(form).filter(([, v]) => v)));
  };
  const exportHref = fileHref(monitoringContracts.export, {
    params: { report: 'register', format: 'csv' },
    query: { reason: 'ekspor register dari UI', ...query },
  });
  return (
    <>
      <h1>{t('register.title')}</h1>
      <form className="card row" role="search" onSubmit={submit}>
        <div>
          <label htmlFor="q">{t('register.search')}</label>
          <br />
          <input id="q" value={form.q} onChange={(e) => setForm({ ...form, q: e.target.value })} />
        </div>
        <div>
          <label htmlFor="register-sop">{t('register.service')}</label>
          <br />
          <select id="register-sop" value={form.sopId} onChange={(e) => setForm({ ...form, sopId: e.target.value })}>
            <option value="">{t('register.any')}</option>
            {services.map((d) => (
              <option key={d.sopId} value={d.sopId}>
                {d.name}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="status">{t('register.status')}</label>
          <br />
          <select id="status" value={form.status} onChange={(e) => setForm({ ...form, status: e.target.value })}>
            <option value="">{t('register.any')}</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`status.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="from">{t('register.from')}</label>
          <br />
          <DateInput id="from" value={form.from} onChange={(from) => setForm({ ...form, from })} />
        </div>
        <div>
          <label htmlFor="to">{t('register.to')}</label>
          <br />
          <DateInput id="to" value={form.to} onChange={(to) => setForm({ ...form, to })} />
        </div>
        <button type="submit">{t('register.find')}</button>
        <a className="button secondary" href={exportHref}>
          {t('register.export')}
        </a>
      </form>
      <ErrorAlert error={error} />
      {loading && !data && (
        <p className="loading" role="status">
          {t('app.loading')}
        </p>
      )}
      {data &&
        (data.items.length === 0 ? (
          <p className="card">{t('register.empty')}</p>
        ) : (
          <div className="scroll-x">
            <table className="list responsive" data-testid="register">
              <thead>
                <tr>
                  <th>{t('register.code')}</th>
                  <th>{t('register.service')}</th>
                  <th>{t('register.applicant')}</th>
                  <th>{t('register.nik')}</th>
                  <th>{t('register.status')}</th>
                  <th>{t('register.opened')}</th>
                </tr>
              </thead>
              <tbody>
                {data.items.map((r) => (
                  <tr key={r.id}>
                    <td data-label={t('register.code')}>
                      <Link to={`/kasus/${r.id}`}>{r.trackingCode}</Link>
                    </td>
                    <td data-label={t('register.service')}>{r.sopName}</td>
                    <td data-label={t('register.applicant')}>{r.applicantName ?? '–'}</td>
                    <td data-label={t('register.nik')}>{r.applicantNik ?? '–'}</td>
                    <td data-label={t('register.status')}>
                      <span className="badge">{t(`status.${r.status}`)}</span>
                    </td>
                    <td data-label={t('register.opened')}>{formatDateTime(r.openedAt, i18n.language)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ))}
      <p className="row">
        <button type="button" className="secondary" disabled={page <= 1} onClick={() => setPage(page - 1)}>
          {t('register.prev')}
        </button>
        <span>{t('register.page', { page })}</span>
        <button
          type="button"
          className="secondary"
          disabled={(data?.items.length ?? 0) < 25}
          onClick={() => setPage(page + 1)}
        >
          {t('register.next')}
        </button>
      </p>
    </>
  );
}
