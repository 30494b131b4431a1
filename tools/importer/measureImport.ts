/**
 * `npm run measure:import [-- text docx pdf scan]`: imports the seed corpus in each format and writes the
 * accuracy table to bench/IMPORT.md (default: text).
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { CorpusFormat } from './corpus.ts';
import { formatSection } from './importReport.ts';
import { measureFormat } from './measureFormat.ts';

const FORMATS: readonly CorpusFormat[] = ['text', 'docx', 'pdf', 'scan'];
const asked = process.argv.slice(2).filter((a): a is CorpusFormat => (FORMATS as readonly string[]).includes(a));
const formats = asked.length > 0 ? asked : (['text'] as CorpusFormat[]);

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
- **Pindaian** Standar Pelayanan Bangkalan: cuplikan tiga layanan pertama (dokumen utuh 63 halaman, di atas batas
  OCR 60 halaman).
`;

const sections: string[] = [];
for (const format of formats) sections.push(formatSection(await measureFormat(format)));
const out = path.resolve(import.meta.dirname, '../../bench/IMPORT.md');
writeFileSync(out, `${HEADER}\n${sections.join('\n')}`);
process.stdout.write(`${out}\n`);
