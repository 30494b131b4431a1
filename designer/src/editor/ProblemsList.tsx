import { useTranslation } from 'react-i18next';
import { PlainMessage } from './PlainMessage.tsx';
import type { DefinitionError } from '../../../engine/definition/definitionError.ts';

interface Props {
  errors: DefinitionError[];
  /** A check of the newest text is under way. */
  checking: boolean;
  language: 'id' | 'en';
  onJump: (line: number, column: number) => void;
}

/** The problems of the draft, each a button that puts the cursor on it. */
export function ProblemsList({ errors, checking, language, onJump }: Props) {
  const { t } = useTranslation();
  return (
    <section className="problems" aria-labelledby="problems-title" data-testid="problems">
      <h2 id="problems-title">
        {t('designer.editor.problems')}{' '}
        <span className={errors.length > 0 ? 'badge bad' : 'badge ok'}>{errors.length}</span>
      </h2>
      <div aria-live="polite" aria-busy={checking}>
        {errors.length === 0 && !checking ? (
          <p className="muted" data-testid="no-problems">
            {t('designer.editor.noProblems')}
          </p>
        ) : errors.length === 0 ? (
          <p className="muted">{t('designer.editor.checking')}</p>
        ) : (
          <ul>
            {errors.map((e, i) => (
              <li key={`${e.line}:${e.column}:${e.code}:${i}`}>
                <button type="button" className="link-button" onClick={() => onJump(e.line, e.column)}>
                  <span className="problem-pos">
                    {e.line}:{e.column}
                  </span>{' '}
                  <PlainMessage message={language === 'en' ? e.messageEn : e.message} />
                </button>
              </li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}
