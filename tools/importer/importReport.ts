import type { FormatMeasure, SopMeasure } from './measureFormat.ts';

/** Shares read correctly over a set of SOPs with references. */
export interface Totals {
  stepsSource: number;
  stepsFound: number;
  compared: number;
  activities: number;
  actors: number;
  times: number;
  outputs: number;
  outputsCompared: number;
}

/** Sums the scores of the SOPs that have a reference. */
export function totalsOf(sops: readonly SopMeasure[]): Totals {
  const totals: Totals = {
    stepsSource: 0,
    stepsFound: 0,
    compared: 0,
    activities: 0,
    actors: 0,
    times: 0,
    outputs: 0,
    outputsCompared: 0,
  };
  for (const { score } of sops) {
    if (!score) continue;
    totals.stepsSource += score.stepsSource;
    totals.stepsFound += score.stepsFound;
    totals.compared += score.compared;
    totals.activities += score.activities;
    totals.actors += score.actors;
    totals.times += score.times;
    totals.outputs += score.outputs;
    totals.outputsCompared += score.compared - score.outputsAddedInReference.length;
  }
  return totals;
}

/** A share as "96.6 %" (one decimal). */
export function percent(part: number, whole: number): string {
  return whole === 0 ? '–' : `${((100 * part) / whole).toFixed(1)} %`;
}

/** The markdown section of one format. */
export function formatSection(measure: FormatMeasure): string {
  const lines: string[] = [`## Format: ${measure.format}`, ''];
  if (measure.missing.length > 0) lines.push(`Berkas belum ada untuk format ini: ${measure.missing.join(', ')}.`, '');
  const scored = measure.sops.filter((s) => s.score);
  lines.push(
    '### Kutai Kartanegara (tabel langkah) dibanding definisi terbit',
    '',
    '| katalog | SOP | langkah ditemukan / sumber | uraian | pelaksana | waktu | keluaran |',
    '|---|---|---|---|---|---|---|',
  );
  for (const sop of scored) {
    const s = sop.score;
    if (!s) continue;
    const outputsCompared = s.compared - s.outputsAddedInReference.length;
    lines.push(
      `| ${sop.catalogId ?? '–'} | ${sop.name.slice(0, 60)} | ${s.stepsFound} / ${s.stepsSource} | ${percent(s.activities, s.compared)} | ${percent(s.actors, s.compared)} | ${percent(s.times, s.compared)} | ${percent(s.outputs, outputsCompared)} |`,
    );
  }
  const t = totalsOf(scored);
  lines.push(
    `| **jumlah** | ${scored.length} SOP | ${t.stepsFound} / ${t.stepsSource} | ${percent(t.activities, t.compared)} | ${percent(t.actors, t.compared)} | ${percent(t.times, t.compared)} | ${percent(t.outputs, t.outputsCompared)} |`,
    '',
  );
  const added = scored.flatMap((s) => [
    ...(s.score?.addedInReference ?? []).map(
      (id) => `- ${s.catalogId}: langkah \`${id}\` ditambahkan definisi terbit (tidak tercetak di dokumen).`,
    ),
    ...(s.score?.flowAddedInReference ?? []).map(
      (f) => `- ${s.catalogId}: ${f} — alur tambahan definisi terbit, tidak tercetak di dokumen.`,
    ),
    ...(s.score?.outputsAddedInReference ?? []).map(
      (o) =>
        `- ${s.catalogId}: baris ${o} — keluaran ditambahkan definisi terbit; sel Output dokumen kosong (tidak dihitung).`,
    ),
  ]);
  const misses = scored.flatMap((s) => (s.score?.misses ?? []).map((m) => `- ${s.catalogId} baris ${m}`));
  if (added.length > 0) lines.push('Perbedaan yang disengaja pada definisi terbit:', '', ...added, '');
  if (misses.length > 0) lines.push('Bagian yang terbaca salah:', '', ...misses, '');
  const others = measure.sops.filter((s) => !s.score);
  const bySource = new Map<string, SopMeasure[]>();
  for (const sop of others) bySource.set(sop.source, [...(bySource.get(sop.source) ?? []), sop]);
  lines.push(
    '### Sumber lain dibanding katalog seeds',
    '',
    '| sumber | jenis | draf | cocok katalog | draf sah | langkah | Jangka Waktu terbaca |',
    '|---|---|---|---|---|---|---|',
  );
  for (const [source, sops] of bySource) {
    const notFound = measure.notFound.filter((c) => c.source === source).length;
    const matched = sops.filter((s) => s.catalogId !== undefined).length;
    const durations = sops.filter((s) => s.durationRead !== undefined);
    lines.push(
      `| ${source} | ${sops[0]?.detail ?? ''} | ${sops.length} | ${matched} / ${matched + notFound} | ${sops.filter((s) => s.valid).length} | ${sops.reduce((n, s) => n + s.stepsFound, 0)} | ${durations.length > 0 ? percent(durations.filter((d) => d.durationRead).length, durations.length) : '–'} |`,
    );
  }
  lines.push('', ...standardSection(measure.sops));
  return lines.join('\n');
}

/** The table of service standards against their hand-checked expectations (empty when none was imported). */
function standardSection(sops: readonly SopMeasure[]): string[] {
  const checked = sops.filter((s) => s.standard);
  if (checked.length === 0) return [];
  const lines = [
    '### Standar Pelayanan Bangkalan dibanding harapan yang diperiksa tangan',
    '',
    '`tests/fixtures/expected/bangkalan-standar-pelayanan-2025.json` (baris sumber disebut per layanan).',
    '',
    '| katalog | layanan | langkah prosedur | persyaratan | Jangka Waktu | Produk |',
    '|---|---|---|---|---|---|',
  ];
  const mark = (ok: boolean): string => (ok ? 'benar' : 'salah');
  let right = 0;
  for (const sop of checked) {
    const c = sop.standard!;
    right +=
      Number(c.procedureSteps.found === c.procedureSteps.expected) +
      Number(c.requirements.found === c.requirements.expected) +
      Number(c.duration) +
      Number(c.product);
    lines.push(
      `| ${sop.catalogId ?? '–'} | ${sop.name.slice(0, 60)} | ${c.procedureSteps.found} / ${c.procedureSteps.expected} | ${c.requirements.found} / ${c.requirements.expected} | ${mark(c.duration)} | ${mark(c.product)} |`,
    );
  }
  lines.push('', `Bagian yang cocok: ${right} dari ${checked.length * 4} (${percent(right, checked.length * 4)}).`, '');
  return lines;
}
