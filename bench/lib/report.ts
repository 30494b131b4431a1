import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { MachineDescription } from './machine.ts';
import type { PartResult, ResultTable, TargetCheck } from './types.ts';

/** One part as stored in results.json. */
export interface StoredPart extends Omit<PartResult, 'tables' | 'notes'> {
  measuredAt: string;
  mode: 'full' | 'quick';
  seconds: number;
  tables: ResultTable[];
  notes: string[];
  error?: string;
}

/** The results file: the issue's comparison keys at the top level, then everything else. */
export interface ResultsFile {
  [key: string]: unknown;
  generatedAt: string;
  machine: MachineDescription;
  targets: TargetCheck[];
  metrics: Record<string, number | null>;
  parts: Record<string, StoredPart>;
}

/** The keys every results.json carries (numbers, or null when that part could not be measured). */
export const REQUIRED_KEYS = [
  'engine_vs_bpmn_engine_ratio',
  'api_vs_pgbench_ratio',
  'api_p99_ms_c8',
  'inbox_p99_ms_1m',
  'scaleout_ratio',
  'scaleout_efficiency',
  'revalidate_500_lines_ms',
  'definitions_per_s',
] as const;

/** Reads an earlier results file, so running one part keeps the others' latest figures. */
export function readResults(file: string): Partial<ResultsFile> {
  if (!existsSync(file)) return {};
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Partial<ResultsFile>;
  } catch {
    return {};
  }
}

/** Builds the results file from the stored parts. */
export function buildResults(
  machine: MachineDescription,
  parts: Record<string, StoredPart>,
  extraTargets: TargetCheck[],
): ResultsFile {
  const metrics: Record<string, number | null> = {};
  for (const part of Object.values(parts)) Object.assign(metrics, part.metrics);
  const top = Object.fromEntries(REQUIRED_KEYS.map((k) => [k, metrics[k] ?? null]));
  return {
    ...top,
    generatedAt: new Date().toISOString(),
    machine,
    targets: [...Object.values(parts).flatMap((p) => p.targets), ...extraTargets],
    metrics,
    parts,
  };
}

const cell = (v: string | number | null | undefined): string =>
  v === null || v === undefined
    ? '—'
    : typeof v === 'number'
      ? Number.isFinite(v)
        ? String(v)
        : '—'
      : v.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** A markdown table. */
export function markdownTable(table: ResultTable): string {
  const lines = [
    `**${table.title}**`,
    '',
    `| ${table.header.map(cell).join(' | ')} |`,
    `|${table.header.map(() => '---').join('|')}|`,
  ];
  for (const row of table.rows) lines.push(`| ${row.map(cell).join(' | ')} |`);
  return lines.join('\n');
}

const verdict = (met: boolean | null): string => (met === null ? 'not measured' : met ? '**met**' : '**missed**');

/** Writes RESULTS.md: how to run, the machine, the keys and targets, what limits the missed ones, then every part's tables. */
export function renderMarkdown(results: ResultsFile, limits: Map<string, string>, howTo: string): string {
  const m = results.machine;
  const out: string[] = [
    '# Alur benchmarks',
    '',
    `Written by \`npm run bench\` on ${results.generatedAt}. Every figure is the median of at least 3 runs made in the same bench run, with its peer beside it where there is one; each part below says when it was measured.`,
    '',
    howTo,
    '',
  ];
  out.push(
    '## Machine',
    '',
    markdownTable({
      title: 'Where these numbers come from',
      header: ['what', 'value'],
      rows: [
        ['CPU', `${m.cpuModel}, ${m.cores} cores`],
        ['memory', `${m.memoryGb} GB`],
        ['OS', m.os],
        ['Node.js', m.node],
        ['PostgreSQL server', m.postgres],
        [
          'PostgreSQL settings',
          Object.entries(m.postgresSettings)
            .map(([k, v]) => `${k}=${v}`)
            .join(', '),
        ],
        ['pgbench', m.pgbench],
        [
          'commit',
          m.commit === null
            ? null
            : `${m.commit}${m.uncommittedFiles ? ` (+${m.uncommittedFiles} uncommitted files in the work tree)` : ''}`,
        ],
        ['load average when the run started (1/5/15 min)', m.loadAverageAtStart.join(' / ')],
      ],
    }),
    '',
  );
  out.push(
    '## The figures anyone can compare (`bench/results.json`)',
    '',
    markdownTable({
      title: 'Top-level keys',
      header: ['key', 'value'],
      rows: Object.entries(results)
        .filter(([, v]) => typeof v === 'number' || v === null)
        .map(([k, v]) => [`\`${k}\``, v as number | null]),
    }),
    '',
  );
  out.push(
    '## Targets',
    '',
    markdownTable({
      title: "The issue's targets against this run",
      header: ['target', 'measured', 'wanted', 'verdict'],
      rows: results.targets.map((t) => [t.label, t.value, t.target, verdict(t.met)]),
    }),
    '',
  );
  if (limits.size > 0) {
    out.push('## What limits each figure, and what would move it', '');
    for (const [title, text] of limits) out.push(`### ${title}`, '', text, '');
  }
  for (const part of Object.values(results.parts)) {
    out.push(
      `## ${part.title}`,
      '',
      `Measured ${part.measuredAt} (${part.mode} mode, ${Math.round(part.seconds)} s).`,
      '',
    );
    if (part.error) out.push(`**This part failed:** \`${part.error}\``, '');
    for (const table of part.tables) out.push(markdownTable(table), '');
    for (const note of part.notes) out.push(note.includes('\n') ? note : `- ${note}`, '');
  }
  return `${out
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trimEnd()}\n`;
}

/** Writes both files. */
export function writeResults(jsonFile: string, markdownFile: string, results: ResultsFile, markdown: string): void {
  writeFileSync(jsonFile, `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(markdownFile, markdown);
}
