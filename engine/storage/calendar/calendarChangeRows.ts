import { Type, type Static } from '@sinclair/typebox';
import type { Knex } from 'knex';
import type { CalendarDayKind } from '../../calendar/nationalCalendar.ts';
import type { CalendarChangeSchema } from '../../contracts/calendarContracts.ts';
import { BigNumber, Nullable, Timestamp } from '../rowColumns.ts';
import { rowDecoder } from '../rowDecoder.ts';

/** CalendarChange as the API contract declares it. */
export type CalendarChange = Static<typeof CalendarChangeSchema>;

/** A `calendar_changes` row. */
const CalendarChangeRowSchema = Type.Object({
  id: BigNumber,
  regency_id: Nullable(Type.String()),
  year: Type.Number(),
  action: Type.Union([Type.Literal('year'), Type.Literal('add'), Type.Literal('remove')]),
  date: Nullable(Timestamp),
  name: Type.String(),
  kind: Nullable(
    Type.Union([Type.Literal('libur-nasional'), Type.Literal('cuti-bersama'), Type.Literal('libur-daerah')]),
  ),
  decree: Type.String(),
  created_by_name: Type.String(),
  created_at: Timestamp,
});
type CalendarChangeRow = Static<typeof CalendarChangeRowSchema>;

// Compiled once, at module load.
const calendarChangeRowDecoder = rowDecoder('calendar_changes', CalendarChangeRowSchema);
const openDeadlineRows = rowDecoder(
  'tasks (cases with open deadlines)',
  Type.Object({ case_id: Type.String(), regency_id: Type.String() }),
);

const dateText = (d: string | Date | null): string | null =>
  d === null ? null : typeof d === 'string' ? d.slice(0, 10) : d.toISOString().slice(0, 10);

function decodeCalendarChange(r: CalendarChangeRow): CalendarChange {
  return {
    id: Number(r.id),
    regencyId: r.regency_id,
    year: r.year,
    action: r.action,
    date: dateText(r.date),
    name: r.name,
    kind: r.kind,
    decree: r.decree,
    createdByName: r.created_by_name,
    createdAt: new Date(r.created_at).toISOString(),
  };
}

/** Every stored change, oldest first. */
export async function calendarChangeRows(db: Knex): Promise<CalendarChange[]> {
  const rows = calendarChangeRowDecoder.rows(await db('calendar_changes').orderBy('id').select('*'));
  return rows.map(decodeCalendarChange);
}

/** A change as an admin writes it. */
export interface NewCalendarChangeRow {
  regency_id: string | null;
  year: number;
  action: 'year' | 'add' | 'remove';
  date?: string;
  name: string;
  kind?: CalendarDayKind;
  decree: string;
  created_by: string;
  created_by_regency: string;
  created_by_name: string;
}

/** Stores an admin's changes. */
export async function insertCalendarChanges(db: Knex, rows: NewCalendarChangeRow[]): Promise<void> {
  await db('calendar_changes').insert(rows);
}

/** The cases with an open task that has a due time (of one regency, or of all when null and RLS allows). */
export async function casesWithOpenDeadlines(
  db: Knex,
  regencyId: string | null,
): Promise<Array<{ case_id: string; regency_id: string }>> {
  const rows = openDeadlineRows.rows(
    await db('tasks')
      .where('status', 'open')
      .whereNotNull('due_at')
      .modify((q) => void (regencyId !== null ? q.where('regency_id', regencyId) : q))
      .distinct('case_id', 'regency_id'),
  );
  return rows;
}
