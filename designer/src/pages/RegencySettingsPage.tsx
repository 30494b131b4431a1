import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { regencySettingsContracts } from '../../../engine/contracts/regencySettingsContracts.ts';
import { ApiError } from '../../../ui-shared/api/apiClient.ts';
import { call } from '../../../ui-shared/api/call.ts';
import { useCall } from '../../../ui-shared/api/useCall.ts';
import { ErrorAlert } from '../../../ui-shared/components/ErrorAlert.tsx';
import { useSession } from '../../../ui-shared/session/SessionContext.tsx';
import { StatusBadge } from '../components/StatusBadge.tsx';
import { ProblemsList } from '../editor/ProblemsList.tsx';
import { useRegencyCheck } from '../editor/useRegencyCheck.ts';
import { YamlEditor, type YamlEditorHandle } from '../editor/YamlEditor.tsx';
import { REGENCY_SCHEMA } from '../schema/sopSchema.ts';
import { RegencyLogoPanel } from './RegencyLogoPanel.tsx';
import { ReviewActions } from './ReviewActions.tsx';

/**
 * Regency settings (regency.yaml: office and letterhead, units, roles, calendar, documents, form fragments,
 * letter templates) edited like an SOP: checked on every keystroke, saved as revisions, submitted by the
 * admin and approved by an approver or admin; an approved change is in force at once.
 */
export function RegencySettingsPage() {
  const { t, i18n } = useTranslation();
  const { session, hasKind } = useSession();
  const copy = useCall(regencySettingsContracts.workingCopy, {});
  const [text, setText] = useState<string>();
  const [saved, setSaved] = useState<{ revision: number; source: string }>();
  const [error, setError] = useState<unknown>();
  const [notice, setNotice] = useState('');
  const [busy, setBusy] = useState(false);
  const editor = useRef<YamlEditorHandle>(null);
  const language = i18n.language === 'en' ? 'en' : 'id';
  useEffect(() => {
    if (!copy.data) return;
    setSaved((current) =>
      current && current.revision === copy.data!.revision
        ? current
        : { revision: copy.data!.revision, source: copy.data!.source },
    );
    setText((current) => current ?? copy.data!.source);
  }, [copy.data]);
  const check = useRegencyCheck(text, session?.regency.id ?? '');
  const checked = check.checkedText === text;
  const dirty = text !== undefined && saved !== undefined && text !== saved.source;
  const isAdmin = hasKind('admin');

  const save = async () => {
    if (text === undefined || !saved) return;
    setBusy(true);
    setError(undefined);
    try {
      const result = await call(regencySettingsContracts.saveDraft, {
        body: { source: text, baseRevision: saved.revision },
      });
      setSaved({ revision: result.revision.revision, source: text });
      setNotice(t('designer.editor.saved', { revision: result.revision.revision }));
      await copy.reload();
    } catch (e) {
      setError(e instanceof ApiError && e.reason === 'DRAFT_CONFLICT' ? new Error(t('designer.settings.conflict')) : e);
    } finally {
      setBusy(false);
    }
  };

  if (copy.error) return <ErrorAlert error={copy.error} />;
  if (!copy.data || text === undefined) return <p className="muted">{t('app.loading')}</p>;
  const returned = copy.data.reviews[0]?.action === 'returned' && copy.data.reviews[0].revision === saved?.revision;
  return (
    <>
      <div className="editor-head">
        <div>
          <p className="muted" style={{ margin: 0 }}>
            {copy.data.name} · regency.yaml
          </p>
          <h1 style={{ marginBottom: '.25rem' }}>{t('designer.settings.title')}</h1>
          <div className="row" style={{ alignItems: 'center', gap: '.5rem' }}>
            <StatusBadge status={copy.data.status} />
            <span className="muted" data-testid="revision">
              {saved && saved.revision > 0
                ? t('designer.editor.revision', { revision: saved.revision })
                : t('designer.settings.inForce')}
            </span>
            {copy.data.publishedVersion !== null && (
              <span className="muted">· {t('designer.editor.version', { version: copy.data.publishedVersion })}</span>
            )}
            {dirty && <span className="badge warn">{t('designer.editor.unsaved')}</span>}
          </div>
        </div>
        <div className="row toolbar">
          {isAdmin && (
            <button type="button" onClick={() => void save()} disabled={busy || !dirty} data-testid="save">
              {t('designer.editor.save')}
            </button>
          )}
          <ReviewActions
            sopId="regency"
            settings
            copy={copy.data}
            revision={saved?.revision ?? 0}
            dirty={dirty}
            valid={checked && check.errors.length === 0}
            isApprover={hasKind('approver', 'admin')}
            onDone={async (message) => {
              setNotice(message);
              await copy.reload();
            }}
            onError={setError}
          />
          <Link className="button secondary" to="/pengaturan/riwayat">
            {t('designer.editor.history')}
          </Link>
        </div>
      </div>
      <p className="muted">{t('designer.settings.intro')}</p>
      <div role="status" className="sr-status">
        {notice && <div className="alert ok">{notice}</div>}
      </div>
      <ErrorAlert error={error} />
      {returned && (
        <div className="alert info">
          {t('designer.editor.returned', {
            name: copy.data.reviews[0]!.byName,
            note: copy.data.reviews[0]!.note ?? '',
          })}
        </div>
      )}
      <RegencyLogoPanel isAdmin={isAdmin} />
      <section className="editor-pane" aria-label={t('designer.editor.yaml')}>
        <YamlEditor
          ref={editor}
          value={text}
          onChange={setText}
          errors={check.errors}
          errorsFor={check.checkedText}
          language={language}
          label={t('designer.editor.yaml')}
          schema={REGENCY_SCHEMA}
        />
        <ProblemsList
          errors={check.errors}
          checking={!checked}
          language={language}
          onJump={(line, column) => editor.current?.jumpTo(line, column)}
        />
      </section>
    </>
  );
}
