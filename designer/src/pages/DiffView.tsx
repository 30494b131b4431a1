import { useTranslation } from 'react-i18next';

/** The server's readable line diff (engine/app/designer/lineDiff.ts). */
export interface LineDiff {
  added: number;
  removed: number;
  lines: Array<
    | { kind: 'same' | 'added' | 'removed'; text: string; oldLine: number | null; newLine: number | null }
    | { kind: 'gap'; count: number }
  >;
}

/** A line diff with line numbers of both sides, + and − marks (not colour alone) and collapsed gaps. */
export function DiffView({ from, to, diff }: { from: string; to: string; diff: LineDiff }) {
  const { t } = useTranslation();
  return (
    <div data-testid="diff">
      <p>
        <strong>{from}</strong> → <strong>{to}</strong>: <span className="badge ok">+{diff.added}</span>{' '}
        <span className="badge bad">−{diff.removed}</span>
      </p>
      {diff.lines.length === 0 ? (
        <p className="muted">{t('designer.history.same')}</p>
      ) : (
        <table className="diff">
          <tbody>
            {diff.lines.map((line, i) =>
              line.kind === 'gap' ? (
                <tr key={i} className="diff-gap">
                  <td colSpan={4}>… {t('designer.history.gap', { count: line.count })} …</td>
                </tr>
              ) : (
                <tr key={i} className={`diff-${line.kind}`}>
                  <td className="num">{line.oldLine ?? ''}</td>
                  <td className="num">{line.newLine ?? ''}</td>
                  <td className="mark">{line.kind === 'added' ? '+' : line.kind === 'removed' ? '−' : ''}</td>
                  <td>
                    <code>{line.text}</code>
                  </td>
                </tr>
              ),
            )}
          </tbody>
        </table>
      )}
    </div>
  );
}
