import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { publicContracts } from '../../../engine/contracts/publicContracts.ts';
import { ErrorAlert } from '../../../ui-shared/components/ErrorAlert.tsx';
import { formatDate } from '../components/format.ts';
import { useCall } from '../../../ui-shared/api/useCall.ts';
import { SatisfactionSurvey } from '../components/SatisfactionSurvey.tsx';

// The survey opens once the service has ended with a decision (the server checks the same).
const SURVEYED = new Set(['completed', 'rejected', 'referred']);

/** Public status by tracking code: service, stage and expected completion — no personal data. */
export function PublicTrackPage() {
  const { t, i18n } = useTranslation();
  const { code } = useParams();
  const navigate = useNavigate();
  const [input, setInput] = useState(code ?? '');
  const { data, error } = useCall(publicContracts.status, code ? { params: { trackingCode: code } } : null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void navigate(`/lacak/${encodeURIComponent(input.trim().toUpperCase())}`);
  };
  return (
    <>
      <h1>{t('public.trackTitle')}</h1>
      <form className="card row" onSubmit={submit}>
        <div>
          <label htmlFor="code">{t('public.code')}</label>
          <br />
          <input id="code" value={input} onChange={(e) => setInput(e.target.value)} placeholder="ALR-…" />
        </div>
        <button type="submit">{t('public.check')}</button>
      </form>
      {code && <ErrorAlert error={error} />}
      {data && (
        <div className="card" data-testid="public-status">
          <dl className="facts">
            <dt>{t('public.service')}</dt>
            <dd>
              {data.service} · {data.regency}
            </dd>
            <dt>{t('case.status')}</dt>
            <dd>
              <span className="badge">{t(`status.${data.status}`)}</span>
            </dd>
            <dt>{t('public.stage')}</dt>
            <dd data-testid="public-stage">{data.stage ? t('public.stageOf', data.stage) : '–'}</dd>
            <dt>{t('case.opened')}</dt>
            <dd>{formatDate(data.openedAt, i18n.language, data.timeZone ?? undefined)}</dd>
            <dt>{t('public.expected')}</dt>
            <dd data-testid="public-expected">
              {data.expectedCompletion
                ? formatDate(data.expectedCompletion, i18n.language, data.timeZone ?? undefined)
                : data.clockWaitsForCompleteFile
                  ? t('public.expectedAfterCompleteFile')
                  : formatDate(null, i18n.language)}
            </dd>
          </dl>
          {data.rejectionReason && (
            <div className="alert error" style={{ marginTop: '.75rem' }} data-testid="public-rejection">
              <strong>{t('public.rejectedReason')}:</strong> {data.rejectionReason}
            </div>
          )}
          {data.rejectionLetter && (
            <p data-testid="public-rejection-letter">
              {t('public.rejectionLetter', {
                title: data.rejectionLetter.title,
                number: data.rejectionLetter.number,
                date: formatDate(data.rejectionLetter.issuedAt, i18n.language, data.timeZone ?? undefined),
              })}
            </p>
          )}
          {data.status === 'rejected' && data.complaints.length > 0 && (
            <section aria-labelledby="public-complaints" data-testid="public-complaints">
              <h2 id="public-complaints">{t('public.complaintsTitle')}</h2>
              <ul>
                {data.complaints.map((c, i) => (
                  <li key={`${i}-${c}`}>{c}</li>
                ))}
              </ul>
            </section>
          )}
          {data.waitingForDocuments && (
            <div className="alert info" style={{ marginTop: '.75rem' }}>
              <p style={{ margin: 0 }}>{t('case.waiting')}</p>
              {data.documentsToBring.length > 0 && (
                <>
                  <p style={{ margin: '.5rem 0 .25rem' }}>{t('caseData.bring')}</p>
                  <ul data-testid="documents-to-bring" style={{ margin: 0 }}>
                    {data.documentsToBring.map((d) => (
                      <li key={d}>{d}</li>
                    ))}
                  </ul>
                </>
              )}
            </div>
          )}
        </div>
      )}
      {data && SURVEYED.has(data.status) && <SatisfactionSurvey trackingCode={data.trackingCode} />}
    </>
  );
}
