import { useEffect, useMemo, useRef, useState } from 'react';
import type { DefinitionError } from '../../../engine/definition/definitionError.ts';
import { loadRegencySource } from '../../../engine/definition/loadDefinitionSource.ts';
import { regencySettingsContracts } from '../../../engine/contracts/regencySettingsContracts.ts';
import { call } from '../../../ui-shared/api/call.ts';
import { canCheckLocally } from './useDefinitionCheck.ts';

/** Errors of a regency.yaml text and the text they belong to. */
export interface RegencyCheck {
  errors: DefinitionError[];
  checkedText: string | undefined;
}

/**
 * Checks regency.yaml with the same loader as `alur validate` on every change: in the browser when the
 * page may run it, otherwise through POST /api/designer/regency/validate (debounced, stale answers dropped).
 */
export function useRegencyCheck(text: string | undefined, regencyId: string): RegencyCheck {
  const [local, setLocal] = useState<boolean>();
  const [remote, setRemote] = useState<RegencyCheck>({ errors: [], checkedText: undefined });
  const sequence = useRef(0);
  useEffect(() => {
    void canCheckLocally().then(setLocal);
  }, []);
  const localResult = useMemo((): RegencyCheck | undefined => {
    if (local !== true || text === undefined) return undefined;
    const load = loadRegencySource(new TextEncoder().encode(text), 'regency.yaml', regencyId);
    return { errors: load.errors, checkedText: text };
  }, [local, text, regencyId]);
  useEffect(() => {
    if (local !== false || text === undefined) return;
    const mine = ++sequence.current;
    const timer = setTimeout(() => {
      void call(regencySettingsContracts.validate, { body: { source: text || ' ' } })
        .then((result) => {
          if (mine === sequence.current) setRemote({ errors: result.errors, checkedText: text });
        })
        .catch(() => undefined);
    }, 150);
    return () => clearTimeout(timer);
  }, [local, text]);
  return localResult ?? remote;
}
