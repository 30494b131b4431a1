import readXlsxFile from 'read-excel-file/node';
import { describe, expect, it } from 'vitest';
import { renderEvaluationHtml } from '../../engine/app/monitoring/evaluation/renderEvaluationHtml.ts';
import { revisionPoints } from '../../engine/app/monitoring/evaluation/revisionRules.ts';
import type { ReportTable } from '../../engine/app/monitoring/exports/reportTable.ts';
import { toCsv } from '../../engine/app/monitoring/exports/toCsv.ts';
import { toXlsx } from '../../engine/app/monitoring/exports/toXlsx.ts';
import { evaluationStep, quietReport, stepFigure } from './support/evaluationFixture.ts';

const table: ReportTable = {
  name: 'uji',
  columns: [
    { key: 'name', header: 'Nama, lengkap' },
    { key: 'value', header: 'Nilai' },
    { key: 'note', header: 'Catatan' },
  ],
  rows: [
    { name: 'Siti "Ani" Aminah', value: 12.5, note: 'baris\nkedua' },
    { name: '=HYPERLINK("http://x")', value: -3, note: '+62 812' },
    { name: '@SUM(A1)', value: null, note: null },
  ],
};

describe('CSV and XLSX exports', () => {
  it('CSV: UTF-8 BOM, CRLF lines, RFC 4180 quoting, numbers as numbers', () => {
    const text = toCsv(table).toString('utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(text.slice(1).split('\r\n')).toEqual([
      '"Nama, lengkap",Nilai,Catatan',
      '"Siti ""Ani"" Aminah",12.5,"baris\nkedua"',
      `"'=HYPERLINK(""http://x"")",-3,'+62 812`,
      "'@SUM(A1),,",
      '',
    ]);
  });

  it('CSV: text that a spreadsheet would run as a formula is neutralised, numbers are not touched', () => {
    const lines = toCsv(table).toString('utf8').split('\r\n');
    expect(lines[2]!.startsWith(`"'=`)).toBe(true);
    expect(lines[2]).toContain(',-3,');
  });

  it('XLSX: one sheet named after the report, header first, numbers stay numbers, text stays text', async () => {
    const sheets = await readXlsxFile(await toXlsx(table));
    expect(sheets.map((s) => s.sheet)).toEqual(['uji']);
    expect(sheets[0]!.data).toEqual([
      ['Nama, lengkap', 'Nilai', 'Catatan'],
      ['Siti "Ani" Aminah', 12.5, 'baris\nkedua'],
      ['=HYPERLINK("http://x")', -3, '+62 812'],
      ['@SUM(A1)', null, null],
    ]);
  });
});

describe('printable evaluation report', () => {
  it('escapes every value that comes from data', () => {
    const hostile = '<script>alert(1)</script>';
    const base = quietReport({
      sop: { ...quietReport().sop, name: `Layanan ${hostile}` },
      steps: [
        evaluationStep(
          stepFigure({
            activity: `Langkah <b>tebal</b> & "kutip"`,
            timed: 10,
            onTime: 5,
            onTimeRate: 0.5,
            exceededShare: 0.5,
          }),
        ),
      ],
    });
    const html = renderEvaluationHtml({ ...base, revisionPoints: revisionPoints(base) });
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<b>tebal</b>');
    expect(html).toContain('Layanan &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('Langkah &lt;b&gt;tebal&lt;/b&gt; &amp; &quot;kutip&quot;');
  });

  it('is an Indonesian A4 page with the letterhead, the figures and the proposals', () => {
    const base = quietReport({
      steps: [
        evaluationStep(stepFigure({ timed: 10, onTime: 6, onTimeRate: 0.6, exceededShare: 0.4, medianMinutes: 95 })),
      ],
    });
    const html = renderEvaluationHtml({ ...base, revisionPoints: revisionPoints(base) });
    expect(html).toMatch(/^<!doctype html>\n<html lang="id">/);
    expect(html).toContain('@page { size: A4');
    expect(html).toContain('Dinas Sosial Kabupaten Uji');
    expect(html).toContain('LAPORAN EVALUASI STANDAR OPERASIONAL PROSEDUR<br>TAHUN 2025');
    expect(html).toContain('<td class="n">1 jam 35 menit</td>');
    expect(html).toContain(
      '<li>Langkah «Verifikasi berkas» melebihi baku mutu waktu (1 jam) pada 40% kasus — tinjau waktu atau pelaksana.',
    );
    expect(html).toContain('IKM 88,89 — mutu pelayanan A (Sangat Baik), 10 responden');
    expect(html).toContain('5 Januari 2026');
  });
});
