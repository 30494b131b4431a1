import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { LinkedCase } from '../../../engine/app/monitoring/caseLinks.ts';
import { isComplaintSop } from '../../../engine/app/monitoring/complaintSops.ts';
import { complaintContracts } from '../../../engine/contracts/monitoringContracts.ts';
import type { SopDefinition } from '../../../engine/definition/sopTypes.ts';
import { call } from '../../../ui-shared/api/call.ts';
import { useCall } from '../../../ui-shared/api/useCall.ts';
import { ErrorAlert } from '../../../ui-shared/components/ErrorAlert.tsx';

function LinkedCaseItem({ linked }: { linked: LinkedCase }) {
  const { t } = useTranslation();
  return (
    <li>
      <Link to={`/kasus/${linked.caseId}`}>
        <code>{linked.trackingCode}</code>
      </Link>{' '}
      · {linked.sopName} · <span className="badge">{t(`status.${linked.status}`)}</span>
      {linked.note && <div className="muted">{linked.note}</div>}
    </li>
  );
}

/**
 * Complaints (pengaduan) are cases of the complaint SOPs linked to the case they concern: a complaint
 * case links to its case by tracking code; every case lists the complaints about it.
 */
export function ComplaintLinks({ caseId, definition }: { caseId: string; definition: SopDefinition }) {
  const { t } = useTranslation();
  const { data, error, reload } = useCall(complaintContracts.links, { params: { caseId } });
  const [code, setCode] = useState('');
  const [note, setNote] = useState('');
  const [linkError, setLinkError] = useState<unknown>();
  const complaint = isComplaintSop(definition);
  if (!data) return <ErrorAlert error={error} />;
  if (!complaint && data.complaints.length === 0) return null;
  const link = async (e: FormEvent) => {
    e.preventDefault();
    try {
      await call(complaintContracts.link, {
        params: { caseId },
        body: { concerns: code.trim().toUpperCase(), ...(note.trim() ? { note: note.trim() } : {}) },
      });
      setLinkError(undefined);
      await reload();
    } catch (err) {
      setLinkError(err);
    }
  };
  return (
    <section className="card" data-testid="complaint-links">
      <h2 style={{ marginTop: 0 }}>{t('complaints.title')}</h2>
      {complaint &&
        (data.concerns ? (
          <>
            <p>{t('complaints.concerns')}</p>
            <ul>
              <LinkedCaseItem linked={data.concerns} />
            </ul>
          </>
        ) : (
          <form className="row" onSubmit={(e) => void link(e)}>
            <div>
              <label htmlFor="concerns">{t('complaints.code')}</label>
              <br />
              <input
                id="concerns"
                value={code}
                onChange={(e) => setCode(e.target.value)}
                placeholder="ALR-…"
                required
              />
            </div>
            <div style={{ flex: '1 1 240px' }}>
              <label htmlFor="concerns-note">{t('complaints.note')}</label>
              <br />
              <input
                id="concerns-note"
                value={note}
                onChange={(e) => setNote(e.target.value)}
                style={{ width: '100%' }}
              />
            </div>
            <button type="submit">{t('complaints.link')}</button>
            <ErrorAlert error={linkError} />
          </form>
        ))}
      {data.complaints.length > 0 && (
        <>
          <p>{t('complaints.about', { count: data.complaints.length })}</p>
          <ul>
            {data.complaints.map((c) => (
              <LinkedCaseItem key={c.linkId} linked={c} />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
