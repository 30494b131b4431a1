import { useTranslation } from 'react-i18next';
import type { RawSop } from '../../engine/definition/sopTypes.ts';
import { needsSourceNotice } from '../../engine/definition/sourceNotice.ts';

/**
 * "Catatan sumber: …" on every screen of a service whose steps were not taken from the regency's approved
 * technical document (rule: engine/definition/sourceNotice.ts). Renders nothing for the others.
 */
export function SourceNotice({ show, compact }: { show: boolean; compact?: boolean }) {
  const { t } = useTranslation();
  if (!show) return null;
  return (
    <p className={compact ? 'source-notice compact' : 'source-notice'} data-testid="source-notice">
      {t('sourceNotice.text')}
    </p>
  );
}

/** The same notice, decided from a definition's `source` block. */
export function SourceNoticeOf({ source, compact }: { source: RawSop['source']; compact?: boolean }) {
  return <SourceNotice show={needsSourceNotice({ source })} {...(compact ? { compact } : {})} />;
}

/** The `source` block as a drafter or staff member reads it: the document, how complete it was, the note. */
export function SourceBlock({ source }: { source: RawSop['source'] }) {
  const { t } = useTranslation();
  if (!source) return <p className="muted">{t('sourceNotice.none')}</p>;
  return (
    <dl className="facts" data-testid="source-block">
      <dt>{t('sourceNotice.document')}</dt>
      <dd>{source.document ?? '–'}</dd>
      <dt>{t('sourceNotice.detail')}</dt>
      <dd>{source.detail ? t(`sourceNotice.details.${source.detail}`) : '–'}</dd>
      {source.note && (
        <>
          <dt>{t('sourceNotice.note')}</dt>
          <dd style={{ whiteSpace: 'pre-wrap' }}>{source.note}</dd>
        </>
      )}
    </dl>
  );
}
