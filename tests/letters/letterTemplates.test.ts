import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { layoutOf } from '../../engine/app/letters/layoutOf.ts';
import { renderLetterPdf } from '../../engine/app/letters/renderLetterPdf.ts';
import { templateTexts } from '../../engine/app/letters/templateTexts.ts';
import { createDemoCa, issueDemoP12 } from '../../engine/app/signing/demoCertificateAuthority.ts';
import { signWithP12 } from '../../engine/app/signing/signWithP12.ts';
import { placeholdersOf } from '../../engine/app/outputs/renderLetterBody.ts';
import type { LetterTemplate, RawRegency } from '../../engine/definition/sopTypes.ts';
import { loadDefinitionPaths } from '../../engine/files/loadDefinitionFiles.ts';
import { pdfFonts, pdfSignatures, pdfText, savePdfArtifact } from '../support/pdfTools.ts';

/** Every letter template of the three packs: the regency's shared ones and those written inside an SOP. */
function allTemplates(): Array<{ name: string; regency: RawRegency; template: LetterTemplate }> {
  const loaded = loadDefinitionPaths([join(import.meta.dirname, '../../sop-definitions')]);
  return loaded.folders.flatMap((folder) => {
    const regency = folder.regency!;
    const shared = (regency.letterTemplates ?? []).map((t) => ({
      name: `${regency.id}/${t.id}`,
      regency,
      template: t.template,
    }));
    const inline = folder.sops.flatMap((sop) =>
      (sop.definition?.steps ?? []).flatMap((step) =>
        step.outputs
          .filter((o) => o.template && !(regency.letterTemplates ?? []).some((t) => t.template === o.template))
          .map((o) => ({ name: `${regency.id}/${sop.definition!.id}/${o.id}`, regency, template: o.template! })),
      ),
    );
    return [...shared, ...inline];
  });
}

describe('every letter template renders to a signed PDF in its official form', () => {
  const templates = allTemplates();
  let p12: Buffer;
  beforeAll(() => {
    p12 = issueDemoP12(createDemoCa('uji'), { name: 'Pejabat Uji', nip: '197301261993021001' }).p12;
  });

  it('the packs have templates of every form', () => {
    const forms = new Set(templates.map((t) => t.template.form ?? 'surat'));
    for (const form of ['keputusan', 'bast', 'surat-keterangan', 'rekomendasi', 'penolakan', 'surat-tugas', 'surat'])
      expect(forms, form).toContain(form);
    expect(templates.length).toBeGreaterThan(15);
  });

  it.each(templates.map((t) => [t.name, t] as const))('%s', async (name, { regency, template }) => {
    // Each placeholder gets a recognisable sample value; dates come out the Indonesian way.
    const values: Record<string, unknown> = {};
    for (const p of templateTexts(template).flatMap(placeholdersOf)) {
      if (p.startsWith('steps.')) continue;
      values[p] = /Date$/.test(p) ? '2026-12-07' : `Isi-${p}`;
    }
    values.serviceName = 'Layanan Uji';
    const layout = layoutOf(
      {
        template,
        snapshot: { id: regency.id, name: regency.name, office: regency.office, calendar: regency.calendar },
      },
      values,
      {
        number: 'NOMOR/UJI/001',
        signer: { name: 'Pejabat Uji', title: 'Plh. Kepala Dinas Sosial', nip: '197301261993021001' },
        date: new Date('2026-12-07T03:00:00Z'),
        initials: [],
        verifyUrl: 'https://alur.example.go.id/verifikasi/abc',
        signatureKind: 'local',
      },
    );
    const signed = await signWithP12(await renderLetterPdf(layout), p12, '', {
      name: 'Pejabat Uji',
      reason: layout.title,
      location: layout.place,
    });
    savePdfArtifact(signed, 'letters/templates', name.replace(/\//g, '__'));
    expect(pdfSignatures(signed)).toContain('Signature is Valid');
    expect(pdfFonts(signed)).not.toMatch(/\bno\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+\s*$/m);
    const text = pdfText(signed).replace(/\s+/g, ' ');
    expect(text).toContain('NOMOR/UJI/001');
    expect(text).toContain('Plh. Kepala Dinas Sosial');
    expect(text).toContain('NIP. 197301261993021001');
    expect(text).toContain(regency.office.name.toUpperCase());
    expect(text).not.toContain('{{');
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    const form = template.form ?? 'surat';
    if (form === 'keputusan') {
      expect(text).toMatch(/Menimbang.*Mengingat.*MEMUTUSKAN.*Menetapkan.*KESATU/);
      expect(text).toContain(`Ditetapkan di ${layout.place} pada tanggal 7 Desember 2026`);
    } else {
      expect(text).not.toContain('Ditetapkan');
      expect(text).toContain('7 Desember 2026');
    }
    if (form === 'bast') expect(text).toMatch(/PIHAK KEDUA.*PIHAK KESATU|PIHAK KESATU.*PIHAK KEDUA/);
    if (form === 'surat-tugas') expect(text).toContain('MEMERINTAHKAN');
  });
});
