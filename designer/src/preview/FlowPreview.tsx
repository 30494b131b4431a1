import { useTranslation } from 'react-i18next';
import type { RawRegency, SopDefinition } from '../../../engine/definition/sopTypes.ts';
import { SwimlaneDiagram } from '../../../ui-shared/components/SwimlaneDiagram.tsx';
import { SopHeaderTable } from './SopHeaderTable.tsx';

/** The official SOP document: header table and the swimlane flowchart with Baku Mutu and Keterangan. */
export function FlowPreview({ definition, regency }: { definition: SopDefinition; regency: RawRegency }) {
  const { t } = useTranslation();
  return (
    <div className="sop-document" data-testid="flow-preview">
      <SopHeaderTable definition={definition} regency={regency} />
      <div className="scroll-x">
        <SwimlaneDiagram definition={definition} title={t('designer.preview.flowTitle', { name: definition.name })} />
      </div>
    </div>
  );
}
