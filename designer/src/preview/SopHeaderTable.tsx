import type { RawRegency, SopDefinition } from '../../../engine/definition/sopTypes.ts';
import { describeSchedule } from '../../../engine/calendar/describeSchedule.ts';
import { formatDate } from '../../../ui-shared/format/dateTime.ts';

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
 * who approved it, the SOP name, then Dasar Hukum, Kualifikasi, Keterkaitan, Peralatan, Peringatan
 * and Pencatatan. Always in Indonesian: it is the legal document.
 */
export function SopHeaderTable({ definition, regency }: { definition: SopDefinition; regency: RawRegency }) {
  const unit = regency.units.find((u) => u.id === definition.unit)?.name;
  const approved = definition.approvedBy;
  return (
    <table className="sop-header" data-testid="sop-header">
      <tbody>
        <tr>
          <td rowSpan={6} className="sop-office">
            <strong>{regency.office.parent ?? `PEMERINTAH ${regency.name.toUpperCase()}`}</strong>
            <br />
            <strong>{regency.office.name.toUpperCase()}</strong>
            {unit && (
              <>
                <br />
                {unit}
              </>
            )}
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
        <tr>
          <th className="half">Dasar Hukum</th>
          <th className="half" colSpan={2}>
            Kualifikasi Pelaksana
          </th>
        </tr>
        <tr>
          <td>
            <List items={definition.legalBasis} />
          </td>
          <td colSpan={2}>
            <List items={definition.qualifications} />
          </td>
        </tr>
        <tr>
          <th>Keterkaitan</th>
          <th colSpan={2}>Peralatan/Perlengkapan</th>
        </tr>
        <tr>
          <td>
            <List items={definition.relatedSops} />
          </td>
          <td colSpan={2}>
            <List items={definition.equipment} />
          </td>
        </tr>
        <tr>
          <th>Peringatan</th>
          <th colSpan={2}>Pencatatan dan Pendataan</th>
        </tr>
        <tr>
          <td>
            <List items={definition.warnings} />
          </td>
          <td colSpan={2}>
            <List items={definition.recordKeeping} />
          </td>
        </tr>
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
