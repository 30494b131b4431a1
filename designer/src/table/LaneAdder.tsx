import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RawRegency } from '../../../engine/definition/sopTypes.ts';
import type { NewLane } from './sopTableEdit.ts';

interface Props {
  regency: RawRegency;
  /** Roles already a lane (not offered again). */
  used: string[];
  /** The staff role that records an outside party's steps, unless the drafter picks another. */
  defaultRecorder: string;
  onAdd: (lane: NewLane) => void;
}

/** Adds a pelaksana column: one of the regency's roles, or an outside party recorded by a staff role. */
export function LaneAdder({ regency, used, defaultRecorder, onAdd }: Props) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [kind, setKind] = useState<'role' | 'external'>('role');
  const [role, setRole] = useState('');
  const [name, setName] = useState('');
  const [recorder, setRecorder] = useState(defaultRecorder);
  const roles = regency.roles.filter((r) => !used.includes(r.id));
  const staffRoles = regency.roles.filter((r) => !['auditor', 'admin', 'drafter', 'approver'].includes(r.kind ?? ''));
  if (!open)
    return (
      <button type="button" className="secondary small" onClick={() => setOpen(true)} data-testid="add-lane">
        + {t('designer.table.addLane')}
      </button>
    );
  const add = () => {
    if (kind === 'role') {
      const picked = regency.roles.find((r) => r.id === role);
      if (!picked) return;
      onAdd({ role: picked.id, name: picked.name });
    } else {
      if (name.trim() === '') return;
      onAdd({ external: true, name: name.trim(), recordedBy: recorder });
    }
    setOpen(false);
    setRole('');
    setName('');
  };
  return (
    <div className="card lane-adder" role="group" aria-label={t('designer.table.addLane')}>
      <label className="inline">
        <input type="radio" name="lane-kind" checked={kind === 'role'} onChange={() => setKind('role')} />{' '}
        {t('designer.table.laneRole')}
      </label>
      <label className="inline">
        <input type="radio" name="lane-kind" checked={kind === 'external'} onChange={() => setKind('external')} />{' '}
        {t('designer.table.laneExternal')}
      </label>
      {kind === 'role' ? (
        <select
          aria-label={t('designer.table.laneRole')}
          value={role}
          onChange={(e) => setRole(e.target.value)}
          id="lane-role"
        >
          <option value="">{t('designer.table.pick')}</option>
          {roles.map((r) => (
            <option key={r.id} value={r.id}>
              {r.name}
            </option>
          ))}
        </select>
      ) : (
        <>
          <input
            id="lane-name"
            aria-label={t('designer.table.laneName')}
            placeholder={t('designer.table.laneNameHint')}
            value={name}
            onChange={(e) => setName(e.target.value)}
          />
          <label htmlFor="lane-recorder">{t('designer.table.recordedBy')}</label>
          <select id="lane-recorder" value={recorder} onChange={(e) => setRecorder(e.target.value)}>
            {staffRoles.map((r) => (
              <option key={r.id} value={r.id}>
                {r.name}
              </option>
            ))}
          </select>
          <small className="muted">{t('designer.table.recordedByHelp')}</small>
        </>
      )}
      <div className="row">
        <button type="button" onClick={add} data-testid="add-lane-confirm">
          {t('designer.table.add')}
        </button>
        <button type="button" className="secondary" onClick={() => setOpen(false)}>
          {t('designer.table.cancel')}
        </button>
      </div>
    </div>
  );
}
