/**
 * Gives a pandoc-made .docx the layout of a printed SOP: A4 landscape, 8 pt text, ruled tables at full width, one
 * SOP per page. Pandoc's HTML reader keeps neither page setup nor borders, and real SOPs are ruled landscape tables;
 * the PDF reader relies on those ruling lines, so the corpus must have them.
 *
 * Usage: tsx tools/importer/docxLayout.ts <file.docx>   (rewrites the file in place)
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';

const LANDSCAPE_A4 =
  '<w:sectPr><w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/>' +
  '<w:pgMar w:top="850" w:right="850" w:bottom="850" w:left="850" w:header="0" w:footer="0" w:gutter="0"/></w:sectPr>';
const BORDERS =
  '<w:tblBorders>' +
  ['top', 'left', 'bottom', 'right', 'insideH', 'insideV']
    .map((side) => `<w:${side} w:val="single" w:sz="6" w:space="0" w:color="000000"/>`)
    .join('') +
  '</w:tblBorders>';
const PAGE_BREAK = '<w:p><w:r><w:br w:type="page"/></w:r></w:p>';

/** Rewrites document.xml: page setup, ruled full-width tables whose rows stay on one page, a page break before each "DINAS SOSIAL" heading but the first. */
function layoutDocument(xml: string): string {
  let seenHeading = false;
  return (
    xml
      .replace(/<w:sectPr\s*\/>|<w:sectPr>[\s\S]*?<\/w:sectPr>/, LANDSCAPE_A4)
      .replace(/<w:tblW [^>]*\/>/g, '<w:tblW w:type="pct" w:w="5000"/>')
      .replace(/<w:tblLook /g, `${BORDERS}<w:tblLook `)
      // Rows never break across pages, as in printed SOPs (a row split over two pages reads as two rows).
      .replace(/<w:tr>(?!<w:trPr>)/g, '<w:tr><w:trPr><w:cantSplit/></w:trPr>')
      .replace(/<w:p>(?=(?:(?!<\/w:p>)[\s\S])*?<w:t[^>]*>DINAS SOSIAL<\/w:t>)/g, (match) => {
        if (!seenHeading) {
          seenHeading = true;
          return match;
        }
        return PAGE_BREAK + match;
      })
  );
}

/** Rewrites styles.xml: 8 pt default text with tight paragraph spacing. */
function layoutStyles(xml: string): string {
  return xml
    .replace(/(<w:rPrDefault>[\s\S]*?<w:sz w:val=")24(")/, '$116$2')
    .replace(/<w:spacing w:after="200" \/>/, '<w:spacing w:after="40" />');
}

const file = process.argv[2];
if (file === undefined) {
  process.stderr.write('Pakai: tsx tools/importer/docxLayout.ts <berkas.docx>\n');
  process.exit(2);
}
const entries = unzipSync(readFileSync(file));
const documentXml = entries['word/document.xml'];
const stylesXml = entries['word/styles.xml'];
if (documentXml === undefined || stylesXml === undefined) throw new Error(`${file}: bukan .docx buatan pandoc`);
entries['word/document.xml'] = strToU8(layoutDocument(strFromU8(documentXml)));
entries['word/styles.xml'] = strToU8(layoutStyles(strFromU8(stylesXml)));
writeFileSync(file, zipSync(entries, { level: 9, mtime: new Date('2025-01-01T00:00:00Z') }));
