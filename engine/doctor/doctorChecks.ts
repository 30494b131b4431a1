import { X509Certificate } from 'node:crypto';
import { accessSync, constants, existsSync, mkdirSync, statfsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Knex } from 'knex';
import { readServerLock } from '../backup/serverLock.ts';
import { backupScheduleFromEnv } from '../backup/scheduledBackup.ts';
import { TransportConfigError, transportFromEnv } from '../server/transportMode.ts';
import { databaseTargetFromEnv, describeTarget, openDatabase } from '../storage/database.ts';
import { knownMigrations } from '../storage/migrate.ts';
import { demoUsersWanted } from '../app/demoUsers.ts';
import { nationalCalendarStatus } from '../calendar/nationalCalendar.ts';
import { calendarCoverage } from './calendarCoverage.ts';

/** One finding: ok, a warning (works, but should be fixed), or a problem that blocks running Alur. */
export interface Finding {
  level: 'ok' | 'warning' | 'problem';
  topic: string;
  message: string;
  /** How to fix it (warnings and problems). */
  fix?: string;
}

const ok = (topic: string, message: string): Finding => ({ level: 'ok', topic, message });
const warn = (topic: string, message: string, fix: string): Finding => ({ level: 'warning', topic, message, fix });
const problem = (topic: string, message: string, fix: string): Finding => ({ level: 'problem', topic, message, fix });

/** Database reachable and migrated (asks the running server when one holds the PGlite folder). */
export async function checkDatabase(env: NodeJS.ProcessEnv): Promise<Finding[]> {
  const target = databaseTargetFromEnv(env);
  const where = describeTarget(target);
  if (target.kind === 'pglite' && target.dataDir !== undefined) {
    const lock = readServerLock(target.dataDir);
    if (lock) {
      try {
        const health = await fetch(`${lock.url}/api/health`);
        return health.ok
          ? [
              ok(
                'Basis data',
                `${where} dipegang server yang sedang berjalan (pid ${lock.pid}) dan sehat; migrasi dijalankan server saat start.`,
              ),
            ]
          : [
              problem(
                'Basis data',
                `Server pid ${lock.pid} menjawab /api/health dengan HTTP ${health.status}.`,
                'Lihat log server; mulai ulang server.',
              ),
            ];
      } catch {
        return [
          warn(
            'Basis data',
            `${where} dipegang server pid ${lock.pid}, tetapi ${lock.url} tidak menjawab dari sini.`,
            'Periksa apakah server macet; bila perlu hentikan dan mulai ulang.',
          ),
        ];
      }
    }
    if (!existsSync(resolve(target.dataDir, 'PG_VERSION')))
      return [
        warn(
          'Basis data',
          `${where} belum ada; dibuat saat "npm start" pertama.`,
          'Jalankan npm start, atau set ALUR_DATA_DIR ke folder data yang benar.',
        ),
      ];
  }
  let db: Knex | undefined;
  try {
    db = openDatabase(target);
    await db.raw('SELECT 1');
    const hasTable = (await db.raw(`SELECT to_regclass('public.knex_migrations') AS t`)) as {
      rows: Array<{ t: string | null }>;
    };
    const ran =
      hasTable.rows[0]?.t === null
        ? []
        : ((await db.raw('SELECT name FROM knex_migrations')) as { rows: Array<{ name: string }> }).rows.map(
            (r) => r.name,
          );
    const pending = knownMigrations().filter((m) => !ran.includes(m));
    const unknown = ran.filter((m) => !knownMigrations().includes(m));
    if (unknown.length > 0)
      return [
        problem(
          'Basis data',
          `${where} sudah dimigrasi oleh versi Alur yang lebih baru (${unknown.join(', ')}).`,
          'Perbarui Alur ke versi yang sama (git pull, npm ci) sebelum menjalankannya.',
        ),
      ];
    return [
      pending.length === 0
        ? ok('Basis data', `${where} terjangkau, semua ${ran.length} migrasi sudah dijalankan.`)
        : warn(
            'Basis data',
            `${where} terjangkau; ${pending.length} migrasi belum dijalankan (${pending.join(', ')}).`,
            'Tidak perlu tindakan: npm start menjalankannya sendiri (dengan pemilik skema terpisah: npx alur migrate). Buat cadangan dulu sebelum upgrade.',
          ),
      ...(target.kind === 'postgres' && hasTable.rows[0]?.t !== null ? [await checkServerLogin(db)] : []),
    ];
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return [
      problem(
        'Basis data',
        `${where} tidak terjangkau (${reason}).`,
        target.kind === 'postgres'
          ? 'Periksa DATABASE_URL (host, port, nama basis data, pengguna) dan apakah PostgreSQL berjalan.'
          : 'Periksa ALUR_DATA_DIR dan izin tulis folder itu.',
      ),
    ];
  } finally {
    await db?.destroy();
  }
}

/** Whether the server's PostgreSQL login is the ordinary one SECURITY.md asks for (not superuser, owns no table). */
async function checkServerLogin(db: Knex): Promise<Finding> {
  const row = (
    (await db.raw(
      `SELECT current_user AS login, rolsuper AS superuser, rolbypassrls AS bypass,
              pg_has_role(current_user, (SELECT relowner FROM pg_class WHERE oid = 'public.knex_migrations'::regclass), 'MEMBER') AS owner
         FROM pg_roles WHERE rolname = current_user`,
    )) as { rows: Array<{ login: string; superuser: boolean; bypass: boolean; owner: boolean }> }
  ).rows[0]!;
  const fix =
    'Buat dua login seperti SECURITY.md (pemilik skema untuk migrasi, login biasa untuk server): ALUR_MIGRATION_DATABASE_URL=<pemilik> npx alur migrate, lalu DATABASE_URL=<login biasa> npm start.';
  if (row.superuser || row.bypass)
    return warn(
      'Login basis data',
      `Server masuk sebagai ${row.login}, superuser: ia melewati keamanan baris dan dapat mengubah jejak audit.`,
      fix,
    );
  if (row.owner)
    return warn(
      'Login basis data',
      `Server masuk sebagai ${row.login}, pemilik skema: ia dapat mematikan trigger dan keamanan baris sehingga jejak audit dapat diubah.`,
      fix,
    );
  return ok('Login basis data', `Server masuk sebagai ${row.login}, login biasa; pemilik skema terpisah.`);
}

/** Public address, TLS or plain HTTP, and the listening address. */
export function checkAddress(env: NodeJS.ProcessEnv, now = new Date()): Finding[] {
  const findings: Finding[] = [];
  let transport;
  try {
    transport = transportFromEnv(env);
  } catch (error) {
    const variable = error instanceof TransportConfigError ? error.variable : 'ALUR_TLS_CERT';
    return [
      problem('Alamat dan TLS', (error as Error).message, `Perbaiki ${variable} lalu jalankan alur doctor lagi.`),
    ];
  }
  const host = env.HOST ?? '127.0.0.1';
  if (host === '127.0.0.1' || host === 'localhost' || host === '::1')
    findings.push(
      warn(
        'Alamat',
        `HOST=${host}: Alur hanya bisa dibuka dari komputer ini.`,
        'Set HOST=0.0.0.0 (semua antarmuka) dan buka port di firewall (mis. ufw allow 3000/tcp), atau pasang nginx di depannya.',
      ),
    );
  else findings.push(ok('Alamat', `Mendengarkan di ${host}:${env.PORT ?? '3000'}.`));
  if (!transport.publicUrl)
    findings.push(
      warn(
        'Alamat publik',
        'ALUR_PUBLIC_URL belum diatur: tanda terima dan QR surat memakai alamat komputer petugas.',
        'Set ALUR_PUBLIC_URL ke alamat yang dibuka pemohon dan pegawai, mis. https://alur.dinsos.example.go.id atau http://192.168.1.10:3000.',
      ),
    );
  else findings.push(ok('Alamat publik', `ALUR_PUBLIC_URL = ${transport.publicUrl}.`));
  if (transport.tls) {
    try {
      const cert = new X509Certificate(transport.tls.cert);
      const expires = new Date(cert.validTo);
      const days = Math.floor((expires.getTime() - now.getTime()) / 86_400_000);
      if (days < 0)
        findings.push(
          problem(
            'TLS',
            `Sertifikat ${transport.tls.certFile} kedaluwarsa pada ${expires.toISOString().slice(0, 10)}.`,
            'Perbarui sertifikat (mis. certbot renew) lalu mulai ulang Alur.',
          ),
        );
      else if (days < 30)
        findings.push(
          warn('TLS', `Sertifikat berlaku tinggal ${days} hari.`, 'Perbarui sertifikat sebelum kedaluwarsa.'),
        );
      else
        findings.push(
          ok('TLS', `Alur melayani HTTPS sendiri; sertifikat berlaku sampai ${expires.toISOString().slice(0, 10)}.`),
        );
    } catch {
      findings.push(
        problem(
          'TLS',
          `${transport.tls.certFile} bukan sertifikat PEM yang sah.`,
          'Isi ALUR_TLS_CERT dengan berkas sertifikat PEM (fullchain).',
        ),
      );
    }
  } else if (transport.https)
    findings.push(
      ok('TLS', 'HTTPS diakhiri proxy di depan Alur (ALUR_PUBLIC_URL https://): cookie Secure dan HSTS aktif.'),
    );
  else
    findings.push(
      warn(
        'TLS',
        'HTTP biasa: kata sandi dan data pribadi lewat jaringan tanpa enkripsi.',
        'Untuk jaringan kantor tertutup boleh; selain itu pasang nginx dengan TLS (lihat README) atau set ALUR_TLS_CERT dan ALUR_TLS_KEY.',
      ),
    );
  return findings;
}

/** The working calendar holds the official holiday list (SKB) for this year and next; a year without one is provisional. */
export function checkCalendar(now = new Date()): Finding[] {
  return [now.getFullYear(), now.getFullYear() + 1].map((year) => {
    const coverage = calendarCoverage(year);
    if (nationalCalendarStatus(year).status === 'official')
      return ok('Kalender kerja', `Tahun ${year}: ${coverage.holidays} hari libur dimuat (daftar SKB resmi).`);
    return warn(
      'Kalender kerja',
      `Kalender ${year} belum ditetapkan: hanya ${coverage.holidays} hari libur tanggal tetap yang dikenal; batas waktu di tahun itu bertanda sementara.`,
      'Setelah SKB hari libur nasional dan cuti bersama tahun itu terbit, admin memasukkannya di /kalender (atau perbarui Alur).',
    );
  });
}

/** Demo accounts on or off. */
export function checkDemoUsers(env: NodeJS.ProcessEnv): Finding[] {
  // Off by default on a PostgreSQL server, on by default on the embedded database.
  return !demoUsersWanted(env, databaseTargetFromEnv(env))
    ? [ok('Akun demo', 'Akun demo tidak dibuat (dan yang sudah ada dinonaktifkan saat server mulai).')]
    : [
        warn(
          'Akun demo',
          'Akun demo aktif: setiap peran punya akun dengan kata sandi umum "alur-demo".',
          'Untuk pemakaian nyata set ALUR_DEMO_USERS=0 dan nonaktifkan akun demo yang sudah ada.',
        ),
      ];
}

/** Daily backups configured, folder writable. */
export function checkBackups(env: NodeJS.ProcessEnv): Finding[] {
  const schedule = backupScheduleFromEnv(env);
  if (schedule.dir === undefined)
    return [
      warn(
        'Cadangan',
        'ALUR_BACKUP_DIR belum diatur: tidak ada cadangan harian.',
        'Set ALUR_BACKUP_DIR ke folder di disk lain (dan ALUR_BACKUP_KEEP, bawaan 7); salin isinya ke luar server secara berkala.',
      ),
    ];
  try {
    mkdirSync(schedule.dir, { recursive: true });
    accessSync(schedule.dir, constants.W_OK);
    return [ok('Cadangan', `Cadangan harian ke ${resolve(schedule.dir)}, ${schedule.keep} berkas terakhir disimpan.`)];
  } catch {
    return [
      problem(
        'Cadangan',
        `Folder cadangan ${resolve(schedule.dir)} tidak dapat ditulis.`,
        'Buat folder itu dan beri izin tulis kepada pengguna yang menjalankan Alur.',
      ),
    ];
  }
}

/** Free disk space where the data and the backups live. */
export function checkDisk(env: NodeJS.ProcessEnv): Finding[] {
  const target = databaseTargetFromEnv(env);
  const places = new Set<string>();
  places.add(resolve(target.kind === 'pglite' && target.dataDir !== undefined ? resolve(target.dataDir, '..') : '.'));
  const backupDir = backupScheduleFromEnv(env).dir;
  if (backupDir !== undefined && existsSync(backupDir)) places.add(resolve(backupDir));
  const findings: Finding[] = [];
  for (const wanted of places) {
    // A folder not created yet lives on the disk of its nearest existing parent.
    let place = wanted;
    while (!existsSync(place) && dirname(place) !== place) place = dirname(place);
    const stats = statfsSync(place);
    const freeGb = (stats.bavail * stats.bsize) / 1024 ** 3;
    const text = `${freeGb.toFixed(1)} GB kosong di ${place}.`;
    if (freeGb < 0.5)
      findings.push(
        problem('Ruang disk', text, 'Kosongkan disk atau pindahkan data/cadangan ke disk yang lebih besar.'),
      );
    else if (freeGb < 5)
      findings.push(warn('Ruang disk', text, 'Sediakan ruang lebih: lampiran dan cadangan harian terus bertambah.'));
    else findings.push(ok('Ruang disk', text));
  }
  return findings;
}

/** Every check, in the order they are printed. */
export async function runDoctorChecks(env: NodeJS.ProcessEnv, now = new Date()): Promise<Finding[]> {
  return [
    ...(await checkDatabase(env)),
    ...checkAddress(env, now),
    ...checkCalendar(now),
    ...checkDemoUsers(env),
    ...checkBackups(env),
    ...checkDisk(env),
  ];
}
