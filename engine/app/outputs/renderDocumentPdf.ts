import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import type { IssuedDocument } from './documentTypes.ts';
import { indonesianDate } from '../letters/indonesianDates.ts';

/** Renders an issued document as an A4 PDF: letterhead, title, number, body, signer and a verification QR code. */
export async function renderDocumentPdf(
  document: IssuedDocument,
  verifyUrl: string,
  timeZone: string,
): Promise<Buffer> {
  const qr = await QRCode.toBuffer(verifyUrl, { margin: 1, width: 220 });
  const pdf = new PDFDocument({
    size: 'A4',
    margins: { top: 50, bottom: 50, left: 60, right: 60 },
    info: { Title: `${document.title} ${document.number}`, Author: document.letterhead.office },
  });
  const chunks: Buffer[] = [];
  pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => pdf.on('end', () => resolve(Buffer.concat(chunks))));
  const width = pdf.page.width - 120;
  const { letterhead } = document;
  if (letterhead.parent)
    pdf.font('Helvetica-Bold').fontSize(13).text(letterhead.parent.toUpperCase(), { align: 'center', width });
  pdf.font('Helvetica-Bold').fontSize(15).text(letterhead.office.toUpperCase(), { align: 'center', width });
  pdf.font('Helvetica').fontSize(9);
  if (letterhead.address) pdf.text(letterhead.address, { align: 'center', width });
  if (letterhead.contact) pdf.text(letterhead.contact, { align: 'center', width });
  const ruleY = pdf.y + 6;
  pdf
    .moveTo(60, ruleY)
    .lineTo(60 + width, ruleY)
    .lineWidth(2)
    .stroke();
  pdf.moveDown(2);
  pdf
    .font('Helvetica-Bold')
    .fontSize(12)
    .text(document.title.toUpperCase(), { align: 'center', width, underline: true });
  pdf.font('Helvetica').fontSize(10).text(`Nomor: ${document.number}`, { align: 'center', width });
  pdf.moveDown(1.5);
  pdf.fontSize(11).text(document.body, { align: 'justify', width, lineGap: 3 });
  pdf.moveDown(2);
  const signX = 60 + width / 2;
  pdf.text(`Ditetapkan pada ${indonesianDate(new Date(document.issuedAt), timeZone)}`, signX, pdf.y, {
    width: width / 2,
  });
  pdf.text(document.signer.title, signX, pdf.y, { width: width / 2 });
  pdf.moveDown(3.5);
  pdf.font('Helvetica-Bold').text(document.signer.name, signX, pdf.y, { width: width / 2, underline: true });
  if (document.signer.nip)
    pdf.font('Helvetica').text(`NIP. ${document.signer.nip}`, signX, pdf.y, { width: width / 2 });
  const qrY = Math.min(pdf.y + 20, pdf.page.height - 170);
  pdf.image(qr, 60, qrY, { width: 90 });
  pdf
    .font('Helvetica')
    .fontSize(8)
    .text(`Pindai untuk memeriksa keaslian dokumen:\n${verifyUrl}`, 160, qrY + 20, { width: width - 100 });
  if (document.status === 'revoked') {
    pdf
      .save()
      .rotate(-30, { origin: [300, 400] })
      .font('Helvetica-Bold')
      .fontSize(60)
      .fillColor('#c0392b', 0.35)
      .text('DICABUT', 120, 380)
      .restore();
  }
  pdf.end();
  return done;
}
