import { Fragment } from 'react';
import type { RawRegency, SopDefinition } from '../../../engine/definition/sopTypes.ts';
import { describeSchedule } from '../../../engine/calendar/describeSchedule.ts';
import { formatDate } from '../../../ui-shared/format/dateTime.ts';
import { coverRows } from '../print/coverSections.ts';
import { KopLogo } from '../../../ui-shared/components/KopLogo.tsx';

function List({ items }: { items: string[] | undefined }) {
  if (!items || items.length === 0) return <>—</>;
  return (
    <ol>
      {items.map((item, i) => (
        <li key={i}>{item}</li>
      ))}
    </ol>
  );
}

/**
 * The header table of the official SOP document (PermenPANRB 35/2012): office, number and dates,
 * who approved it, the SOP name, then the list cells the SOP has (Dasar Hukum, Kualifikasi or Kriteria
 * Sasaran, Keterkaitan, Peralatan, Pihak Terkait, Dokumen Pendukung, Peringatan, Pencatatan) two to a row
 * as its source lays them out. Always in Indonesian: it is the legal document.
 */
export function SopHeaderTable({
  definition,
  regency,
  blanks = false,
}: {
  definition: SopDefinition;
  regency: RawRegency;
  /** Show the standard form's cells even when empty (the editor's preview, not the printout). */
  blanks?: boolean;
}) {
  const unit = regency.units.find((u) => u.id === definition.unit)?.name;
  const approved = definition.approvedBy;
  return (
    <table className="sop-header" data-testid="sop-header">
      <tbody>
        <tr>
          <td rowSpan={6} className="sop-office">
            <div className="sop-kop">
              <KopLogo />
              <div>
                <strong>{regency.office.parent ?? `PEMERINTAH ${regency.name.toUpperCase()}`}</strong>
                <br />
                <strong>{regency.office.name.toUpperCase()}</strong>
                {unit && (
                  <>
                    <br />
                    {unit}
                  </>
                )}
              </div>
            </div>
          </td>
          <th>Nomor SOP</th>
          <td>{definition.number ?? '—'}</td>
        </tr>
        <tr>
          <th>Tanggal Pembuatan</th>
          <td>{formatDate(definition.dates?.created, 'id')}</td>
        </tr>
        <tr>
          <th>Tanggal Revisi</th>
          <td>{formatDate(definition.dates?.revised, 'id')}</td>
        </tr>
        <tr>
          <th>Tanggal Efektif</th>
          <td>{formatDate(definition.dates?.effective, 'id')}</td>
        </tr>
        <tr>
          <th>Disahkan oleh</th>
          <td>
            {approved ? (
              <>
                {approved.title}
                <br />
                <br />
                <strong>{approved.name}</strong>
                {approved.rank && (
                  <>
                    <br />
                    {approved.rank}
                  </>
                )}
                {approved.nip && (
                  <>
                    <br />
                    NIP. {approved.nip}
                  </>
                )}
              </>
            ) : (
              '—'
            )}
          </td>
        </tr>
        <tr>
          <th>Nama SOP</th>
          <td>
            <strong>{definition.name}</strong>
          </td>
        </tr>
        {coverRows(definition, blanks).map((row) => (
          <Fragment key={row.map((c) => c.key).join('-')}>
            <tr className="sop-cover-head">
              {row.map((cell, i) => (
                <th key={cell.key} className="half" colSpan={row.length === 1 ? 3 : i === 0 ? 1 : 2}>
                  {cell.label}
                </th>
              ))}
            </tr>
            <tr className="sop-cover-list">
              {row.map((cell, i) => (
                <td key={cell.key} colSpan={row.length === 1 ? 3 : i === 0 ? 1 : 2} data-cover={cell.key}>
                  <List items={cell.items} />
                </td>
              ))}
            </tr>
          </Fragment>
        ))}
        {definition.schedule && (
          <tr>
            <th>Pelaksanaan terjadwal</th>
            <td colSpan={2} data-testid="sop-schedule">
              {describeSchedule(definition.schedule)}
            </td>
          </tr>
        )}
      </tbody>
    </table>
  );
}
