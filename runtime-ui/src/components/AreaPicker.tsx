import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { regencyContracts } from '../../../engine/contracts/regencyContracts.ts';
import { useCall } from '../../../ui-shared/api/useCall.ts';

/** Cascading selects kecamatan → desa/kelurahan from the official region codes; picks a list of areas. */
export function AreaPicker({
  value,
  onChange,
  idPrefix = 'area',
}: {
  value: string[];
  onChange: (areas: string[]) => void;
  /** Ids of the two selects (`<prefix>-district`, `<prefix>-village`): the page may hold two pickers. */
  idPrefix?: string;
}) {
  const { t } = useTranslation();
  const { data } = useCall(regencyContracts.regions, {});
  const [district, setDistrict] = useState('');
  const [village, setVillage] = useState('');
  const villages = data?.districts.find((d) => d.code === district)?.villages ?? [];
  const nameOf = (code: string): string => {
    for (const d of data?.districts ?? []) {
      if (d.code === code) return `Kec. ${d.name}`;
      const v = d.villages.find((x) => x.code === code);
      if (v) return `${v.name}, Kec. ${d.name}`;
    }
    return code;
  };
  const add = () => {
    const code = village || district;
    if (code && !value.includes(code)) onChange([...value, code]);
    setVillage('');
  };
  return (
    <fieldset>
      <legend>{t('accounts.areas')}</legend>
      <p className="muted" style={{ marginTop: 0 }}>
        {t('accounts.areasHint')}
      </p>
      <p>
        <label htmlFor={`${idPrefix}-district`}>{t('accounts.district')}</label>
        <br />
        <select
          id={`${idPrefix}-district`}
          value={district}
          onChange={(e) => {
            setDistrict(e.target.value);
            setVillage('');
          }}
          style={{ width: '100%' }}
        >
          <option value="">—</option>
          {data?.districts.map((d) => (
            <option key={d.code} value={d.code}>
              {d.name} ({d.code})
            </option>
          ))}
        </select>
      </p>
      <p>
        <label htmlFor={`${idPrefix}-village`}>{t('accounts.village')}</label>
        <br />
        <select
          id={`${idPrefix}-village`}
          value={village}
          disabled={district === ''}
          onChange={(e) => setVillage(e.target.value)}
          style={{ width: '100%' }}
        >
          <option value="">{t('accounts.wholeDistrict')}</option>
          {villages.map((v) => (
            <option key={v.code} value={v.code}>
              {v.name} ({v.code})
            </option>
          ))}
        </select>
      </p>
      <button type="button" className="secondary" disabled={district === ''} onClick={add}>
        {t('accounts.addArea')}
      </button>
      <ul data-testid={idPrefix === 'area' ? 'chosen-areas' : `${idPrefix}-chosen`}>
        {value.map((code) => (
          <li key={code}>
            {nameOf(code)}{' '}
            <button type="button" className="secondary" onClick={() => onChange(value.filter((c) => c !== code))}>
              {t('accounts.removeArea')}
            </button>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}
