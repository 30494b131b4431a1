import { useCallback, useEffect, useState } from 'react';
import { urlOf, type Contract, type ReplyOf } from '../../engine/contracts/contract.ts';
import { api } from './apiClient.ts';
import type { CallInput } from './call.ts';

/** Loads a GET URL and reloads on demand; errors are kept for display (apps load through `useCall`, typed by contract). */
function useApi<T>(path: string | null): {
  data: T | undefined;
  error: Error | undefined;
  loading: boolean;
  reload: () => Promise<void>;
} {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<Error>();
  const [loading, setLoading] = useState(path !== null);
  const reload = useCallback(async () => {
    if (path === null) return;
    setLoading(true);
    try {
      setData(await api<T>('GET', path));
      setError(undefined);
    } catch (e) {
      setError(e instanceof Error ? e : new Error(String(e)));
    } finally {
      setLoading(false);
    }
  }, [path]);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { data, error, loading, reload };
}

/** Loads a GET operation by its contract (typed reply); `null` input loads nothing. */
export function useCall<const C extends Contract>(declared: C, input: CallInput<C> | null) {
  const url = input === null ? null : urlOf(declared, input.params as Record<string, string> | undefined, input.query);
  return useApi<ReplyOf<C>>(url);
}
