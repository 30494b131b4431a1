import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { computeDeadline, provisionalYears } from '../calendar/computeDeadline.ts';
import { buildWorkingCalendar, type WorkingCalendar } from '../calendar/workingCalendar.ts';
import { loadRegencySource } from '../definition/loadDefinitionSource.ts';
import type { ClockKind } from '../definition/sopTypes.ts';
import { parseDuration } from '../time/parseDuration.ts';
import type { CliStreams } from './runCli.ts';

const USAGE = `Penggunaan: alur deadline --regency <id> --from <TTTT-BB-HHTJJ:MM> --time "<Baku Mutu Waktu>" [--clock calendar|office] [--definitions <folder>]
  --from   waktu mulai dalam jam setempat kabupaten, misalnya 2026-03-17T09:00
  --clock  office (bawaan: jam kerja) atau calendar (24 jam)
`;
const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/** Writes an instant as ISO 8601 in the regency's local time with its offset, e.g. 2026-03-30T09:00:00+07:00. */
export function formatLocalIso(instant: Date, calendar: WorkingCalendar): string {
  const local = new Date(instant.getTime() + calendar.offsetMinutes * 60_000).toISOString().slice(0, 19);
  const sign = calendar.offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(calendar.offsetMinutes);
  return `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

function fail(streams: CliStreams, message: string): number {
  streams.stderr.write(`Galat: ${message}\n`);
  return 1;
}

/**
 * `alur deadline`: answers "when is this due?" with the code the engine uses (regency calendar, national
 * SKB list, clock), so a drafter can check a Baku Mutu Waktu before publishing.
 */
export function runDeadlineCommand(argv: string[], streams: CliStreams): number {
  let values;
  try {
    values = parseArgs({
      args: argv,
      options: {
        regency: { type: 'string' },
        from: { type: 'string' },
        time: { type: 'string' },
        clock: { type: 'string' },
        definitions: { type: 'string' },
      },
    }).values;
  } catch (error) {
    return fail(streams, `${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
  }
  if (values.regency === undefined || values.from === undefined || values.time === undefined)
    return fail(streams, `--regency, --from dan --time wajib diisi.\n\n${USAGE}`);
  const clock = values.clock ?? 'office';
  if (clock !== 'office' && clock !== 'calendar')
    return fail(streams, `--clock "${clock}" tidak dikenal. Tulis office (jam kerja) atau calendar (24 jam).`);
  const file = join(values.definitions ?? 'sop-definitions', values.regency, 'regency.yaml');
  if (!/^[a-z0-9-]+$/.test(values.regency) || !existsSync(file))
    return fail(
      streams,
      `kabupaten "${values.regency}" tidak ditemukan (${file}). Tulis nama folder di sop-definitions/.`,
    );
  const load = loadRegencySource(readFileSync(file), file, values.regency);
  if (!load.regency)
    return fail(streams, `${file} tidak sah: ${load.errors[0]?.message ?? 'periksa dengan alur validate'}`);
  const calendar = buildWorkingCalendar(load.regency.calendar, load.regency.id);
  const match = LOCAL.exec(values.from);
  const [, y, mo, d, h, mi] = match ?? [];
  const localMs = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi));
  if (!match || new Date(localMs).toISOString().slice(0, 16) !== values.from)
    return fail(
      streams,
      `--from "${values.from}" bukan waktu yang sah. Tulis TTTT-BB-HHTJJ:MM, misalnya 2026-03-17T09:00.`,
    );
  const parsed = parseDuration(values.time);
  if (parsed.kind === 'none')
    return fail(streams, `waktu "${values.time}" berarti tanpa batas waktu; tidak ada tenggat.`);
  if (parsed.kind === 'invalid')
    return fail(
      streams,
      `waktu "${values.time}" tidak dapat dibaca. Tulis seperti "5 menit", "1 hari kerja", "1 x 24 jam".`,
    );
  if (parsed.kind === 'partial')
    return fail(
      streams,
      `waktu "${values.time}" memuat dua waktu: bagian "${parsed.part}" (kolom ${parsed.column}) tidak dipakai. Pilih satu waktu.`,
    );
  const start = new Date(localMs - calendar.offsetMinutes * 60_000);
  const due = computeDeadline(calendar, start, parsed.duration, 1, clock as ClockKind);
  streams.stdout.write(`${formatLocalIso(due, calendar)}\n`);
  const provisional = provisionalYears(calendar, start, due);
  if (provisional.length > 0)
    streams.stderr.write(
      `Peringatan: Kalender ${provisional.join(', ')} belum ditetapkan (SKB belum ada di Alur); tenggat ini sementara.\n`,
    );
  return 0;
}
