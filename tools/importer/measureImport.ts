/**
 * `npm run measure:import [-- text docx pdf scan]`: imports the seed corpus in each format and writes the
 * accuracy table to bench/IMPORT.md (default: text).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { CorpusFormat } from './corpus.ts';
import { formatSection } from './importReport.ts';
import { measureFormat } from './measureFormat.ts';

const FORMATS: readonly CorpusFormat[] = ['text', 'docx', 'pdf', 'scan'];
const asked = process.argv.slice(2).filter((a): a is CorpusFormat => (FORMATS as readonly string[]).includes(a));
const formats = asked.length > 0 ? asked : (['text'] as CorpusFormat[]);

/** The format sections of the report as last written ("## Format: scan" up to the next one). */
function previousSections(file: string): Map<CorpusFormat, string> {
  const sections = new Map<CorpusFormat, string>();
  if (!existsSync(file)) return sections;
  const parts = readFileSync(file, 'utf8').split(/^(?=## Format: )/m);
  for (const part of parts) {
    const format = /^## Format: (\w+)/.exec(part)?.[1];
    if (format !== undefined && (FORMATS as readonly string[]).includes(format))
      sections.set(format as CorpusFormat, `${part.trimEnd()}\n`);
  }
  return sections;
}

const HEADER = `# Impor dokumen SOP — ketepatan pembacaan

Dibuat oleh \`npm run measure:import\` (\`tools/importer/measureImport.ts\`). Korpus: \`tests/fixtures/seeds/\`.

- **Kutai Kartanegara** (12 SOP, tabel PermenPANRB 35/2012): acuan = definisi terbit di
  \`sop-definitions/kutai-kartanegara/\`, dipasangkan lewat \`source.catalogId\`. Uraian dihitung benar bila
  kemiripan teks ≥ 85 % (definisi terbit membetulkan salah ketik dokumen); pelaksana benar bila peran atau nama
  lajur sama dengan salah satu pelaksana langkah terbit; waktu benar bila teksnya sama; keluaran benar bila
  kemiripan ≥ 90 %. Pada teks seeds tanda lajur bagan hilang, jadi pelaksana dibaca dari kata-kata uraian
  (ditandai \`provenance.inferred: [actor]\`).
- **Sumber lain**: acuan = \`catalog.json\` seeds (nama, jenis, Jangka Waktu). Standar Pelayanan Bangkalan juga
  dibanding harapan yang diperiksa tangan (\`tests/fixtures/expected/\`: jumlah langkah prosedur, jumlah persyaratan,
  Jangka Waktu, Produk) untuk ke-21 layanan; daftar keputusan (nama saja) dibanding katalog.
- **Pindaian** dibaca seperti \`npx alur import-sop\` membacanya: halaman demi halaman, sampai 200 halaman, jadi
  Standar Pelayanan Bangkalan (63 halaman) dibaca utuh. Unggahan di perancang menolak pindaian di atas 20 halaman
  sebelum membaca satu halaman pun, dengan saran rentang halaman untuk memecahnya.
`;

const out = path.resolve(import.meta.dirname, '../../bench/IMPORT.md');
// The sections of formats not measured in this run are kept as they were, so one slow format (scan) can be
// measured again on its own; each section says when it was measured.
const sections = previousSections(out);
for (const format of formats) {
  const stamp = `_Diukur ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC._`;
  const [title, ...rest] = formatSection(await measureFormat(format)).split('\n');
  sections.set(format, `${[title, '', stamp, ...rest].join('\n').trimEnd()}\n`);
}
const ordered = FORMATS.map((format) => sections.get(format)).filter((s): s is string => s !== undefined);
writeFileSync(out, `${HEADER}\n${ordered.join('\n')}`);
process.stdout.write(`${out}\n`);
