import type { Static } from '@sinclair/typebox';
import type { CalendarChangeInputSchema } from '../../contracts/calendarContracts.ts';
import type { Knex } from 'knex';
import {
  calendarChangeRows,
  casesWithOpenDeadlines,
  insertCalendarChanges,
  type CalendarChange,
  type NewCalendarChangeRow,
} from '../../storage/calendar/calendarChangeRows.ts';
import { asSystemRoleWithin } from '../../storage/regencyScope.ts';
import { calendarYearsStatus, setCalendarOverrides, type CalendarOverrides } from '../../calendar/nationalCalendar.ts';
import { AppError } from '../appErrors.ts';
import type { AuthUser } from '../authUser.ts';
import { runSystemCommand } from '../caseService.ts';

export type { CalendarChange };

/** CalendarChangeInput as the API contract declares it. */
export type CalendarChangeInput = Static<typeof CalendarChangeInputSchema>;

/** Every stored change, oldest first. */
export async function listCalendarChanges(db: Knex): Promise<CalendarChange[]> {
  return calendarChangeRows(db);
}

/** Turns stored changes into the overrides the calendar applies over the shipped files. */
export function overridesOf(changes: CalendarChange[]): CalendarOverrides {
  return {
    years: changes.filter((c) => c.action === 'year').map((c) => ({ year: c.year, decree: c.decree })),
    days: changes
      .filter((c) => c.action !== 'year' && c.date !== null)
      .map((c) => ({
        regency: c.regencyId,
        date: c.date!,
        name: c.name,
        kind: c.kind ?? (c.regencyId === null ? 'libur-nasional' : 'libur-daerah'),
        action: c.action as 'add' | 'remove',
        decree: c.decree,
      })),
  };
}

let loadedUpTo = -1;

/** Loads the admin changes into this process's calendar when there are new ones (start-up and every minute). */
export async function refreshCalendarOverrides(db: Knex): Promise<boolean> {
  const changes = await listCalendarChanges(db);
  const last = changes.length > 0 ? changes[changes.length - 1]!.id : 0;
  if (last === loadedUpTo) return false;
  setCalendarOverrides(overridesOf(changes));
  loadedUpTo = last;
  return true;
}

function invalid(message: string, path: string): AppError {
  return new AppError('VALIDATION_FAILED', message, path);
}

/** Checks an admin's input; every refusal says where and what to do, in Indonesian. */
export function checkCalendarChange(input: CalendarChangeInput): void {
  if (!Number.isInteger(input.year) || input.year < 2000 || input.year > 2100)
    throw invalid('Tahun harus antara 2000 dan 2100.', '/year');
  if (input.decree.trim().length < 3)
    throw invalid('Tulis nomor dan tanggal keputusan (SKB, Keppres atau Perbup) yang menjadi dasarnya.', '/decree');
  if (input.scope === 'year' && calendarYearsStatus('', [input.year])[0]!.status === 'official')
    throw invalid(
      `Kalender ${input.year} sudah resmi. Untuk mengubahnya, pilih "Perubahan SKB" dan tulis keputusan perubahannya.`,
      '/scope',
    );
  if (input.days.length === 0) throw invalid('Tambahkan sedikitnya satu tanggal.', '/days');
  input.days.forEach((day, i) => {
    const parsed = new Date(`${day.date}T00:00:00Z`);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(day.date) || parsed.toISOString().slice(0, 10) !== day.date)
      throw invalid(`Tanggal "${day.date}" tidak sah; tulis TTTT-BB-HH.`, `/days/${i}/date`);
    if (parsed.getUTCFullYear() !== input.year)
      throw invalid(`Tanggal ${day.date} tidak berada di tahun ${input.year}.`, `/days/${i}/date`);
    if ((day.action ?? 'add') === 'add' && (day.name ?? '').trim().length === 0)
      throw invalid('Tulis nama hari libur.', `/days/${i}/name`);
    if (input.scope !== 'amendment' && day.action === 'remove')
      throw invalid('Menghapus tanggal hanya lewat "Perubahan SKB" atau libur daerah.', `/days/${i}/action`);
  });
}

/**
 * Stores an admin's change, applies it to the calendar at once (no restart) and recomputes the due times of
 * open tasks it can move: every regency's for national changes, the admin's own for regional holidays. The
 * recompute runs as the system role inside the request's transaction — the one documented bypass of
 * regency row-level security, as the overdue sweep does — and returns to the request's role after.
 */
export async function applyCalendarChange(
  db: Knex,
  user: AuthUser,
  input: CalendarChangeInput,
  now = new Date(),
): Promise<{ changes: number; recomputedCases: number }> {
  checkCalendarChange(input);
  const regencyId = input.scope === 'regional' ? user.regencyId : null;
  const author = { created_by: user.id, created_by_regency: user.regencyId, created_by_name: user.name };
  const rows: NewCalendarChangeRow[] = [];
  if (input.scope === 'year')
    rows.push({ regency_id: null, year: input.year, action: 'year', name: '', decree: input.decree, ...author });
  for (const day of input.days)
    rows.push({
      regency_id: regencyId,
      year: input.year,
      action: day.action ?? 'add',
      date: day.date,
      name: (day.name ?? '').trim(),
      kind: day.kind ?? (regencyId === null ? 'libur-nasional' : 'libur-daerah'),
      decree: input.decree.trim(),
      ...author,
    });
  await insertCalendarChanges(db, rows);
  // Forces the next refresh to reload, so a rolled-back change never stays in this process's calendar.
  loadedUpTo = -1;
  setCalendarOverrides(overridesOf(await listCalendarChanges(db)));
  // The recompute reaches every regency's open tasks for a national change: it runs as the system role.
  const recomputedCases = await asSystemRoleWithin(db, async () => {
    let recomputed = 0;
    for (const c of await casesWithOpenDeadlines(db, regencyId)) {
      const outcome = await runSystemCommand(
        db,
        c.regency_id,
        c.case_id,
        { type: 'recomputeDeadlines', reason: `Kalender diubah: ${input.decree.trim()}` },
        now,
      );
      if (outcome.events.length > 0) recomputed += 1;
    }
    return recomputed;
  });
  return { changes: rows.length, recomputedCases };
}
