import { applyCalendarChange, listCalendarChanges } from '../../app/calendar/calendarChanges.ts';
import { calendarContracts as c } from '../../contracts/calendarContracts.ts';
import { calendarYearsStatus, shippedNationalYears } from '../../calendar/nationalCalendar.ts';
import { implement, type RouteSpec } from '../routeSpec.ts';

/** The years a regency is using now: this year and the next (deadlines of open work reach into it). */
function yearsInUse(now: Date): number[] {
  const year = now.getUTCFullYear();
  return [year, year + 1];
}

/** The holiday calendar: status for drafters and admins, changes by admins. */
export const calendarRoutes: RouteSpec[] = [
  implement(c.status, {
    summary: 'Status kalender libur tahun berjalan dan tahun depan: resmi (SKB) atau sementara',
    tag: 'kalender',
    access: 'user',
    policy: { action: 'calendar.read' },
    responses: { 200: 'Status per tahun', 401: 'Belum masuk', 403: 'Hanya penyusun, penyetuju dan admin' },
    handler: ({ user }) => {
      const years = calendarYearsStatus(user.regencyId, yearsInUse(new Date()));
      const provisional = years.filter((y) => y.status === 'provisional').map((y) => y.year);
      return Promise.resolve({ body: { years, provisional } });
    },
  }),
  implement(c.admin, {
    summary: 'Kalender libur: tahun resmi dan sementara, daftar bawaan dan semua perubahan admin (jejak audit)',
    tag: 'kalender',
    access: 'user',
    policy: { action: 'calendar.manage' },
    responses: { 200: 'Kalender', 401: 'Belum masuk', 403: 'Hanya admin' },
    handler: async ({ db, user }) => {
      const shipped = [...shippedNationalYears().values()].map((y) => ({
        year: y.year,
        decrees: y.decrees.map((d) => `${d.number} (${d.date})`),
        days: y.days.length,
      }));
      const years = [...new Set([...shipped.map((s) => s.year), ...yearsInUse(new Date())])].sort();
      const changes = (await listCalendarChanges(db)).filter(
        (c) => c.regencyId === null || c.regencyId === user.regencyId,
      );
      return { body: { status: calendarYearsStatus(user.regencyId, years), shipped, changes } };
    },
  }),
  implement(c.change, {
    summary:
      'Menambah daftar libur satu tahun (SKB), perubahannya, atau libur daerah kabupaten; berlaku tanpa restart dan menghitung ulang batas waktu tugas terbuka',
    tag: 'kalender',
    access: 'user',
    policy: { action: 'calendar.manage' },
    responses: { 201: 'Perubahan disimpan', 400: 'Data tidak sah', 401: 'Belum masuk', 403: 'Hanya admin' },
    handler: async ({ db, user, body }) => ({ status: 201, body: await applyCalendarChange(db, user, body) }),
  }),
];
