import { useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { parseDocument } from 'yaml';
import type { SopDefinition } from '../../../engine/definition/sopTypes.ts';
import { ApiError } from '../../../ui-shared/api/apiClient.ts';
import { call } from '../../../ui-shared/api/call.ts';
import { ErrorAlert } from '../../../ui-shared/components/ErrorAlert.tsx';
import { StatusBadge } from '../components/StatusBadge.tsx';
import { ProblemsList } from '../editor/ProblemsList.tsx';
import { useDefinitionCheck } from '../editor/useDefinitionCheck.ts';
import { YamlEditor, type YamlEditorHandle } from '../editor/YamlEditor.tsx';
import { FlowPreview } from '../preview/FlowPreview.tsx';
import { FormPreview } from '../preview/FormPreview.tsx';
import { SimulationPanel } from '../preview/SimulationPanel.tsx';
import { TableView } from '../table/TableView.tsx';
import { useSession } from '../../../ui-shared/session/SessionContext.tsx';
import { patchYaml } from '../../../engine/definition/patchYaml.ts';
import { StructuredEditor } from '../structured/StructuredEditor.tsx';
import { ConflictPanel, type Conflict } from './ConflictPanel.tsx';
import { ReviewActions } from './ReviewActions.tsx';
import { SourcePane } from './SourcePane.tsx';
import { stepLineSpan } from './stepLineSpan.ts';
import { sourceDocumentContracts } from '../../../engine/contracts/sourceDocumentContracts.ts';
import { designerSopContracts } from '../../../engine/contracts/designerContracts.ts';
import { regencyContracts } from '../../../engine/contracts/regencyContracts.ts';
import { unreviewedParts } from '../../../engine/definition/unreviewedParts.ts';
import { flagReason } from '../../../engine/definition/provenanceLabels.ts';
import type { RawSop } from '../../../engine/definition/sopTypes.ts';
import { useCall } from '../../../ui-shared/api/useCall.ts';
import { SourceBlock, SourceNoticeOf } from '../../../ui-shared/components/SourceNotice.tsx';

type Tab = 'table' | 'structured' | 'flow' | 'form' | 'simulation';

const YAML_PANE_KEY = 'alur.designer.showYaml';

/** The parts of the text the review reads; a half-typed YAML without a steps list has none. */
function reviewView(value: Record<string, unknown> | undefined): Pick<RawSop, 'source' | 'steps'> | undefined {
  if (!value || !Array.isArray(value.steps)) return undefined;
  const steps = value.steps.filter((s): s is RawSop['steps'][number] => s !== null && typeof s === 'object');
  const source =
    value.source !== null && typeof value.source === 'object' ? (value.source as RawSop['source']) : undefined;
  return { steps, source };
}

function readYaml(text: string): Record<string, unknown> | undefined {
  const doc = parseDocument(text);
  if (doc.errors.length > 0) return undefined;
  const value: unknown = doc.toJS();
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

/**
 * The editor: YAML text and the structured form over the same definition, checked on every keystroke
 * by the engine's own loader; flowchart, form preview and simulation beside them; save, submit, publish.
 */
export function EditorPage() {
  const { t, i18n } = useTranslation();
  const { sopId = '' } = useParams();
  const { hasKind } = useSession();
  const copy = useCall(designerSopContracts.workingCopy, { params: { sopId } });
  const regency = useCall(regencyContracts.current, {});
  const [text, setText] = useState<string>();
  const [saved, setSaved] = useState<{ revision: number; source: string }>();
  const [tab, setTab] = useState<Tab>('table');
  // Drafters work in the table; the YAML text is one click away and the choice is remembered.
  const [showYaml, setShowYaml] = useState(() => localStorage.getItem(YAML_PANE_KEY) !== '0');
  const [focusRow, setFocusRow] = useState<number>();
  const [selectedStep, setSelectedStep] = useState<string>();
  const sourceDoc = useCall(sourceDocumentContracts.ofSop, { params: { sopId } });
  const [error, setError] = useState<unknown>();
  const [notice, setNotice] = useState('');
  const [conflict, setConflict] = useState<Conflict>();
  const [busy, setBusy] = useState(false);
  const editor = useRef<YamlEditorHandle>(null);
  const lastGood = useRef<SopDefinition>(undefined);
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
  const load = useDefinitionCheck(text, regency.data?.regency, `${sopId}.yaml`);
  // The table re-reads the whole SOP: it renders behind the keyboard so typing in the YAML text never waits.
  const tableText = useDeferredValue(text);
  if (load.definition) lastGood.current = load.definition;
  const checked = load.checkedText === text;
  const value = useMemo(() => (text !== undefined ? readYaml(text) : undefined), [text]);
  const dirty = text !== undefined && saved !== undefined && text !== saved.source;
  const review = useMemo(() => reviewView(value), [value]);
  const parts = useMemo(() => (review ? unreviewedParts(review) : []), [review]);
  const flags = useMemo(() => {
    const map = new Map<string, string[]>();
    for (const part of parts)
      if (part.stepId !== undefined)
        map.set(part.stepId, [...(map.get(part.stepId) ?? []), flagReason(part, language)]);
    return map;
  }, [parts, language]);
  const imported =
    (sourceDoc.data?.document ?? null) !== null || (review?.steps ?? []).some((s) => s.provenance !== undefined);
  const selected = useMemo(() => {
    if (!review || selectedStep === undefined || !review.steps.some((s) => s.id === selectedStep)) return undefined;
    return { stepId: selectedStep, lines: stepLineSpan(review.steps, selectedStep) };
  }, [review, selectedStep]);
  useEffect(() => {
    if (notice === '') return;
    const timer = setTimeout(() => setNotice(''), 8000);
    return () => clearTimeout(timer);
  }, [notice]);
  const saveRef = useRef<() => void>(() => undefined);
  useEffect(() => {
    // Ctrl/Cmd+S saves from anywhere on the page (YAML text or structured form).
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 's') {
        e.preventDefault();
        saveRef.current();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  useEffect(() => {
    const warn = (e: BeforeUnloadEvent) => void (dirty && e.preventDefault());
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  const save = async (baseRevision = saved?.revision ?? 0) => {
    if (text === undefined) return;
    setBusy(true);
    setError(undefined);
    try {
      const result = await call(designerSopContracts.saveDraft, {
        params: { sopId },
        body: { source: text, baseRevision },
      });
      setSaved({ revision: result.revision.revision, source: text });
      setConflict(undefined);
      setNotice(t('designer.editor.saved', { revision: result.revision.revision }));
      await copy.reload();
    } catch (e) {
      if (e instanceof ApiError && e.reason === 'DRAFT_CONFLICT') {
        const latest = await call(designerSopContracts.workingCopy, { params: { sopId } });
        setConflict({
          baseRevision,
          latestRevision: latest.revision,
          latestBy: latest.latestDraft?.savedByName ?? '',
          latestAt: latest.latestDraft?.savedAt ?? '',
          latestSource: latest.source,
        });
      } else setError(e);
    } finally {
      setBusy(false);
    }
  };

  saveRef.current = () => void (dirty && !busy && save());
  if (copy.error || regency.error) return <ErrorAlert error={copy.error ?? regency.error} />;
  if (!copy.data || !regency.data || text === undefined) return <p className="muted">{t('app.loading')}</p>;
  const definition = load.definition ?? lastGood.current;
  const problems = (
    <ProblemsList
      errors={load.errors}
      checking={!checked}
      language={language}
      onJump={(line, column) => {
        if (showYaml) return editor.current?.jumpTo(line, column);
        // The hidden editor mounts on the next render; jump once it is there.
        setShowYaml(true);
        setTimeout(() => editor.current?.jumpTo(line, column), 0);
      }}
    />
  );
  const toggleYaml = () => {
    localStorage.setItem(YAML_PANE_KEY, showYaml ? '0' : '1');
    setShowYaml(!showYaml);
  };
  const isApprover = hasKind('approver', 'admin');
  return (
    <>
      <div className="editor-head">
        <div>
          <p className="muted" style={{ margin: 0 }}>
            <Link to="/">{t('designer.nav.list')}</Link> · {sopId}
          </p>
          <h1 style={{ marginBottom: '.25rem' }}>
            {value && typeof value.name === 'string' ? value.name : copy.data.name}
          </h1>
          <div className="row" style={{ alignItems: 'center', gap: '.5rem' }}>
            <StatusBadge status={copy.data.status} />
            <span className="muted" data-testid="revision">
              {saved && saved.revision > 0
                ? t('designer.editor.revision', { revision: saved.revision })
                : t('designer.editor.noRevision')}
            </span>
            {copy.data.publishedVersion !== null && (
              <span className="muted">· {t('designer.editor.version', { version: copy.data.publishedVersion })}</span>
            )}
            {dirty && (
              <span className="badge warn" data-testid="dirty">
                {t('designer.editor.unsaved')}
              </span>
            )}
          </div>
        </div>
        <div className="row toolbar">
          <button
            type="button"
            className="secondary"
            onClick={toggleYaml}
            aria-pressed={showYaml}
            data-testid="toggle-yaml"
          >
            {showYaml ? t('designer.editor.hideYaml') : t('designer.editor.showYaml')}
          </button>
          <button type="button" onClick={() => void save()} disabled={busy || !dirty} data-testid="save">
            {t('designer.editor.save')}
          </button>
          <ReviewActions
            sopId={sopId}
            copy={copy.data}
            revision={saved?.revision ?? 0}
            dirty={dirty}
            valid={checked && load.errors.length === 0}
            isApprover={isApprover}
            onDone={async (message) => {
              setNotice(message);
              await copy.reload();
            }}
            onError={setError}
          />
          <Link className="button secondary" to={`/sop/${sopId}/riwayat`}>
            {t('designer.editor.history')}
          </Link>
          {isApprover && copy.data.publishedVersion !== null && (
            <Link className="button secondary" to={`/sop/${sopId}/pindah-kasus`}>
              {t('designer.editor.migrate')}
            </Link>
          )}
          <Link className="button secondary" to={`/sop/${sopId}/cetak`}>
            {t('designer.editor.print')}
          </Link>
        </div>
      </div>
      <div role="status" className="sr-status">
        {notice && <div className="alert ok">{notice}</div>}
      </div>
      <ErrorAlert error={error} />
      {conflict && (
        <ConflictPanel
          sopId={sopId}
          conflict={conflict}
          onTakeTheirs={() => {
            setText(conflict.latestSource);
            setSaved({ revision: conflict.latestRevision, source: conflict.latestSource });
            setConflict(undefined);
          }}
          onKeepMine={() => void save(conflict.latestRevision)}
        />
      )}
      {copy.data.reviews[0]?.action === 'submitted' && copy.data.reviews[0].note && (
        <div className="alert info" data-testid="submitted-note">
          {t('designer.editor.submittedNote', { name: copy.data.reviews[0].byName, note: copy.data.reviews[0].note })}
        </div>
      )}
      {copy.data.reviews[0]?.action === 'returned' && copy.data.reviews[0].revision === saved?.revision && (
        <div className="alert info">
          {t('designer.editor.returned', { name: copy.data.reviews[0].byName, note: copy.data.reviews[0].note ?? '' })}
        </div>
      )}
      <SourceNoticeOf source={review?.source} />
      <details className="card" data-testid="designer-source">
        <summary>{t('sourceNotice.title')}</summary>
        <SourceBlock source={review?.source} />
      </details>
      <div className={showYaml ? 'editor-grid' : 'editor-grid single'}>
        {showYaml && (
          <section className="editor-pane" aria-label={t('designer.editor.yaml')}>
            <h2 className="pane-title">{t('designer.editor.yaml')}</h2>
            <YamlEditor
              ref={editor}
              value={text}
              onChange={setText}
              errors={load.errors}
              errorsFor={load.checkedText}
              language={language}
              label={t('designer.editor.yaml')}
            />
            {problems}
          </section>
        )}
        <section className="editor-pane" aria-label={t('designer.editor.views')}>
          {!showYaml && problems}
          <div role="tablist" aria-label={t('designer.editor.views')} className="tabs">
            {(['table', 'structured', 'flow', 'form', 'simulation'] as const).map((k) => (
              <button
                key={k}
                type="button"
                role="tab"
                id={`tab-${k}`}
                aria-selected={tab === k}
                aria-controls="view-panel"
                className={tab === k ? 'tab active' : 'tab'}
                onClick={() => setTab(k)}
              >
                {t(`designer.editor.tab.${k}`)}
              </button>
            ))}
          </div>
          <div id="view-panel" role="tabpanel" aria-labelledby={`tab-${tab}`} className="view-panel">
            {tab !== 'structured' && tab !== 'table' && checked && !load.definition && definition && (
              <div className="alert info">{t('designer.editor.lastValid')}</div>
            )}
            {tab === 'table' && (
              <div className={imported ? 'with-source' : undefined}>
                <TableView
                  source={tableText ?? text}
                  regency={regency.data.regency}
                  onChange={setText}
                  focusRow={focusRow}
                  flags={imported ? flags : undefined}
                  onSelectStep={imported ? setSelectedStep : undefined}
                />
                {imported && (
                  <SourcePane
                    sopId={sopId}
                    document={sourceDoc.data?.document ?? null}
                    parts={parts}
                    selected={selected}
                    source={text}
                    baseRevision={saved?.revision ?? 0}
                    language={language}
                    onSelect={setSelectedStep}
                    onReviewed={(next, revision, message) => {
                      setText(next);
                      setSaved({ revision, source: next });
                      setNotice(message);
                      void copy.reload();
                      void sourceDoc.reload();
                    }}
                  />
                )}
              </div>
            )}
            {tab === 'structured' && (
              <StructuredEditor value={value} onChange={(next) => setText(patchYaml(text, next))} />
            )}
            {tab !== 'structured' && tab !== 'table' && !definition && (
              <div className="alert info">{t('designer.editor.fixFirst')}</div>
            )}
            {tab === 'flow' && definition && (
              <FlowPreview
                definition={definition}
                regency={regency.data.regency}
                edit={{
                  source: text,
                  onChange: setText,
                  onPickStep: (index) => {
                    setFocusRow(index);
                    setTab('table');
                  },
                }}
              />
            )}
            {tab === 'form' && definition && <FormPreview definition={definition} />}
            {tab === 'simulation' && definition && (
              <SimulationPanel
                key={JSON.stringify(definition.steps.map((s) => s.id))}
                definition={definition}
                source={text}
                timeZone={regency.data.regency.calendar.timezone}
              />
            )}
          </div>
        </section>
      </div>
    </>
  );
}
