import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { calendarContracts } from '../../../engine/contracts/calendarContracts.ts';
import { call } from '../../../ui-shared/api/call.ts';
import { useCall } from '../../../ui-shared/api/useCall.ts';
import { ErrorAlert } from '../../../ui-shared/components/ErrorAlert.tsx';
import { formatDateTime } from '../components/format.ts';

type Scope = 'year' | 'amendment' | 'regional';
type Day = { date: string; name?: string; action?: 'add' | 'remove' };

/** Reads "2027-03-10 Hari Suci Nyepi" lines; a leading "-" removes a date. Returns the bad line number, if any. */
function parseDays(text: string): { days: Day[] } | { badLine: number } {
  const days: Day[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (line === '') continue;
    const match = /^(-\s*)?(\d{4}-\d{2}-\d{2})\s*(.*)$/.exec(line);
    if (!match) return { badLine: i + 1 };
    days.push(match[1] ? { date: match[2]!, action: 'remove' } : { date: match[2]!, name: match[3]!.trim() });
  }
  return { days };
}

/** Admin screen: which years are official, the audit trail of changes, and a form to add one. */
export function CalendarAdminPage() {
  const { t, i18n } = useTranslation();
  const { data, error, reload } = useCall(calendarContracts.admin, {});
  const [scope, setScope] = useState<Scope>('amendment');
  const [year, setYear] = useState(String(new Date().getFullYear() + 1));
  const [decree, setDecree] = useState('');
  const [daysText, setDaysText] = useState('');
  const [saveError, setSaveError] = useState<Error>();
  const [saved, setSaved] = useState<string>();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSaved(undefined);
    const parsed = parseDays(daysText);
    if ('badLine' in parsed) {
      setSaveError(new Error(t('calendar.badLine', { line: parsed.badLine })));
      return;
    }
    try {
      const result = await call(calendarContracts.change, {
        body: { scope, year: Number(year), decree, days: parsed.days },
      });
      setSaveError(undefined);
      setSaved(t('calendar.saved', { changes: result.changes, cases: result.recomputedCases }));
      setDaysText('');
      await reload();
    } catch (err) {
      setSaveError(err instanceof Error ? err : new Error(String(err)));
    }
  };

  return (
    <>
      <h1>{t('calendar.title')}</h1>
      <ErrorAlert error={error} />
      <section className="card">
        <h2 style={{ marginTop: 0 }}>{t('calendar.status')}</h2>
        <div className="scroll-x">
          <table className="list responsive" data-testid="calendar-status">
            <thead>
              <tr>
                <th>{t('calendar.year')}</th>
                <th>{t('case.status')}</th>
                <th>{t('calendar.decrees')}</th>
              </tr>
            </thead>
            <tbody>
              {(data?.status ?? []).map((y) => (
                <tr key={y.year}>
                  <td data-label={t('calendar.year')}>{y.year}</td>
                  <td data-label={t('case.status')}>
                    <span className={y.status === 'official' ? 'badge ok' : 'badge warn'}>
                      {t(`calendar.${y.status}`)}
                    </span>
                  </td>
                  <td data-label={t('calendar.decrees')}>{y.decrees.join('; ') || '–'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <section className="card">
        <h2 style={{ marginTop: 0 }}>{t('calendar.add')}</h2>
        <form onSubmit={(e) => void submit(e)} className="form-stack">
          <label>
            {t('calendar.scope')}
            <select value={scope} onChange={(e) => setScope(e.target.value as Scope)}>
              <option value="amendment">{t('calendar.scopeAmendment')}</option>
              <option value="year">{t('calendar.scopeYear')}</option>
              <option value="regional">{t('calendar.scopeRegional')}</option>
            </select>
          </label>
          <label>
            {t('calendar.year')}
            <input inputMode="numeric" value={year} onChange={(e) => setYear(e.target.value)} />
          </label>
          <label>
            {t('calendar.decree')}
            <input value={decree} onChange={(e) => setDecree(e.target.value)} />
          </label>
          <label>
            {t('calendar.days')}
            <textarea rows={6} value={daysText} onChange={(e) => setDaysText(e.target.value)} />
          </label>
          <ErrorAlert error={saveError} />
          {saved && <p className="alert ok">{saved}</p>}
          <p>
            <button type="submit">{t('calendar.save')}</button>
          </p>
        </form>
      </section>
      <section className="card">
        <h2 style={{ marginTop: 0 }}>{t('calendar.changes')}</h2>
        {data && data.changes.length === 0 ? (
          <p className="muted">{t('calendar.noChanges')}</p>
        ) : (
          <div className="scroll-x">
            <table className="list responsive" data-testid="calendar-changes">
              <thead>
                <tr>
                  <th>{t('calendar.at')}</th>
                  <th>{t('calendar.action')}</th>
                  <th>{t('calendar.date')}</th>
                  <th>{t('calendar.name')}</th>
                  <th>{t('calendar.decrees')}</th>
                  <th>{t('calendar.by')}</th>
                </tr>
              </thead>
              <tbody>
                {(data?.changes ?? []).map((c) => (
                  <tr key={c.id}>
                    <td data-label={t('calendar.at')}>{formatDateTime(c.createdAt, i18n.language)}</td>
                    <td data-label={t('calendar.action')}>
                      {c.action === 'year' ? `${t('calendar.scopeYear')} ${c.year}` : c.action === 'add' ? '+' : '−'}
                      {c.regencyId !== null ? ` (${t('calendar.scopeRegional')})` : ''}
                    </td>
                    <td data-label={t('calendar.date')}>{c.date ?? '–'}</td>
                    <td data-label={t('calendar.name')}>{c.name || '–'}</td>
                    <td data-label={t('calendar.decrees')}>{c.decree}</td>
                    <td data-label={t('calendar.by')}>{c.createdByName}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}
