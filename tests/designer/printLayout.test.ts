import { describe, expect, it } from 'vitest';
import { loadDefinitionPaths } from '../../engine/files/loadDefinitionFiles.ts';
import type { SopDefinition } from '../../engine/definition/sopTypes.ts';
import { coverRows } from '../../designer/src/print/coverSections.ts';
import { connectorLetter, paginateRows } from '../../designer/src/print/paginate.ts';
import { flowEdges, flowEndings } from '../../designer/src/print/printFlow.ts';
import { drawSheet, type SheetGeometry } from '../../designer/src/print/sheetDrawing.ts';
import { sourceNotice } from '../../designer/src/print/sourceNotice.ts';
import { definitionsDir } from '../support/testServer.ts';

const loaded = loadDefinitionPaths([definitionsDir], definitionsDir);
const sop = (regency: string, id: string): SopDefinition =>
  loaded.folders.find((f) => f.regency?.id === regency)!.sops.find((s) => s.definition?.id === id)!.definition!;
const labels = (d: SopDefinition) => coverRows(d).map((row) => row.map((c) => c.label));

describe('the printed cover: the fields the SOP has, in its source layout', () => {
  it("Kutai Kartanegara's variant pairs Dasar Hukum with Kriteria Sasaran and Pihak Terkait with Dokumen Pendukung", () => {
    expect(labels(sop('kutai-kartanegara', 'santunan-veteran'))).toEqual([
      ['Dasar Hukum', 'Kriteria Sasaran'],
      ['Pihak-Pihak Yang Terkait', 'Dokumen Pendukung'],
      ['Peringatan', 'Pencatatan dan Pendataan'],
    ]);
  });

  it('the standard PermenPANRB form keeps its three pairs', () => {
    expect(labels(sop('kutai-kartanegara', 'pengaduan-langsung'))).toEqual([
      ['Dasar Hukum', 'Kualifikasi Pelaksana'],
      ['Keterkaitan', 'Peralatan/Perlengkapan'],
      ['Peringatan', 'Pencatatan dan Pendataan'],
    ]);
  });

  it('a field the SOP lacks gets no cell; a lone field spans the row', () => {
    expect(labels(sop('kutai-kartanegara', 'alat-bantu-aksesibilitas'))).toEqual([
      ['Dasar Hukum', 'Kriteria Sasaran'],
      ['Peralatan/Perlengkapan'],
      ['Pihak-Pihak Yang Terkait', 'Dokumen Pendukung'],
      ['Peringatan', 'Pencatatan dan Pendataan'],
    ]);
    const everyCell = loaded.folders.flatMap((f) =>
      f.sops.flatMap((s) => (s.definition ? coverRows(s.definition).flat() : [])),
    );
    expect(everyCell.filter((c) => c.items.length === 0)).toEqual([]);
  });
});

describe('the printed chart: pages cut between rows, off-page connectors, honest marks', () => {
  it('pages take whole rows that fit below the header and above the strip and footer', () => {
    const pages = paginateRows({
      page: 700,
      header: 60,
      title: 40,
      footer: 20,
      strip: 26,
      rows: [200, 200, 200, 300, 100, 40],
    });
    // First page: 700 - 60 - 20 - 26 - 40 = 554 → 200 + 200; later pages: 700 - 60 - 20 - 52 = 568.
    expect(pages).toEqual([
      [0, 1],
      [2, 3],
      [4, 5],
    ]);
    expect(paginateRows({ page: 300, header: 60, title: 0, footer: 20, strip: 26, rows: [500, 10] })).toEqual([
      [0],
      [1],
    ]);
    expect([0, 25, 26, 27].map(connectorLetter)).toEqual(['A', 'Z', 'AA', 'AB']);
  });

  it('the Kutai Kartanegara decisions and Ditolak endings the source does not print are marked inferred', () => {
    const edges = flowEdges(sop('kutai-kartanegara', 'santunan-veteran'));
    expect(edges.filter((e) => e.inferred).map((e) => `${e.from}→${e.target}`)).toEqual([
      '0→berita-acara',
      '0→ditolak',
    ]);
    expect(flowEndings(edges)).toEqual([
      { id: 'ditolak', inferred: true, fromRow: 0 },
      { id: 'selesai', inferred: false, fromRow: 5 },
    ]);
    // The printed decision of alat bantu (step 6, Ya/Tidak in the source) stays unmarked; its loop back too.
    const alat = flowEdges(sop('kutai-kartanegara', 'alat-bantu-aksesibilitas'));
    expect(alat.filter((e) => e.from === 5).map((e) => e.inferred)).toEqual([false, false]);
    expect(alat.find((e) => e.kind === 'sendBack')).toMatchObject({ from: 1, to: 0, inferred: true });
  });

  it('an arrow across a page break ends in a lettered pentagon on both pages', () => {
    const definition = sop('kutai-kartanegara', 'santunan-veteran');
    const edges = flowEdges(definition);
    const pageOf = (row: number) => (row < 3 ? 0 : 1);
    const letters = new Map(
      edges.filter((e) => pageOf(e.from) !== pageOf(e.to)).map((e, i) => [e, connectorLetter(i)]),
    );
    const lanes = definition.actors.map((_, i) => ({ x: 300 + i * 60, width: 60 }));
    const contents = definition.steps.map((s) => ({
      lanes: s.actors.map((a) => definition.actors.findIndex((x) => x.id === a)),
      kind: 'activity' as const,
      inferred: false,
    }));
    const geometry = (rows: number[], top: boolean, bottom: boolean): SheetGeometry => ({
      lanes,
      lanesRight: 300 + lanes.length * 60,
      rows: new Map(rows.map((r, k) => [r, { y: 80 + k * 60, height: 60 }])),
      ...(top ? { topStrip: { y: 54, height: 26 } } : {}),
      ...(bottom ? { bottomStrip: { y: 80 + rows.length * 60, height: 26 } } : {}),
    });
    const endings = flowEndings(edges).map((e, k) => ({ id: e.id, label: e.id, lane: k, inferred: e.inferred }));
    const first = drawSheet(geometry([0, 1, 2], false, true), contents, endings, edges, pageOf, 0, letters);
    const second = drawSheet(geometry([3, 4, 5, 6], true, false), contents, endings, edges, pageOf, 1, letters);
    // Row 1 → ditolak (row 6) and row 3 (berita acara → SK Bupati … the row-2 → row-3 arrow) cross the break.
    const crossing = [...letters.values()];
    expect(crossing.length).toBeGreaterThanOrEqual(2);
    expect(first.connectors.map((c) => c.letter).sort()).toEqual([...crossing].sort());
    expect(second.connectors.map((c) => c.letter).sort()).toEqual([...crossing].sort());
    for (const c of first.connectors) expect(c.y).toBeGreaterThanOrEqual(80 + 3 * 60);
    for (const c of second.connectors) expect(c.y).toBeLessThan(80);
  });

  it('a row done in order (JKN row 5: loket, then kabid) prints an arrow between its lanes and leaves from the last', () => {
    const definition = sop('kutai-kartanegara', 'kepesertaan-jkn');
    const row = definition.steps.findIndex((s) => s.id === 'input-edabu');
    const edges = flowEdges(definition);
    const lanes = definition.actors.map((_, i) => ({ x: 300 + i * 60, width: 60 }));
    const contents = definition.steps.map((s) => ({
      lanes: s.actors.map((a) => definition.actors.findIndex((x) => x.id === a)),
      kind: 'activity' as const,
      inferred: false,
      inOrder: s.actorMode === 'sequence',
    }));
    const geometry: SheetGeometry = {
      lanes,
      lanesRight: 300 + lanes.length * 60,
      rows: new Map(definition.steps.map((_, k) => [k, { y: 80 + k * 60, height: 60 }])),
    };
    const sheet = drawSheet(geometry, contents, [], edges, () => 0, 0, new Map());
    const loket = lanes[definition.actors.findIndex((a) => a.id === 'loket')]!;
    const kabid = lanes[definition.actors.findIndex((a) => a.id === 'kabid')]!;
    const y = 80 + row * 60 + 30;
    const between = sheet.lines.find((l) => l.points[0]![1] === y && l.points.length === 2 && !l.together);
    expect(between?.points[0]![0]).toBeGreaterThan(loket.x);
    expect(between?.points[0]![0]).toBeLessThan(kabid.x);
    // Every arrow leaving the row starts in the kabid's lane.
    const leaving = sheet.lines.filter((l) => l !== between && Math.abs(l.points[0]![1] - y) <= 30);
    expect(leaving.length).toBeGreaterThan(0);
    for (const l of leaving) expect(l.points[0]![0]).toBeGreaterThanOrEqual(kabid.x);
  });

  it("Bengkayang's SOPs carry the source notice; SOPs read from a step table do not", () => {
    expect(sourceNotice(sop('bengkayang', 'santunan-kematian'))).toBe(
      'Catatan sumber: langkah disusun dari ruang lingkup keputusan; belum dari naskah teknis resmi',
    );
    expect(sourceNotice(sop('kutai-kartanegara', 'santunan-veteran'))).toBeUndefined();
  });
});

describe('the editor preview of the cover', () => {
  it('shows the standard form empty while drafting, the printout never', () => {
    const draft = { ...sop('kutai-kartanegara', 'santunan-veteran'), qualifications: undefined };
    expect(labels(draft)).not.toContainEqual(['Dasar Hukum', 'Kualifikasi Pelaksana']);
    const blanks = coverRows(draft, true).map((row) => row.map((c) => `${c.label}:${c.items.length}`));
    expect(blanks.slice(0, 3)).toEqual([
      ['Dasar Hukum:3', 'Kualifikasi Pelaksana:0'],
      ['Kriteria Sasaran:7'],
      ['Keterkaitan:0', 'Peralatan/Perlengkapan:0'],
    ]);
  });
});
