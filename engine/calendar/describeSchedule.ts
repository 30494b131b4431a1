import type { Schedule } from '../definition/sopTypes.ts';
import { INDONESIAN_MONTHS } from '../time/indonesianMonths.ts';

const WEEKDAYS = ['Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu', 'Minggu'];
const PREVIOUS = { week: 'minggu sebelumnya', month: 'bulan sebelumnya', year: 'tahun sebelumnya' };
const CURRENT = { week: 'minggu berjalan', month: 'bulan berjalan', year: 'tahun berjalan' };

/** A scheduled SOP's schedule in the words of the printed SOP: "Dibuka otomatis setiap bulan tanggal 1 …". */
export function describeSchedule(schedule: Schedule): string {
  const day = schedule.day ?? 1;
  const when =
    schedule.every === 'week'
      ? `setiap minggu hari ${WEEKDAYS[day - 1] ?? day}`
      : schedule.every === 'month'
        ? `setiap bulan tanggal ${day}`
        : `setiap tahun tanggal ${day} ${INDONESIAN_MONTHS[(schedule.month ?? 1) - 1]}`;
  const period = (schedule.period === 'previous' ? PREVIOUS : CURRENT)[schedule.every];
  return `Dibuka otomatis ${when} pada jam buka kantor (bila hari libur: hari kerja berikutnya), untuk ${period}.`;
}
