import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { urlOf, type ReplyOf } from '../../../engine/contracts/contract.ts';
import { sourceDocumentContracts as c } from '../../../engine/contracts/sourceDocumentContracts.ts';
import { flagReason, partLabel, partPosition } from '../../../engine/definition/provenanceLabels.ts';
import type { UnreviewedPart } from '../../../engine/definition/unreviewedParts.ts';
import { call } from '../../../ui-shared/api/call.ts';
import { ErrorAlert } from '../../../ui-shared/components/ErrorAlert.tsx';
import type { StepLineSpan } from './stepLineSpan.ts';

type SourceDocument = NonNullable<ReplyOf<typeof c.ofSop>['document']>;

interface Props {
  sopId: string;
  document: SourceDocument | null;
  /** Unchecked parts of the text being edited. */
  parts: UnreviewedPart[];
  /** The selected step and the source lines of its row, when it has them. */
  selected: { stepId: string; lines: StepLineSpan | undefined } | undefined;
  source: string;
  baseRevision: number;
  language: 'id' | 'en';
  onReviewed: (source: string, revision: number, message: string) => void;
  onSelect: (stepId: string) => void;
}

/** One "Sudah diperiksa" item: where, why, and the button. */
function PartItem(props: {
  part: UnreviewedPart;
  language: 'id' | 'en';
  busy: boolean;
  onCheck: () => void;
  onShow: () => void;
}) {
  const { t } = useTranslation();
  const { part, language } = props;
  return (
    <li className="review-item" data-testid={`review-${part.stepId ?? part.field}-${part.part}`}>
      <button type="button" className="link-button" onClick={props.onShow}>
        {partPosition(part, language)}
      </button>
      <strong> · {partLabel(part.part, language)}</strong>
      <div className="muted">{flagReason(part, language)}</div>
      <button type="button" className="small" disabled={props.busy} onClick={props.onCheck}>
        {t('designer.source.checked')}
      </button>
    </li>
  );
}

/**
 * The source document beside the draft's table: its text by page with line numbers, the selected step's lines
 * highlighted and scrolled to, and the list of imported parts still to check, each with one-click "Sudah diperiksa".
 */
export function SourcePane(props: Props) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const box = useRef<HTMLDivElement>(null);
  const { selected, document: doc } = props;
  useEffect(() => {
    const lines = selected?.lines;
    if (!lines || !box.current) return;
    const row = box.current.querySelector<HTMLElement>(`[data-line="${lines.page}-${lines.first}"]`);
    // Scroll inside the document box only (it is the rows' offset parent), so the table the drafter works in stays put.
    if (row) box.current.scrollTop = row.offsetTop - 40;
  }, [selected]);
  const check = async (part: UnreviewedPart) => {
    setBusy(true);
    setError(undefined);
    try {
      const target = part.stepId !== undefined ? { stepId: part.stepId } : { field: part.field ?? '' };
      const result = await call(c.review, {
        params: { sopId: props.sopId },
        body: { source: props.source, baseRevision: props.baseRevision, part: part.part, ...target },
      });
      props.onReviewed(
        result.source,
        result.revision.revision,
        t('designer.source.done', { where: partPosition(part, props.language), revision: result.revision.revision }),
      );
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const highlighted = useMemo(() => {
    const lines = selected?.lines;
    if (!lines) return new Set<string>();
    return new Set(Array.from({ length: lines.last - lines.first + 1 }, (_, n) => `${lines.page}-${lines.first + n}`));
  }, [selected]);
  return (
    <section className="source-pane" aria-label={t('designer.source.title')} data-testid="source-pane">
      <h2 className="pane-title">{t('designer.source.title')}</h2>
      <ErrorAlert error={error} />
      <h3>{t('designer.source.toCheck', { count: props.parts.length })}</h3>
      {props.parts.length === 0 ? (
        <p className="muted" data-testid="all-checked">
          {t('designer.source.allChecked')}
        </p>
      ) : (
        <ul className="review-list">
          {props.parts.map((part) => (
            <PartItem
              key={`${part.path}-${part.part}`}
              part={part}
              language={props.language}
              busy={busy}
              onCheck={() => void check(part)}
              onShow={() => part.stepId !== undefined && props.onSelect(part.stepId)}
            />
          ))}
        </ul>
      )}
      {doc ? (
        <>
          <p className="muted">
            {t('designer.source.file', { file: doc.fileName, by: doc.uploadedByName })}{' '}
            <a href={urlOf(c.file, { sourceDocumentId: doc.id })} download>
              {t('designer.source.download')}
            </a>
          </p>
          <div
            className="doc-text"
            ref={box}
            tabIndex={0}
            role="region"
            aria-label={doc.fileName}
            data-testid="doc-text"
          >
            {doc.text.pages.map((page) => (
              <div key={page.page}>
                {doc.text.pages.length > 1 && (
                  <div className="doc-page">{t('designer.source.page', { n: page.page })}</div>
                )}
                {page.lines.map((line) => {
                  const key = `${page.page}-${line.line}`;
                  const low = line.cells.some((cell) => cell.confidence !== undefined && cell.confidence < 0.8);
                  return (
                    <div
                      key={key}
                      data-line={key}
                      className={[highlighted.has(key) ? 'doc-line hit' : 'doc-line', low ? 'low' : ''].join(' ')}
                    >
                      <span className="doc-no">{line.line}</span>
                      <span>{line.cells.map((cell) => cell.text).join(' │ ')}</span>
                    </div>
                  );
                })}
              </div>
            ))}
          </div>
        </>
      ) : (
        <p className="muted">{t('designer.source.noDocument')}</p>
      )}
    </section>
  );
}
