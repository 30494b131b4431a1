import { useEffect, useMemo, useRef, useState } from 'react';
import type { DefinitionError } from '../../../engine/definition/definitionError.ts';
import { loadSopSource } from '../../../engine/definition/loadDefinitionSource.ts';
import type { RawRegency, SopDefinition } from '../../../engine/definition/sopTypes.ts';
import { definitionContracts } from '../../../engine/contracts/definitionContracts.ts';
import { call } from '../../../ui-shared/api/call.ts';

/** The outcome of checking the text: positioned errors and, when there are none, the normalised definition. */
export interface DefinitionCheck {
  errors: DefinitionError[];
  definition: SopDefinition | undefined;
  /** The text the result belongs to (the server's answer may lag a keystroke behind). */
  checkedText: string | undefined;
}

let localChecks: Promise<boolean> | undefined;

/**
 * Whether the engine's loader can run in this page: its JSON Schema validators (ajv) generate code, which
 * the Content-Security-Policy allows only with 'unsafe-eval'. Read once from the page's own headers.
 */
export function canCheckLocally(): Promise<boolean> {
  localChecks ??= fetch(window.location.pathname, { method: 'HEAD', credentials: 'same-origin' })
    .then((r) => {
      const policy = r.headers.get('content-security-policy');
      return policy === null || !/script-src/.test(policy) || /script-src[^;]*'unsafe-eval'/.test(policy);
    })
    .catch(() => false);
  return localChecks;
}

/**
 * Checks an SOP's YAML with the same loader as the CLI on every change: in the browser when the page
 * may run it, otherwise through POST /api/definitions/validate (debounced, stale answers dropped).
 */
export function useDefinitionCheck(
  text: string | undefined,
  regency: RawRegency | undefined,
  fileName: string,
): DefinitionCheck {
  const [local, setLocal] = useState<boolean>();
  const [remote, setRemote] = useState<DefinitionCheck>({ errors: [], definition: undefined, checkedText: undefined });
  const sequence = useRef(0);
  useEffect(() => {
    void canCheckLocally().then(setLocal);
  }, []);
  const localResult = useMemo((): DefinitionCheck | undefined => {
    if (local !== true || text === undefined || !regency) return undefined;
    const load = loadSopSource(new TextEncoder().encode(text), fileName, { regency, folderName: regency.id });
    return { errors: load.errors, definition: load.definition, checkedText: text };
  }, [local, text, regency, fileName]);
  useEffect(() => {
    if (local !== false || text === undefined) return;
    const mine = ++sequence.current;
    if (text.trim() === '') {
      setRemote({ errors: [], definition: undefined, checkedText: text });
      return;
    }
    const timer = setTimeout(() => {
      void call(definitionContracts.validate, { body: { source: text, fileName } })
        .then((result) => {
          if (mine === sequence.current)
            setRemote({ errors: result.errors, definition: result.definition ?? undefined, checkedText: text });
        })
        .catch(() => undefined);
    }, 150);
    return () => clearTimeout(timer);
  }, [local, text, fileName]);
  return localResult ?? remote;
}
