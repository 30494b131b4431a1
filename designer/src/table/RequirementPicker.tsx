import { useState } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  row: number;
  selected: string[];
  /** The regency's document types and the SOP's own, by id. */
  documents: Array<{ id: string; label: string }>;
  onToggle: (doc: string) => void;
  onAddNew: (label: string) => void;
}

/** The Kelengkapan cell: documents ticked from the regency's list, or a new one named on the spot. */
export function RequirementPicker({ row, selected, documents, onToggle, onAddNew }: Props) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [label, setLabel] = useState('');
  const labelOf = (id: string) => documents.find((d) => d.id === id)?.label ?? id;
  return (
    <div className="req-cell">
      {selected.length > 0 && (
        <ul className="chips">
          {selected.map((id) => (
            <li key={id}>{labelOf(id)}</li>
          ))}
        </ul>
      )}
      <button
        type="button"
        className="secondary small"
        aria-expanded={open}
        onClick={() => setOpen(!open)}
        data-testid={`req-${row}`}
      >
        {open ? t('designer.table.close') : `+ ${t('designer.table.requirements')}`}
      </button>
      {open && (
        <div className="picker" role="group" aria-label={t('designer.table.requirements')}>
          <ul className="plain">
            {documents.map((d) => (
              <li key={d.id}>
                <label className="inline">
                  <input type="checkbox" checked={selected.includes(d.id)} onChange={() => onToggle(d.id)} /> {d.label}
                </label>
              </li>
            ))}
          </ul>
          <label htmlFor={`new-doc-${row}`}>{t('designer.table.newDocument')}</label>
          <div className="row">
            <input id={`new-doc-${row}`} value={label} onChange={(e) => setLabel(e.target.value)} />
            <button
              type="button"
              className="secondary small"
              disabled={label.trim() === ''}
              onClick={() => {
                onAddNew(label.trim());
                setLabel('');
              }}
            >
              {t('designer.table.add')}
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
