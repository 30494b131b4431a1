import { useTranslation } from 'react-i18next';
import type { CaseEvent } from '../../../engine/core/events.ts';
import type { SopDefinition } from '../../../engine/definition/sopTypes.ts';
import { factTitles, humanizeExplanation } from './explainCriterion.ts';
import { formatDateTime, formatSpan } from './format.ts';

const IMPORTANT = new Set([
  'case.started',
  'step.completed',
  'decision.evaluated',
  'decision.taken',
  'case.ended',
  'output.issued',
]);
const WARNING = new Set([
  'task.overdue',
  'case.overdue',
  'case.sentBack',
  'case.rejected',
  'case.cancelled',
  'step.disagreement',
  'eligibility.overridden',
]);
const HIDDEN = new Set(['task.cancelled']);

const STATUS_OF_OUTCOME = { selesai: 'completed', ditolak: 'rejected', dirujuk: 'referred', cancelled: 'cancelled' };

/** The values an event's label reads from its payload (`events.<type>` in the i18n catalogs). */
function labelValues(e: CaseEvent): {
  label?: string;
  reason?: string;
  outcome?: string;
  title?: string;
  number?: string;
} {
  switch (e.type) {
    case 'decision.evaluated':
      return { label: e.payload.chosen };
    case 'decision.taken':
      return { label: e.payload.label };
    case 'case.sentBack':
    case 'case.cancelled':
    case 'case.rejected':
    case 'case.closed':
    case 'eligibility.overridden':
      return { reason: e.payload.reason };
    case 'case.ended':
      return { outcome: STATUS_OF_OUTCOME[e.payload.outcome] };
    case 'output.issued':
      return { title: e.payload.title, number: e.payload.number };
    default:
      return {};
  }
}

/** An answer as staff read it: Ya/Tidak for ticks, the text otherwise. */
export function answerText(value: unknown, t: (key: string) => string): string {
  if (value === true) return t('joint.yes');
  if (value === false) return t('joint.no');
  if (value === null || value === undefined || value === '') return '–';
  return typeof value === 'string' || typeof value === 'number' ? String(value) : JSON.stringify(value);
}

/** Every event of the case: who (and on whose behalf), what, when, and how long each step took against its standard time. */
export function CaseTimeline({ events, definition }: { events: CaseEvent[]; definition: SopDefinition }) {
  const titles = factTitles(definition);
  const { t, i18n } = useTranslation();
  const enteredAt = new Map<string, string>();
  const pausedAt: string[] = [];
  return (
    <ol className="timeline" data-testid="timeline">
      {events
        .filter((e) => !HIDDEN.has(e.type))
        .map((e) => {
          const step = e.stepId ? definition.steps.find((s) => s.id === e.stepId) : undefined;
          let extra = '';
          if (e.type === 'step.entered' && e.stepId) enteredAt.set(e.stepId, e.at);
          if (e.type === 'step.completed' && e.stepId && enteredAt.has(e.stepId)) {
            const actual = formatSpan(new Date(e.at).getTime() - new Date(enteredAt.get(e.stepId)!).getTime(), t);
            extra = step?.timeText ? t('case.duration', { actual, standard: step.timeText }) : actual;
          }
          if (e.type === 'clock.paused') pausedAt.push(e.at);
          if (e.type === 'clock.resumed') extra = t('case.pausedSpan', { duration: formatSpan(e.payload.pausedMs, t) });
          const values = labelValues(e);
          const label = t(`events.${e.type}`, {
            ...values,
            outcome: values.outcome ? t(`status.${values.outcome}`) : '',
          });
          const className = e.type.startsWith('clock.')
            ? 'paused'
            : WARNING.has(e.type)
              ? 'warning'
              : IMPORTANT.has(e.type)
                ? 'important'
                : undefined;
          const branches = e.type === 'decision.evaluated' ? e.payload.branches : [];
          const differing = e.type === 'step.disagreement' ? e.payload.fields : [];
          const actorName = (id: string) => definition.actors.find((a) => a.id === id)?.name ?? id;
          return (
            <li key={e.seq} className={className}>
              <strong>{label}</strong>
              {step && (
                <span className="muted">
                  {' '}
                  · {step.index + 1}. {step.activity}
                </span>
              )}
              <div className="muted" style={{ fontSize: '.85rem' }}>
                {formatDateTime(e.at, i18n.language)} · {t('case.by', { name: e.by.name })}
                {e.by.onBehalfOf && ` (${t('case.onBehalf', { name: e.by.onBehalfOf.name })})`}
                {extra && ` · ${extra}`}
              </div>
              {differing.length > 0 && (
                <ul style={{ fontSize: '.85rem' }} data-testid="disagreement">
                  {differing.map((f) => (
                    <li key={f.field}>
                      {f.title}:{' '}
                      {(f.values ?? [])
                        .map(
                          (v, i) =>
                            `${actorName(v.actorId)}${i === 0 ? ` (${t('joint.decider')})` : ''}: ${answerText(v.value, t)}`,
                        )
                        .join(' · ')}
                    </li>
                  ))}
                </ul>
              )}
              {branches.length > 0 && (
                <ul style={{ fontSize: '.85rem' }}>
                  {branches.map((b) => (
                    <li key={b.label}>
                      <span className={b.passed ? 'badge ok' : 'badge bad'}>{b.label}</span>{' '}
                      {(b.explanations ?? []).map((x) => humanizeExplanation(x, titles, t)).join('; ')}
                    </li>
                  ))}
                </ul>
              )}
            </li>
          );
        })}
    </ol>
  );
}
