import { useTranslation } from 'react-i18next';
import type { RawRegency } from '../../../engine/definition/sopTypes.ts';
import { CellInput } from './CellInput.tsx';
import type { TableOutput } from './sopTableRead.ts';

interface Props {
  row: number;
  output: TableOutput | undefined;
  templates: NonNullable<RawRegency['letterTemplates']>;
  onText: (text: string) => void;
  onLetter: (name: string, template: string) => void;
}

/** The Output cell: a name as printed, or a numbered letter made from one of the regency's templates. */
export function OutputCell({ row, output, templates, onText, onLetter }: Props) {
  const { t } = useTranslation();
  const name = output?.kind === 'letter' ? output.name : (output?.text ?? '');
  const template = output?.kind === 'letter' ? output.template : '';
  return (
    <div className="output-cell">
      <CellInput
        value={name}
        label={t('designer.table.output')}
        onCommit={(text) => (template !== '' ? onLetter(text || name, template) : onText(text))}
      />
      {templates.length > 0 && (
        <select
          aria-label={t('designer.table.letter')}
          value={template}
          data-testid={`letter-${row}`}
          onChange={(e) => {
            const picked = templates.find((l) => l.id === e.target.value);
            if (picked) onLetter(name || picked.template.title, picked.id);
            else onText(name);
          }}
        >
          <option value="">{t('designer.table.noLetter')}</option>
          {templates.map((l) => (
            <option key={l.id} value={l.id}>
              {t('designer.table.letterFrom', { title: l.template.title })}
            </option>
          ))}
        </select>
      )}
    </div>
  );
}
