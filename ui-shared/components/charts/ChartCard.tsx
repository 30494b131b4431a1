import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** A titled chart with its figures as a table for screen readers and for copying (inside a disclosure). */
export function ChartCard({
  title,
  testId,
  chart,
  header,
  rows,
  empty,
}: {
  title: string;
  testId: string;
  chart: ReactNode;
  header: string[];
  rows: Array<Array<string | number>>;
  empty?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <section className="card chart-card" data-testid={testId}>
      <h2>{title}</h2>
      {empty ? (
        <p className="muted">{t('dashboard.noData')}</p>
      ) : (
        <>
          {chart}
          <details>
            <summary>{t('dashboard.asTable')}</summary>
            <table className="list">
              <thead>
                <tr>
                  {header.map((h) => (
                    <th key={h} scope="col">
                      {h}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows.map((row, i) => (
                  <tr key={i}>
                    {row.map((cell, j) => (
                      <td key={j}>{cell}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
        </>
      )}
    </section>
  );
}
