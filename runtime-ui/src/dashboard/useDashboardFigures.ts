import { useCallback, useEffect, useState } from 'react';
import { monitoringContracts as m } from '../../../engine/contracts/monitoringContracts.ts';
import { call } from '../../../ui-shared/api/call.ts';
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
  const { sopId, from, to, bucket } = filters;
  const load = useCallback(async () => {
    setLoading(true);
    try {
      const query = filterQuery({ sopId, from, to, bucket });
      const [summary, steps, bottlenecks, overdue, sendBacks, rejections, satisfaction] = await Promise.all([
        call(m.summary, { query }),
        call(m.steps, { query }),
        call(m.bottlenecks, { query }),
        call(m.overdue, { query }),
        call(m.sendBacks, { query }),
        call(m.rejections, { query }),
        call(m.satisfaction, { query }),
      ]);
      setFigures({ summary, steps, bottlenecks, overdue, sendBacks, rejections, satisfaction });
      setError(undefined);
    } catch (e) {
      setError(e);
    } finally {
      setLoading(false);
    }
  }, [sopId, from, to, bucket]);
  useEffect(() => {
    void load();
  }, [load]);
  return { figures, error, loading };
}
