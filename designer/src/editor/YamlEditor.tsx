import { autocompletion, type CompletionContext, type CompletionResult } from '@codemirror/autocomplete';
import { yaml } from '@codemirror/lang-yaml';
import { lintGutter, setDiagnostics, type Diagnostic } from '@codemirror/lint';
import { EditorSelection } from '@codemirror/state';
import { EditorView, hoverTooltip, type Tooltip } from '@codemirror/view';
import { basicSetup } from 'codemirror';
import { forwardRef, useEffect, useImperativeHandle, useRef } from 'react';
import type { DefinitionError } from '../../../engine/definition/definitionError.ts';
import type { SchemaDocument } from '../schema/bundleSchema.ts';
import { SOP_SCHEMA } from '../schema/sopSchema.ts';
import { diagnosticRange } from './diagnosticRange.ts';
import { infoAt, keysAt, valuesAt } from './schemaLookup.ts';
import { yamlContextAt } from './yamlContext.ts';

/** What the page can ask of the editor. */
export interface YamlEditorHandle {
  /** Puts the cursor at a line and column (1-based) and focuses the editor. */
  jumpTo: (line: number, column: number) => void;
}

interface Props {
  value: string;
  onChange: (value: string) => void;
  errors: DefinitionError[];
  /** The text the errors were found in: they are shown only once they match the editor's text. */
  errorsFor: string | undefined;
  language: 'id' | 'en';
  label: string;
  /** The schema completion and hover help come from (default: the SOP language's). */
  schema?: SchemaDocument;
}

/** Keys (and enum values) the schema allows where the cursor is, with their Indonesian titles. */
function completeFromSchema(schema: SchemaDocument, context: CompletionContext): CompletionResult | null {
  const text = context.state.doc.toString();
  const where = yamlContextAt(text, context.pos);
  const word = context.matchBefore(/[\w$-]*/);
  if (!word || (word.from === word.to && !context.explicit)) return null;
  if (where.atKey) {
    const options = keysAt(schema, where.path).map((k) => ({
      label: k.key,
      apply: `${k.key}: `,
      detail: k.title,
      info: k.description,
      type: 'property',
    }));
    return options.length > 0 ? { from: word.from, options, validFor: /^[\w$-]*$/ } : null;
  }
  const values = valuesAt(schema, [...where.path, where.key]);
  return values.length > 0
    ? { from: word.from, options: values.map((v) => ({ label: v, type: 'enum' })), validFor: /^[\w$-]*$/ }
    : null;
}

/** Hover help: the schema's title and description of the key under the pointer. */
const schemaHover = (schema: SchemaDocument) =>
  hoverTooltip((view, pos): Tooltip | null => {
    const line = view.state.doc.lineAt(pos);
    const match = /^(\s*(?:-\s+)?)([\w$-]+)\s*:/.exec(line.text);
    if (!match) return null;
    const start = line.from + match[1]!.length;
    const end = start + match[2]!.length;
    if (pos < start || pos > end) return null;
    const where = yamlContextAt(view.state.doc.toString(), start);
    const info = infoAt(schema, [...where.path, match[2]!]);
    if (!info) return null;
    return {
      pos: start,
      end,
      above: true,
      create: () => {
        const dom = document.createElement('div');
        dom.className = 'cm-schema-help';
        const title = document.createElement('strong');
        title.textContent = info.title || match[2]!;
        const body = document.createElement('div');
        body.textContent = info.description;
        dom.append(title, body);
        return { dom };
      },
    };
  });

/** Size, font and a visible focus ring (page CSS cannot reach into the editor's shadow root). */
const editorTheme = EditorView.theme({
  '&': { height: '52vh', minHeight: '280px', fontSize: '13px', backgroundColor: '#fff', color: '#1d2733' },
  '&.cm-focused': { outline: '3px solid #f0a202', outlineOffset: '-3px' },
  '.cm-scroller': { fontFamily: '"DejaVu Sans Mono", Consolas, monospace' },
  '.cm-schema-help': {
    maxWidth: '360px',
    padding: '.35rem .5rem',
    fontFamily: 'system-ui, sans-serif',
    fontSize: '13px',
  },
  '.cm-schema-help strong': { display: 'block' },
  '.cm-tooltip-lint, .cm-tooltip-autocomplete, .cm-tooltip-hover': { fontFamily: 'system-ui, sans-serif' },
});

function toDiagnostics(text: string, errors: DefinitionError[], language: 'id' | 'en'): Diagnostic[] {
  return errors.map((e) => ({
    ...diagnosticRange(text, e.line, e.column),
    severity: 'error',
    source: e.code,
    message: language === 'en' ? e.messageEn : e.message,
  }));
}

/**
 * The YAML text editor (CodeMirror 6): YAML highlighting, the engine's errors as squiggles at their
 * line:column, completion and hover help from the SOP schema. Controlled: outside changes (the
 * structured editor) replace only the changed middle of the text, so the cursor stays put.
 */
export const YamlEditor = forwardRef<YamlEditorHandle, Props>(function YamlEditor(
  { value, onChange, errors, errorsFor, language, label, schema = SOP_SCHEMA },
  ref,
) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const callbacks = useRef({ onChange });
  callbacks.current = { onChange };
  // Texts this editor sent up since it was last in step with `value`: a render still carrying one of them
  // is an echo of older typing (a heavy table re-render can delay it past the next keystroke), not an outside edit.
  const sent = useRef<string[]>([]);
  const applying = useRef(false);
  useEffect(() => {
    // CodeMirror injects its styles; in a document they would be inline <style> tags, which the page's
    // Content-Security-Policy refuses. Inside a shadow root they become constructed stylesheets instead.
    const shadow = host.current!.shadowRoot ?? host.current!.attachShadow({ mode: 'open' });
    const parent = document.createElement('div');
    shadow.replaceChildren(parent);
    const editor = new EditorView({
      root: shadow,
      parent,
      doc: value,
      extensions: [
        basicSetup,
        editorTheme,
        EditorView.lineWrapping,
        yaml(),
        lintGutter(),
        autocompletion({ override: [(context) => completeFromSchema(schema, context)] }),
        schemaHover(schema),
        EditorView.contentAttributes.of({ 'aria-label': label }),
        EditorView.updateListener.of((update) => {
          if (!update.docChanged) return;
          const text = update.state.doc.toString();
          // An outside edit being applied is not the drafter's typing: its echo must not mask a later one.
          if (!applying.current) sent.current = [...sent.current.slice(-49), text];
          callbacks.current.onChange(text);
        }),
      ],
    });
    view.current = editor;
    return () => editor.destroy();
    // The editor is created once; later values arrive through the effect below.
  }, []);
  useEffect(() => {
    const editor = view.current;
    if (!editor) return;
    const current = editor.state.doc.toString();
    if (current === value) {
      sent.current = [];
      return;
    }
    if (sent.current.includes(value)) return;
    let start = 0;
    while (start < current.length && start < value.length && current[start] === value[start]) start += 1;
    let endOld = current.length;
    let endNew = value.length;
    while (endOld > start && endNew > start && current[endOld - 1] === value[endNew - 1]) {
      endOld -= 1;
      endNew -= 1;
    }
    applying.current = true;
    editor.dispatch({ changes: { from: start, to: endOld, insert: value.slice(start, endNew) } });
    applying.current = false;
    sent.current = [];
  }, [value]);
  useEffect(() => {
    const editor = view.current;
    // Until then CodeMirror keeps the previous squiggles, moved along with the edits.
    if (editor && errorsFor === editor.state.doc.toString())
      editor.dispatch(setDiagnostics(editor.state, toDiagnostics(errorsFor, errors, language)));
  }, [errors, errorsFor, language, value]);
  useImperativeHandle(ref, () => ({
    jumpTo: (line, column) => {
      const editor = view.current;
      if (!editor) return;
      const { from } = diagnosticRange(editor.state.doc.toString(), line, column);
      editor.dispatch({
        selection: EditorSelection.cursor(from),
        effects: EditorView.scrollIntoView(from, { y: 'center' }),
      });
      editor.focus();
    },
  }));
  return <div ref={host} className="yaml-editor" data-testid="yaml-editor" />;
});
