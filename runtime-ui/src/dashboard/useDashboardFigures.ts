import { useCallback, useEffect, useState } from 'react';
import { api } from '../../../ui-shared/api/apiClient.ts';
import { filterQuery, type DashboardFigures, type DashboardFilters } from './dashboardTypes.ts';

/** Loads all dashboard figures for the filters, in parallel; reloads when the filters change. */
export function useDashboardFigures(filters: DashboardFilters): {
  figures: DashboardFigures | undefined;
  error: unknown;
  loading: boolean;
} {
  const [figures, setFigures] = useState<DashboardFigures>();
  const [error, setError] = useState<unknown>();
  const [loading, setLoading] = useState(true);
  const query = filterQuery(filters);
  const load = useCallback(async () => {
    setLoading(true);
    try {
      const get = <T>(path: string) => api<T>('GET', `/api/monitoring/${path}?${query}`);
      const [summary, steps, bottlenecks, overdue, sendBacks, rejections, satisfaction] = await Promise.all([
        get<DashboardFigures['summary']>('summary'),
        get<DashboardFigures['steps']>('steps'),
        get<DashboardFigures['bottlenecks']>('bottlenecks'),
        get<DashboardFigures['overdue']>('overdue'),
        get<DashboardFigures['sendBacks']>('send-backs'),
        get<DashboardFigures['rejections']>('rejections'),
        get<DashboardFigures['satisfaction']>('satisfaction'),
      ]);
      setFigures({ summary, steps, bottlenecks, overdue, sendBacks, rejections, satisfaction });
      setError(undefined);
    } catch (e) {
      setError(e);
    } finally {
      setLoading(false);
    }
  }, [query]);
  useEffect(() => {
    void load();
  }, [load]);
  return { figures, error, loading };
}
