import { useTranslation } from 'react-i18next';

type Step = Record<string, unknown>;

interface Props {
  steps: Step[];
  current: number;
  onSelect: (index: number) => void;
  /** New step list, and the step to show after the change. */
  onChange: (steps: Step[], select: number) => void;
}

function freeId(steps: Step[]): string {
  for (let n = steps.length + 1; ; n++) if (!steps.some((s) => s.id === `langkah-${n}`)) return `langkah-${n}`;
}

/** The steps in table order: pick one to edit, add, remove or move it. */
export function StepList({ steps, current, onSelect, onChange }: Props) {
  const { t } = useTranslation();
  const move = (from: number, to: number) => {
    const next = [...steps];
    const [step] = next.splice(from, 1);
    next.splice(to, 0, step!);
    onChange(next, to);
  };
  const add = () => {
    const actor = typeof steps[current]?.actor === 'string' ? (steps[current]!.actor as string) : undefined;
    const step: Step = {
      id: freeId(steps),
      activity: t('designer.structured.newActivity'),
      ...(actor !== undefined ? { actor } : {}),
    };
    onChange([...steps.slice(0, current + 1), step, ...steps.slice(current + 1)], current + 1);
  };
  return (
    <div className="step-list">
      <label htmlFor="step-picker">{t('designer.structured.step')}</label>
      <div className="row" style={{ alignItems: 'center' }}>
        <select
          id="step-picker"
          value={current}
          onChange={(e) => onSelect(Number(e.target.value))}
          style={{ flex: '1 1 220px', minWidth: 0 }}
        >
          {steps.map((s, i) => (
            <option key={`${String(s.id)}-${i}`} value={i}>
              {i + 1}. {typeof s.activity === 'string' ? s.activity : typeof s.id === 'string' ? s.id : ''}
            </option>
          ))}
        </select>
        <button type="button" className="secondary" onClick={add}>
          {t('designer.structured.addStep')}
        </button>
        <button
          type="button"
          className="secondary"
          disabled={current === 0}
          onClick={() => move(current, current - 1)}
          aria-label={t('designer.structured.moveUp')}
        >
          ↑
        </button>
        <button
          type="button"
          className="secondary"
          disabled={current >= steps.length - 1}
          onClick={() => move(current, current + 1)}
          aria-label={t('designer.structured.moveDown')}
        >
          ↓
        </button>
        <button
          type="button"
          className="secondary"
          disabled={steps.length <= 1}
          onClick={() =>
            onChange(
              steps.filter((_, i) => i !== current),
              Math.max(0, current - 1),
            )
          }
        >
          {t('designer.structured.removeStep')}
        </button>
      </div>
    </div>
  );
}
