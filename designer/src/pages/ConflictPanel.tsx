import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../../../ui-shared/format/dateTime.ts';

/** A save refused because someone saved after the revision this draft started from. */
export interface Conflict {
  baseRevision: number;
  latestRevision: number;
  latestBy: string;
  latestAt: string;
  latestSource: string;
}

interface Props {
  sopId: string;
  conflict: Conflict;
  onTakeTheirs: () => void;
  onKeepMine: () => void;
}

/** Both revisions of a conflict and the three ways out; nothing is overwritten without a choice. */
export function ConflictPanel({ sopId, conflict, onTakeTheirs, onKeepMine }: Props) {
  const { t, i18n } = useTranslation();
  return (
    <div className="alert error" role="alert" data-testid="conflict">
      <strong>{t('designer.conflict.title')}</strong>
      <p>
        {t('designer.conflict.body', {
          base: conflict.baseRevision,
          latest: conflict.latestRevision,
          name: conflict.latestBy,
          at: formatDateTime(conflict.latestAt, i18n.language),
        })}
      </p>
      <div className="row">
        {conflict.baseRevision > 0 && (
          <Link
            className="button secondary"
            to={`/sop/${sopId}/riwayat?dari=r${conflict.baseRevision}&ke=r${conflict.latestRevision}`}
          >
            {t('designer.conflict.compare')}
          </Link>
        )}
        <button type="button" className="secondary" onClick={onTakeTheirs}>
          {t('designer.conflict.theirs')}
        </button>
        <button type="button" className="danger" onClick={onKeepMine}>
          {t('designer.conflict.mine', { latest: conflict.latestRevision })}
        </button>
      </div>
    </div>
  );
}
