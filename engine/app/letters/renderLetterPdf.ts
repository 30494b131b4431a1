import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import { indonesianDate } from './indonesianDates.ts';
import { letterFonts } from './letterFonts.ts';
import type { LetterLayout } from './letterLayout.ts';

const LEFT = 72;
const ORDINALS = ['KESATU', 'KEDUA', 'KETIGA', 'KEEMPAT', 'KELIMA', 'KEENAM', 'KETUJUH', 'KEDELAPAN'];
type Pdf = PDFKit.PDFDocument;

/** The lambang's box at the left of the kop: about 2.5 cm high, as regional kop surat print it. */
const LOGO_BOX = { width: 64, height: 72 };
const LOGO_GAP = 10;

function kop(pdf: Pdf, layout: LetterLayout, width: number): void {
  const { letterhead, logo } = layout;
  const top = pdf.y;
  // With a logo, the kop text is centred in the room right of it (Tata Naskah Dinas: lambang at the left).
  const textX = logo ? LEFT + LOGO_BOX.width + LOGO_GAP : LEFT;
  const textWidth = logo ? width - LOGO_BOX.width - LOGO_GAP : width;
  if (logo) {
    pdf.image(logo.content, LEFT, top, { fit: [LOGO_BOX.width, LOGO_BOX.height], align: 'center', valign: 'center' });
    // pdfkit moves the cursor below an image placed at the cursor; the text starts beside it instead.
    pdf.y = top;
  }
  const text = { align: 'center' as const, width: textWidth };
  if (letterhead.parent) pdf.font('bold').fontSize(13).text(letterhead.parent.toUpperCase(), textX, pdf.y, text);
  pdf.font('bold').fontSize(15).text(letterhead.office.toUpperCase(), textX, pdf.y, text);
  pdf.font('regular').fontSize(9);
  if (letterhead.address) pdf.text(letterhead.address, textX, pdf.y, text);
  if (letterhead.contact) pdf.text(letterhead.contact, textX, pdf.y, text);
  if (logo) pdf.y = Math.max(pdf.y, top + LOGO_BOX.height);
  // The kop's closing rule: a thick line over a thin one.
  const y = pdf.y + 5;
  pdf
    .moveTo(LEFT, y)
    .lineTo(LEFT + width, y)
    .lineWidth(2.2)
    .stroke();
  pdf
    .moveTo(LEFT, y + 3.5)
    .lineTo(LEFT + width, y + 3.5)
    .lineWidth(0.7)
    .stroke();
  pdf.x = LEFT;
  pdf.y = y + 18;
}

function labelled(pdf: Pdf, label: string, items: string[], marker: (i: number) => string, width: number): void {
  const labelWidth = 90;
  const top = pdf.y;
  pdf.font('regular').fontSize(11).text(label, LEFT, top, { width: labelWidth });
  pdf.text(':', LEFT + labelWidth, top);
  pdf.y = top;
  items.forEach((item, i) => {
    const y = pdf.y;
    pdf.text(marker(i), LEFT + labelWidth + 12, y, { width: 58 });
    pdf.text(item, LEFT + labelWidth + (marker(i).length > 3 ? 72 : 30), y, {
      width: width - labelWidth - (marker(i).length > 3 ? 72 : 30),
      align: 'justify',
    });
    pdf.moveDown(0.3);
  });
  pdf.x = LEFT;
  pdf.moveDown(0.5);
}

function heading(pdf: Pdf, layout: LetterLayout, width: number): void {
  const number = layout.number ?? '…… (diberikan saat penandatanganan)';
  if (layout.form === 'keputusan') {
    pdf.font('bold').fontSize(12).text(layout.title.toUpperCase(), { align: 'center', width });
    pdf.text(`NOMOR ${number}`, { align: 'center', width });
    pdf.moveDown(0.6).text('TENTANG', { align: 'center', width });
    if (layout.about) pdf.text(layout.about.toUpperCase(), { align: 'center', width });
    pdf
      .moveDown(0.8)
      .text(`${layout.signer.title.replace(/^Pl[th]\. /, '').toUpperCase()},`, { align: 'center', width });
    pdf.moveDown(0.8);
    return;
  }
  pdf.font('bold').fontSize(12).text(layout.title.toUpperCase(), { align: 'center', width, underline: true });
  pdf.font('regular').fontSize(11).text(`Nomor: ${number}`, { align: 'center', width });
  pdf.moveDown(1.2);
}

function content(pdf: Pdf, layout: LetterLayout, width: number): void {
  if (layout.form === 'keputusan') {
    if (layout.considering.length)
      labelled(pdf, 'Menimbang', layout.considering, (i) => `${String.fromCharCode(97 + i)}.`, width);
    if (layout.legalBasis.length) labelled(pdf, 'Mengingat', layout.legalBasis, (i) => `${i + 1}.`, width);
    pdf.font('bold').text('MEMUTUSKAN:', LEFT, pdf.y, { align: 'center', width });
    pdf.moveDown(0.5);
    labelled(pdf, 'Menetapkan', [layout.body], () => '', width);
    layout.decides.forEach((d, i) => labelled(pdf, ORDINALS[i] ?? `KE-${i + 1}`, [d], () => '', width));
    return;
  }
  if (layout.form === 'surat-tugas') {
    if (layout.legalBasis.length) labelled(pdf, 'Dasar', layout.legalBasis, (i) => `${i + 1}.`, width);
    pdf.font('bold').text('MEMERINTAHKAN:', LEFT, pdf.y, { align: 'center', width });
    pdf.moveDown(0.5);
    // "Kepada : …" and "Untuk : …" lines sit in the same label column as "Dasar".
    for (const line of layout.body.split('\n')) {
      const m = /^([A-Za-z][A-Za-z ]{0,14}?)\s*:\s+(.+)$/.exec(line);
      if (m) labelled(pdf, m[1]!, [m[2]!], () => '', width);
      else pdf.font('regular').fontSize(11).text(line, LEFT, pdf.y, { align: 'justify', width });
    }
    pdf.moveDown(1);
    return;
  }
  pdf.font('regular').fontSize(11).text(layout.body, LEFT, pdf.y, { align: 'justify', width, lineGap: 3 });
  pdf.moveDown(1.5);
}

function signatureBlock(pdf: Pdf, layout: LetterLayout, x: number, blockWidth: number, top: number): void {
  const date = indonesianDate(layout.date, layout.timeZone);
  pdf.font('regular').fontSize(11);
  if (layout.form === 'keputusan') {
    pdf.text(`Ditetapkan di ${layout.place}`, x, top, { width: blockWidth });
    pdf.text(`pada tanggal ${layout.preview ? '……' : date}`, x, pdf.y, { width: blockWidth });
  } else if (layout.form === 'bast') pdf.text('PIHAK KESATU', x, top, { width: blockWidth });
  else pdf.text(`${layout.place}, ${layout.preview ? '……' : date}`, x, top, { width: blockWidth });
  pdf.text(`${layout.signer.title},`, x, pdf.y, { width: blockWidth });
  pdf.moveDown(3.2);
  pdf.font('bold').text(layout.signer.name, x, pdf.y, { width: blockWidth, underline: !layout.preview });
  if (layout.signer.nip) pdf.font('regular').text(`NIP. ${layout.signer.nip}`, x, pdf.y, { width: blockWidth });
}

/** Renders a letter as an A4 PDF in its Tata Naskah Dinas form, with embedded fonts; a preview is stamped and unnumbered. */
export async function renderLetterPdf(layout: LetterLayout): Promise<Buffer> {
  const fonts = letterFonts();
  const pdf = new PDFDocument({
    size: 'A4',
    margins: { top: 50, bottom: 40, left: LEFT, right: 60 },
    info: {
      Title: `${layout.title}${layout.number ? ` ${layout.number}` : ''}`,
      Author: layout.letterhead.office,
      Creator: 'Alur',
    },
  });
  pdf.registerFont('regular', fonts.regular);
  pdf.registerFont('bold', fonts.bold);
  const chunks: Buffer[] = [];
  pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => pdf.on('end', () => resolve(Buffer.concat(chunks))));
  const width = pdf.page.width - LEFT - 60;
  kop(pdf, layout, width);
  heading(pdf, layout, width);
  content(pdf, layout, width);
  if (pdf.y > pdf.page.height - 260) pdf.addPage();
  const top = pdf.y + 6;
  const half = width / 2;
  signatureBlock(pdf, layout, LEFT + half, half, top);
  let bottom = pdf.y;
  if (layout.form === 'bast' && layout.secondParty) {
    pdf
      .font('regular')
      .fontSize(11)
      .text('PIHAK KEDUA', LEFT, top, { width: half - 10 });
    pdf.text(`${layout.secondParty.title},`, LEFT, pdf.y, { width: half - 10 });
    pdf.moveDown(3.2);
    pdf.font('bold').text(layout.secondParty.name, LEFT, pdf.y, { width: half - 10, underline: true });
    bottom = Math.max(bottom, pdf.y);
  }
  pdf.y = bottom + 14;
  if (layout.initials.length) {
    pdf.font('regular').fontSize(8).text('Paraf:', LEFT, pdf.y, { width });
    for (const p of layout.initials)
      pdf.text(`${p.roleName} — ${p.name} (${indonesianDate(new Date(p.at), layout.timeZone)})`, LEFT, pdf.y, {
        width,
      });
    pdf.moveDown(0.5);
  }
  if (layout.verifyUrl) {
    const qr = await QRCode.toBuffer(layout.verifyUrl, { margin: 1, width: 220 });
    const qrY = Math.min(pdf.y + 4, pdf.page.height - 130);
    pdf.image(qr, LEFT, qrY, { width: 80 });
    const issuer =
      layout.signatureKind === 'bsre' ? 'Balai Besar Sertifikasi Elektronik (BSrE), BSSN' : 'CA demo Alur (bukan BSrE)';
    pdf
      .font('regular')
      .fontSize(8)
      .text(
        `Dokumen ini ditandatangani secara elektronik menggunakan sertifikat elektronik yang diterbitkan oleh ${issuer}. ` +
          `Pindai kode QR atau buka alamat berikut untuk memeriksa keasliannya:\n${layout.verifyUrl}`,
        LEFT + 92,
        qrY + 8,
        { width: width - 92 },
      );
  }
  if (layout.preview) {
    pdf
      .save()
      .rotate(-35, { origin: [300, 420] })
      .font('bold')
      .fontSize(54)
      .fillColor('#c0392b', 0.25)
      .text('PRATINJAU', 110, 400)
      .fontSize(20)
      .text('belum ditandatangani, belum bernomor', 110, 465)
      .restore();
  }
  pdf.end();
  return done;
}
