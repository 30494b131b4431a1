import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../engine/cli/runCli.ts';

const fixtures = join(import.meta.dirname, '../fixtures');
const validFolder = join(fixtures, 'valid/testkab');
const validFile = join(validFolder, 'minimal.yaml');
const invalidFile = join(fixtures, 'invalid/testkab/unknown-actor.yaml');
const shown = (path: string): string => relative(process.cwd(), path);

/** Runs the CLI with captured output. */
async function run(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
  });
  return { code, stdout, stderr };
}

const DIAGNOSTIC = /^(?<file>\S+):(?<line>\d+):(?<column>\d+) {2}(?<code>[A-Z_]+) {2}(?<message>\S.*)$/;

describe('alur validate', () => {
  it('accepts a valid regency folder with exit code 0; a rule reading an optional field without default is a warning', async () => {
    const { code, stdout, stderr } = await run('validate', validFolder);
    expect(code).toBe(0);
    expect(stdout).toBe(
      `${shown(validFile)}  PERINGATAN  Aturan membaca isian \`age\` yang boleh dikosongkan dan tidak punya nilai bawaan (\`default\`); bila kosong, aturan membaca nilai kosong. Beri \`default\` atau jadikan isian wajib.\n` +
        '2 berkas diperiksa, 0 kesalahan, 1 peringatan.\n',
    );
    expect(stderr).toBe('');
  });

  it('reports an invalid file as file:line:col  CODE  message with exit code 1', async () => {
    const { code, stdout, stderr } = await run('validate', invalidFile);
    expect(code).toBe(1);
    const lines = stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    const match = DIAGNOSTIC.exec(lines[0]!);
    expect(match?.groups).toEqual({
      file: shown(invalidFile),
      line: '11',
      column: '12',
      code: 'UNKNOWN_ACTOR',
      message:
        'Pelaksana `lokett` tidak dideklarasikan di bagian `actors`. Mungkin maksud Anda `loket`? Pelaksana yang ada: loket.',
    });
    expect(stderr).toBe('2 berkas diperiksa, 1 kesalahan.\n');
  });

  it('checks several paths at once and prints every error sorted by file', async () => {
    const other = join(fixtures, 'invalid/testkab/unknown-target.yaml');
    const { code, stdout } = await run('validate', other, invalidFile);
    expect(code).toBe(1);
    expect(
      stdout
        .trimEnd()
        .split('\n')
        .map((l) => DIAGNOSTIC.exec(l)?.groups?.code),
    ).toEqual(['UNKNOWN_ACTOR', 'UNKNOWN_TARGET']);
  });

  it('prints machine-readable errors with --json', async () => {
    const { code, stdout } = await run('validate', '--json', invalidFile);
    expect(code).toBe(1);
    const report = JSON.parse(stdout) as { valid: boolean; files: string[]; errors: Array<Record<string, unknown>> };
    expect(report.valid).toBe(false);
    expect(report.files).toContain(shown(invalidFile));
    expect(report.errors).toHaveLength(1);
    expect(report.errors[0]).toMatchObject({
      code: 'UNKNOWN_ACTOR',
      file: shown(invalidFile),
      line: 11,
      column: 12,
      path: '/steps/0/actor',
      params: { actor: 'lokett', candidate: 'loket' },
    });
    expect(report.errors[0]!.message).toContain('`lokett`');
    expect(report.errors[0]!.messageEn).toContain('`lokett`');
  });

  it('reports a valid folder as valid in --json', async () => {
    const { code, stdout } = await run('validate', validFolder, '--json');
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ valid: true, errors: [] });
  });

  it('speaks English with --lang en', async () => {
    const { code, stdout, stderr } = await run('validate', '--lang', 'en', invalidFile);
    expect(code).toBe(1);
    expect(DIAGNOSTIC.exec(stdout.trimEnd())?.groups?.message).toBe(
      'Actor `lokett` is not declared under `actors`. Did you mean `loket`? Known actors: loket.',
    );
    expect(stderr).toBe('2 file(s) checked, 1 error(s).\n');
  });

  it('exits with 2 when a path does not exist', async () => {
    const missing = join(fixtures, 'invalid/testkab/tidak-ada.yaml');
    const { code, stdout } = await run('validate', missing);
    expect(code).toBe(2);
    expect(stdout).toMatch(/ {2}IO_ERROR {2}Berkas tidak dapat dibaca: /);
    expect(stdout).toContain('tidak-ada.yaml');
  });

  it('prints usage and exits with 2 without arguments, without paths or with an unknown command', async () => {
    for (const argv of [[], ['validate'], ['check', validFile], ['print', validFile, invalidFile]]) {
      const { code, stdout, stderr } = await run(...argv);
      expect(code, argv.join(' ')).toBe(2);
      expect(stdout).toBe('');
      expect(stderr).toContain('Penggunaan / Usage:');
      expect(stderr).toContain('alur validate <berkas-atau-folder>');
    }
  });

  it('rejects an unknown option with exit code 2', async () => {
    const { code, stderr } = await run('validate', '--strict', validFile);
    expect(code).toBe(2);
    expect(stderr).toContain('--strict');
    expect(stderr).toContain('Penggunaan / Usage:');
  });

  it('prints usage on stdout with --help', async () => {
    const { code, stdout } = await run('--help');
    expect(code).toBe(0);
    expect(stdout).toContain('Penggunaan / Usage:');
  });
});

describe('alur print', () => {
  it('prints the normalised definition with parsed times', async () => {
    const { code, stdout, stderr } = await run('print', validFile);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    const definition = JSON.parse(stdout) as {
      id: string;
      steps: Array<{ id: string; next?: string; timeText?: string; time?: unknown; decision?: { mode: string } }>;
      actors: Array<{ id: string; performerRole: string }>;
      caseData: { schema: { properties: Record<string, unknown> } };
    };
    expect(definition.id).toBe('minimal');
    expect(definition.steps.map((s) => s.id)).toEqual(['pengajuan', 'verifikasi', 'persetujuan']);
    expect(definition.steps[0]!.next).toBe('verifikasi');
    expect(definition.steps[1]!.decision?.mode).toBe('rule');
    expect(definition.steps[1]!.time).toEqual({
      text: '30 menit',
      min: 30,
      max: 30,
      unit: 'minutes',
      perPerson: false,
    });
    expect(definition.steps[2]!.time).toEqual({
      text: '1 hari kerja',
      min: 1,
      max: 1,
      unit: 'workingDays',
      perPerson: false,
    });
    expect(definition.actors.find((a) => a.id === 'pemohon')?.performerRole).toBe('petugas');
    expect(Object.keys(definition.caseData.schema.properties)).toEqual(['nik', 'fullName', 'age']);
  });

  it('prints the errors of an invalid file on stderr with exit code 1', async () => {
    const { code, stdout, stderr } = await run('print', invalidFile);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(DIAGNOSTIC.exec(stderr.trimEnd())?.groups?.code).toBe('UNKNOWN_ACTOR');
  });

  it('exits with 2 when the file does not exist', async () => {
    const { code, stderr } = await run('print', join(fixtures, 'valid/testkab/tidak-ada.yaml'));
    expect(code).toBe(2);
    expect(stderr).toMatch(/IO_ERROR/);
  });
});
