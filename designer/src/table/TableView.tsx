import { useTranslation } from 'react-i18next';
import type { RawRegency } from '../../../engine/definition/sopTypes.ts';
import { FormBuilder } from '../forms/FormBuilder.tsx';
import { CriteriaPanel } from '../rules/CriteriaPanel.tsx';
import { SopTable } from './SopTable.tsx';

interface Props {
  source: string;
  regency: RawRegency;
  onChange: (source: string) => void;
  focusRow?: number | undefined;
  flags?: ReadonlyMap<string, string[]> | undefined;
  onSelectStep?: ((stepId: string) => void) | undefined;
}

/** The drafter's main view: the SOP table, the form that opens a case, and the Kriteria Sasaran. */
export function TableView({ source, regency, onChange, focusRow, flags, onSelectStep }: Props) {
  const { t } = useTranslation();
  return (
    <div className="table-view">
      <SopTable
        key={focusRow ?? 'table'}
        source={source}
        regency={regency}
        onChange={onChange}
        focusRow={focusRow}
        flags={flags}
        onSelectStep={onSelectStep}
      />
      <section className="case-form">
        <h3>{t('designer.forms.caseForm')}</h3>
        <p className="muted help">{t('designer.forms.caseFormHelp')}</p>
        <FormBuilder source={source} regency={regency} target="caseData" onChange={onChange} />
      </section>
      <CriteriaPanel source={source} regency={regency} onChange={onChange} />
    </div>
  );
}
