import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BENCH_REGENCY, BENCH_SOP_ID, repoRoot } from './benchSop.ts';

/** Writes a regency folder of `count` SOP files, cycling through the regency's real SOPs with fresh ids. */
export function writeSyntheticPack(dir: string, count: number): string {
  const source = join(repoRoot, 'sop-definitions', BENCH_REGENCY);
  const folder = join(dir, BENCH_REGENCY);
  mkdirSync(folder, { recursive: true });
  copyFileSync(join(source, 'regency.yaml'), join(folder, 'regency.yaml'));
  const originals = readdirSync(source)
    .filter((n) => n.endsWith('.yaml') && n !== 'regency.yaml')
    .sort()
    .map((n) => readFileSync(join(source, n), 'utf8'));
  for (let i = 0; i < count; i++) {
    const text = originals[i % originals.length]!;
    const id = /^id: (\S+)$/m.exec(text)?.[1];
    if (!id) throw new Error('SOP without an id line');
    const newId = `${id.slice(0, 60)}-${String(i).padStart(4, '0')}`;
    writeFileSync(join(folder, `${newId}.yaml`), text.replace(/^id: \S+$/m, `id: ${newId}`));
  }
  return folder;
}

function extraStep(n: number, next: string): string[] {
  return [
    `  - id: telaah-${n}`,
    `    activity: Telaah lanjutan tahap ${n} atas berkas permohonan dan hasil asesmen penerima manfaat`,
    '    actor: rehsos',
    '    requirements: [laporan-asesmen]',
    '    time: 1 hari kerja',
    `    output: Catatan telaah tahap ${n}`,
    '    form:',
    '      schema:',
    '        type: object',
    `        required: [reviewDate${n}]`,
    '        properties:',
    `          reviewDate${n}: { type: string, format: date, title: Tanggal telaah tahap ${n} }`,
    `          reviewNotes${n}: { type: string, title: Catatan telaah tahap ${n} }`,
    `    next: ${next}`,
  ];
}

/**
 * A valid SOP of at least `minLines` lines, as a designer would edit it: the eight-step benchmark SOP
 * with review steps inserted between the first two steps until it is long enough.
 */
export function largeSopSource(minLines: number): string {
  const base = readFileSync(join(repoRoot, 'bench', 'fixtures', `${BENCH_SOP_ID}.yaml`), 'utf8')
    .trimEnd()
    .split('\n');
  const stepsAt = base.indexOf('steps:');
  const firstStepEnd = base.findIndex((line, i) => i > stepsAt + 1 && line.startsWith('  - id: '));
  const head = base.slice(0, firstStepEnd);
  const tail = base.slice(firstStepEnd);
  const inserted: string[] = [];
  let count = 0;
  while (head.length + tail.length + inserted.length + 1 < minLines) {
    count += 1;
    inserted.push(...extraStep(count, `telaah-${count + 1}`));
  }
  // The last inserted step leads on to the original second step; the first step leads into the inserted chain.
  if (count > 0) {
    inserted[inserted.length - 1] = '    next: verifikasi';
    head.push('    next: telaah-1');
  }
  return `${[...head, ...inserted, ...tail].join('\n')}\n`;
}
