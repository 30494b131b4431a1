import { INDONESIAN_MONTHS } from '../../../time/indonesianMonths.ts';
import { SURVEY_QUESTIONS } from '../satisfaction/surveyElements.ts';
import { escapeHtml as e } from './escapeHtml.ts';
import type { EvaluationReport } from './evaluationTypes.ts';
import { formatLocalDate, formatMinutes, formatNumber, formatPercent } from './formatId.ts';

const SEVERITY = { tinggi: 'Prioritas tinggi', sedang: 'Prioritas sedang', rendah: 'Prioritas rendah' } as const;

const STYLE = `
@page { size: A4; margin: 18mm 16mm; }
body { font-family: "Times New Roman", serif; font-size: 11pt; color: #000; max-width: 190mm; margin: 0 auto; padding: 8mm 0; }
.kop { text-align: center; border-bottom: 3px double #000; padding-bottom: 6px; margin-bottom: 14px; }
.kop .parent { font-size: 12pt; font-weight: bold; } .kop .office { font-size: 14pt; font-weight: bold; } .kop .address { font-size: 9.5pt; }
h1 { font-size: 13pt; text-align: center; margin: 10px 0 14px; } h2 { font-size: 11.5pt; margin: 16px 0 6px; }
table { width: 100%; border-collapse: collapse; margin: 4px 0 8px; page-break-inside: auto; } tr { page-break-inside: avoid; }
th, td { border: 1px solid #000; padding: 3px 5px; vertical-align: top; text-align: left; } th { background: #eee; }
td.n { text-align: right; white-space: nowrap; } table.id td { border: none; padding: 1px 4px; } table.id td:first-child { width: 32%; }
.note { font-size: 9pt; color: #333; } .empty { font-style: italic; }
.sign { margin-top: 28px; margin-left: 55%; } .sign .name { margin-top: 60px; font-weight: bold; text-decoration: underline; }
@media screen { body { padding: 16px; } }`;

function table(headers: string[], rows: string[][], numeric: ReadonlySet<number> = new Set()): string {
  if (rows.length === 0) return '<p class="empty">Tidak ada data.</p>';
  const head = `<tr>${headers.map((h) => `<th>${e(h)}</th>`).join('')}</tr>`;
  const body = rows
    .map((r) => `<tr>${r.map((c, i) => `<td${numeric.has(i) ? ' class="n"' : ''}>${e(c)}</td>`).join('')}</tr>`)
    .join('');
  return `<table>${head}${body}</table>`;
}

function identity(r: EvaluationReport): string {
  const rows: Array<[string, string]> = [
    ['Nama SOP', r.sop.name],
    ['Nomor SOP', r.sop.number ?? '–'],
    ['Unit pelaksana', r.sop.unitName ?? '–'],
    ['Versi yang berlaku', String(r.sop.version)],
    ['Tanggal efektif / revisi', `${r.sop.effective ?? '–'} / ${r.sop.revised ?? '–'}`],
    ['Jangka waktu layanan', r.sop.duration?.text ?? 'belum ditetapkan'],
    ['Periode evaluasi', `1 Januari – 31 Desember ${r.year}`],
  ];
  return `<table class="id">${rows.map(([k, v]) => `<tr><td>${e(k)}</td><td>: ${e(v)}</td></tr>`).join('')}</table>`;
}

function summary(r: EvaluationReport): string {
  const t = r.volume.totals;
  const time = r.timeliness;
  const rows = [
    ['Kasus dibuka', formatNumber(t.opened)],
    [
      'Kasus diputus (selesai / ditolak / dirujuk)',
      `${formatNumber(t.selesai)} / ${formatNumber(t.ditolak)} / ${formatNumber(t.dirujuk)}`,
    ],
    ['Kasus dibatalkan', formatNumber(t.cancelled)],
    [
      'Diputus dalam Jangka Waktu',
      time ? `${formatPercent(time.caseOnTimeRate)} (${time.onTimeCases} dari ${time.timedCases})` : '–',
    ],
    [
      'Lama kasus: median / persentil ke-90',
      time ? `${formatMinutes(time.medianCaseMinutes)} / ${formatMinutes(time.p90CaseMinutes)}` : '–',
    ],
    [
      'Langkah selesai dalam baku mutu',
      time ? `${formatPercent(time.stepOnTimeRate)} (${time.onTimeSteps} dari ${time.timedSteps})` : '–',
    ],
    ['Pengaduan tentang layanan ini', formatNumber(r.complaints?.complaints ?? 0)],
    [
      'Indeks Kepuasan Masyarakat',
      r.satisfaction
        ? `${formatNumber(r.satisfaction.ikm, 2)} (mutu ${r.satisfaction.grade}, ${r.satisfaction.performance}; ${r.satisfaction.responses} responden)`
        : 'belum ada responden',
    ],
  ];
  return table(['Ukuran', 'Nilai'], rows, new Set([1]));
}

function monthly(r: EvaluationReport): string {
  const rows = r.volume.points.map((p) => [
    INDONESIAN_MONTHS[Number(p.period.slice(5, 7)) - 1] ?? p.period,
    String(p.opened),
    String(p.closed),
    String(p.selesai),
    String(p.ditolak),
    String(p.dirujuk),
    String(p.cancelled),
  ]);
  return table(
    ['Bulan', 'Dibuka', 'Berakhir', 'Selesai', 'Ditolak', 'Dirujuk', 'Dibatalkan'],
    rows,
    new Set([1, 2, 3, 4, 5, 6]),
  );
}

function steps(r: EvaluationReport): string {
  const rows = r.steps.map((s, i) => [
    String(i + 1),
    s.activity,
    s.standard?.text ?? '–',
    String(s.figure?.visits ?? 0),
    String(s.figure?.completed ?? 0),
    formatMinutes(s.figure?.medianMinutes ?? null),
    formatMinutes(s.figure?.p90Minutes ?? null),
    formatPercent(s.figure?.onTimeRate ?? null),
  ]);
  return `${table(['No', 'Langkah', 'Baku mutu', 'Kunjungan', 'Selesai', 'Median', 'Persentil ke-90', 'Tepat waktu'], rows, new Set([0, 3, 4, 5, 6, 7]))}
<p class="note">Lama langkah diukur dalam waktu jam dinding sejak langkah dimulai sampai selesai. Tepat waktu berarti selesai sebelum batas waktu yang dihitung mesin dari baku mutu pada kalender kerja kabupaten (hari dan jam kerja, hari libur dan cuti bersama).</p>`;
}

function sendBackSection(r: EvaluationReport): string {
  const rows = r.steps
    .filter((s) => s.sendBack)
    .map((s) => [
      s.activity,
      String(s.sendBack!.sendBacks),
      formatPercent(s.sendBack!.sendBackRate),
      s.sendBack!.missing.map((m) => `${m.label} (${m.times})`).join(', ') || '–',
    ]);
  const docs = r.missingDocuments.map((m) => [m.label, String(m.times), String(m.cases)]);
  return `${table(['Langkah', 'Dikembalikan', 'Dari kunjungan', 'Dokumen kurang'], rows, new Set([1, 2]))}<h2>Dokumen yang paling sering kurang</h2>${table(['Dokumen', 'Kali', 'Kasus'], docs, new Set([1, 2]))}`;
}

function rejectionSection(r: EvaluationReport): string {
  const rate = r.rejections.rate;
  const head = rate
    ? `<p>${e(`${rate.rejected} dari ${rate.decided} kasus yang diputus ditolak (${formatPercent(rate.rejectionRate)}).`)}</p>`
    : '';
  const source = {
    manual: 'Ditolak dengan alasan tertulis',
    decision: 'Keputusan pada langkah',
    flow: 'Alur SOP',
  } as const;
  const reasons = r.rejections.reasons.map((x) => [
    x.reason,
    x.source === 'decision' ? `${source.decision} «${x.activity}»` : source[x.source],
    String(x.cases),
    formatPercent(x.share),
  ]);
  const criteria = r.rejections.failedCriteria.map((c) => [c.text, String(c.cases)]);
  return `${head}${table(['Alasan', 'Sumber', 'Kasus', 'Bagian'], reasons, new Set([2, 3]))}<h2>Kriteria Sasaran yang tidak terpenuhi</h2>${table(['Kriteria', 'Kasus'], criteria, new Set([1]))}`;
}

function satisfactionSection(r: EvaluationReport): string {
  const s = r.satisfaction;
  if (!s) return '<p class="empty">Belum ada jawaban Survei Kepuasan Masyarakat pada periode ini.</p>';
  const rows = SURVEY_QUESTIONS.map((q) => [
    q.code,
    q.name,
    formatNumber(s.elements[q.element], 2),
    formatNumber(s.elements[q.element] * 25, 2),
  ]);
  return `<p>${e(`IKM ${formatNumber(s.ikm, 2)} — mutu pelayanan ${s.grade} (${s.performance}), ${s.responses} responden (PermenPANRB Nomor 14 Tahun 2017).`)}</p>${table(['Kode', 'Unsur', 'Nilai rata-rata', 'Nilai konversi'], rows, new Set([2, 3]))}`;
}

function proposals(r: EvaluationReport): string {
  if (r.revisionPoints.length === 0)
    return '<p>Data tahun ini tidak menunjukkan bagian SOP yang perlu direvisi; SOP dapat dipertahankan.</p>';
  return `<ol>${r.revisionPoints.map((p) => `<li>${e(p.text)} <span class="note">(${e(SEVERITY[p.severity])})</span></li>`).join('')}</ol>`;
}

function signature(r: EvaluationReport): string {
  const head = r.regency.office.head;
  if (!head) return '';
  return `<div class="sign"><div>${e(formatLocalDate(r.generatedAt, r.offsetMinutes))}</div><div>${e(head.title)}</div><div class="name">${e(head.name)}</div>${head.nip ? `<div>NIP. ${e(head.nip)}</div>` : ''}</div>`;
}

/** The evaluation report as a printable Indonesian HTML page; every value from data is escaped. */
export function renderEvaluationHtml(r: EvaluationReport): string {
  const office = r.regency.office;
  return `<!doctype html>
<html lang="id"><head><meta charset="utf-8"><title>${e(`Evaluasi SOP ${r.sop.name} ${r.year}`)}</title><style>${STYLE}</style></head>
<body>
<div class="kop">${office.parent ? `<div class="parent">${e(office.parent)}</div>` : ''}<div class="office">${e(office.name)}</div>${office.address ? `<div class="address">${e([office.address, office.phone, office.email].filter(Boolean).join(' · '))}</div>` : ''}</div>
<h1>LAPORAN EVALUASI STANDAR OPERASIONAL PROSEDUR<br>TAHUN ${e(r.year)}</h1>
${identity(r)}
<h2>A. Ringkasan</h2>${summary(r)}
<h2>B. Kasus per bulan</h2>${monthly(r)}
<h2>C. Ketepatan waktu per langkah</h2>${steps(r)}
<h2>D. Pengembalian berkas</h2>${sendBackSection(r)}
<h2>E. Penolakan</h2>${rejectionSection(r)}
<h2>F. Kepuasan masyarakat</h2>${satisfactionSection(r)}
<h2>G. Usulan revisi</h2>${proposals(r)}
<p class="note">Semua angka dihitung dari jejak peristiwa kasus di Alur pada ${e(formatLocalDate(r.generatedAt, r.offsetMinutes))}.</p>
${signature(r)}
</body></html>`;
}
