import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ReplyOf } from '../../../engine/contracts/contract.ts';
import { sourceDocumentContracts as c } from '../../../engine/contracts/sourceDocumentContracts.ts';
import { call } from '../../../ui-shared/api/call.ts';
import { ErrorAlert } from '../../../ui-shared/components/ErrorAlert.tsx';

type Imported = ReplyOf<typeof c.upload>;
type Created = Imported['created'][number];
type Clash = Imported['clashes'][number];

/** What happened to one clashing draft after the drafter chose. */
type Resolved = { sopId: string; created: Created | null };

function CreatedRow({ d }: { d: Created }) {
  const { t } = useTranslation();
  return (
    <li data-testid={`created-${d.sopId}`}>
      <Link to={`/sop/${d.sopId}`}>{d.name}</Link> <span className="muted">({d.sopId})</span>
      {d.toReview > 0 && (
        <span className="badge warn" style={{ marginLeft: '.5rem' }}>
          {t('designer.docImport.toReview', { count: d.toReview })}
        </span>
      )}
      {d.errorCount > 0 && (
        <span className="badge" style={{ marginLeft: '.5rem' }}>
          {t('designer.docImport.errors', { count: d.errorCount })}
        </span>
      )}
    </li>
  );
}

function ClashRow({ documentId, clash, onDone }: { documentId: string; clash: Clash; onDone: (r: Resolved) => void }) {
  const { t } = useTranslation();
  const [newId, setNewId] = useState(clash.suggestedId);
  const [error, setError] = useState<unknown>();
  const choose = async (choice: 'rename' | 'new-revision' | 'skip') => {
    setError(undefined);
    try {
      const result = await call(c.resolve, {
        params: { sourceDocumentId: documentId },
        body: { sopId: clash.sopId, choice, ...(choice === 'rename' ? { newId } : {}) },
      });
      onDone({ sopId: clash.sopId, created: result.created });
    } catch (e) {
      setError(e);
    }
  };
  return (
    <li className="card" data-testid={`clash-${clash.sopId}`}>
      <strong>{clash.name}</strong>
      <p className="muted" style={{ margin: '.25rem 0' }}>
        {t(clash.existing === 'published' ? 'designer.docImport.clashPublished' : 'designer.docImport.clashDraft', {
          id: clash.sopId,
        })}
      </p>
      <div className="row" style={{ alignItems: 'end', flexWrap: 'wrap', gap: '.5rem' }}>
        <label>
          {t('designer.docImport.newId')}
          <input value={newId} onChange={(e) => setNewId(e.target.value)} />
        </label>
        <button type="button" onClick={() => void choose('rename')}>
          {t('designer.docImport.rename')}
        </button>
        <button type="button" className="secondary" onClick={() => void choose('new-revision')}>
          {t('designer.docImport.newRevision')}
        </button>
        <button type="button" className="secondary" onClick={() => void choose('skip')}>
          {t('designer.docImport.skip')}
        </button>
      </div>
      <ErrorAlert error={error} />
    </li>
  );
}

/**
 * "Impor dari dokumen": a drafter uploads the office's SOP document (Word, PDF, a scan, or text); each SOP found
 * becomes a draft with the document kept beside it. An id already in use waits for the drafter's choice.
 */
export function DocumentImportPage() {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [result, setResult] = useState<Imported>();
  const [resolved, setResolved] = useState<Resolved[]>([]);
  const upload = async (file: File | undefined) => {
    if (!file) return;
    setBusy(true);
    setError(undefined);
    setResult(undefined);
    setResolved([]);
    try {
      setResult(await call(c.upload, { query: { fileName: file.name } }, { raw: file }));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const open = result?.clashes.filter((x) => !resolved.some((r) => r.sopId === x.sopId)) ?? [];
  const created = [...(result?.created ?? []), ...resolved.flatMap((r) => (r.created ? [r.created] : []))];
  return (
    <>
      <p className="muted" style={{ margin: 0 }}>
        <Link to="/">{t('designer.nav.list')}</Link>
      </p>
      <h1>{t('designer.docImport.title')}</h1>
      <p>{t('designer.docImport.intro')}</p>
      <div className="card">
        <label htmlFor="sop-document">{t('designer.docImport.file')}</label>
        <br />
        <input
          id="sop-document"
          type="file"
          accept=".docx,.pdf,.txt,.md,.png,.jpg,.jpeg"
          disabled={busy}
          onChange={(e) => void upload(e.target.files?.[0])}
        />
        <p className="muted" style={{ marginBottom: 0 }}>
          {t('designer.docImport.limits')}
        </p>
        {busy && (
          <p role="status" data-testid="doc-reading">
            {t('designer.docImport.reading')}
          </p>
        )}
      </div>
      <ErrorAlert error={error} />
      {result && (
        <section className="card" data-testid="doc-import-result">
          <h2 style={{ marginTop: 0 }}>
            {t('designer.docImport.done', { file: result.fileName, count: created.length })}
          </h2>
          <ul>
            {created.map((d) => (
              <CreatedRow key={d.sopId} d={d} />
            ))}
          </ul>
          {open.length > 0 && (
            <>
              <h3>{t('designer.docImport.clashes', { count: open.length })}</h3>
              <ul className="plain">
                {open.map((clash) => (
                  <ClashRow
                    key={clash.sopId}
                    documentId={result.documentId}
                    clash={clash}
                    onDone={(r) => setResolved((list) => [...list, r])}
                  />
                ))}
              </ul>
            </>
          )}
        </section>
      )}
    </>
  );
}
