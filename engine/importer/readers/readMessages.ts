/** What the readers tell a drafter when a file cannot be read: Indonesian first, English too, each saying what to do. */
export const READ_MESSAGES = {
  pdfEncrypted: {
    id: 'PDF ini dilindungi kata sandi. Buka kuncinya lalu simpan ulang tanpa kata sandi, kemudian unggah lagi.',
    en: 'This PDF is password-protected. Unlock it, save it again without a password, then upload it again.',
  },
  pdfBroken: {
    id: 'berkas ini bukan PDF yang utuh (rusak atau terpotong). Unduh atau ekspor ulang PDF-nya lalu unggah lagi.',
    en: 'this file is not a complete PDF (damaged or cut off). Download or export the PDF again, then upload it.',
  },
  docxBroken: {
    id: 'berkas ini bukan dokumen Word (.docx) yang utuh. Simpan ulang dari Word atau LibreOffice sebagai .docx lalu unggah lagi.',
    en: 'this file is not a complete Word document (.docx). Save it again from Word or LibreOffice as .docx and upload it.',
  },
  docxProtected: {
    id: 'berkas ini dilindungi kata sandi atau berformat Word lama (.doc). Buka di Word atau LibreOffice, hapus kata sandinya, lalu simpan sebagai .docx.',
    en: 'this file is password-protected or an old Word file (.doc). Open it in Word or LibreOffice, remove the password and save it as .docx.',
  },
  docxContentBroken: {
    id: 'isi dokumen Word ini tidak dapat dibaca (berkas rusak atau terpotong). Simpan ulang sebagai .docx lalu unggah lagi.',
    en: 'the content of this Word document cannot be read (damaged or cut off). Save it again as .docx and upload it.',
  },
  docxNoText: {
    id: 'dokumen Word ini tidak berisi tulisan. Periksa apakah isinya berupa gambar; jika ya, unggah sebagai PDF hasil pindaian.',
    en: 'this Word document has no text. If its pages are pictures, upload them as a scanned PDF instead.',
  },
  empty: {
    id: 'berkas kosong (0 bita). Unggah ulang dokumen aslinya.',
    en: 'the file is empty (0 bytes). Upload the original document again.',
  },
  ocrMissing: {
    id: 'dokumen ini berupa hasil pindaian dan perlu dibaca dengan OCR, tetapi Tesseract berbahasa Indonesia belum terpasang di server. Minta pengelola server memasang paket tesseract-ocr dan tesseract-ocr-ind.',
    en: 'this document is a scan and needs OCR, but Tesseract with Indonesian is not installed on the server. Ask the server administrator to install tesseract-ocr and tesseract-ocr-ind.',
  },
  popplerMissing: {
    id: 'pembaca halaman PDF (poppler-utils) belum terpasang di server. Minta pengelola server memasang paket poppler-utils.',
    en: 'the PDF page renderer (poppler-utils) is not installed on the server. Ask the server administrator to install poppler-utils.',
  },
  imageBroken: {
    id: 'gambar ini tidak dapat dibuka (bukan PNG atau JPEG yang utuh). Pindai atau foto ulang dokumennya.',
    en: 'this image cannot be opened (not a complete PNG or JPEG). Scan or photograph the document again.',
  },
  pageNotRendered: {
    id: 'halaman PDF ini tidak dapat digambar untuk OCR (berkas rusak). Pindai ulang dokumennya.',
    en: 'the pages of this PDF cannot be rendered for OCR (damaged file). Scan the document again.',
  },
  ocrFailed: {
    id: 'OCR gagal membaca halaman ini (waktu habis atau gambar tidak terbaca). Pindai ulang halaman ini dengan resolusi 300 dpi.',
    en: 'OCR could not read this page (timed out or unreadable image). Scan this page again at 300 dpi.',
  },
  outOfMemory: {
    id: 'dokumen ini terlalu besar untuk dibaca sekaligus (memori pembaca habis). Pecah dokumen menjadi beberapa berkas lalu unggah satu per satu.',
    en: 'this document is too large to read at once (the reader ran out of memory). Split it into several files and upload them one by one.',
  },
  scanNoText: {
    id: 'tidak ada tulisan yang terbaca pada dokumen ini. Pastikan pindaiannya tegak, tajam dan tidak terlalu gelap.',
    en: 'no text could be read in this document. Make sure the scan is upright, sharp and not too dark.',
  },
} as const;

/** The message for a document whose reading ran over its time (the reader is stopped). */
export function tooSlowMessage(limitMs: number): { id: string; en: string } {
  const seconds = Math.round(limitMs / 1000);
  return {
    id: `dokumen ini terlalu lama dibaca (lebih dari ${seconds} detik) dan pembacaannya dihentikan. Pecah dokumen menjadi beberapa berkas (misalnya satu SOP per berkas) lalu unggah satu per satu.`,
    en: `reading this document took too long (over ${seconds} seconds) and was stopped. Split it into several files (for example one SOP per file) and upload them one by one.`,
  };
}

/** The message for a file over the size limit. */
export function tooLargeMessage(size: number, limit: number): { id: string; en: string } {
  const mb = (bytes: number): string => (bytes / 1024 / 1024).toFixed(1);
  return {
    id: `berkas ${mb(size).replace('.', ',')} MB, lebih besar dari batas ${mb(limit).replace('.', ',')} MB. Pisahkan dokumen per SOP atau perkecil hasil pindaiannya.`,
    en: `the file is ${mb(size)} MB, over the ${mb(limit)} MB limit. Split the document per SOP or make the scan smaller.`,
  };
}

/** The message for a document with more pages than a reader takes. */
export function tooManyPagesMessage(pages: number | undefined, limit: number): { id: string; en: string } {
  return {
    id: `dokumen berisi ${pages ?? 'lebih dari ' + String(limit)} halaman, lebih dari batas ${limit}. Pisahkan dokumennya per bagian lalu unggah satu per satu.`,
    en: `the document has ${pages ?? 'more than ' + String(limit)} pages, over the limit of ${limit}. Split it into parts and upload them one by one.`,
  };
}

/** Page ranges of about equal length, none longer than `limit`: "1–32 dan 33–63". */
function splitRanges(pages: number, limit: number): string {
  const parts = Math.ceil(pages / limit);
  const size = Math.ceil(pages / parts);
  const ranges: string[] = [];
  for (let first = 1; first <= pages; first += size) ranges.push(`${first}–${Math.min(pages, first + size - 1)}`);
  return ranges.length <= 2
    ? ranges.join(' dan ')
    : `${ranges.slice(0, -1).join(', ')} dan ${ranges[ranges.length - 1]!}`;
}

/** The message for a scan with more pages than OCR reads in one go: how to split it, before any page was read. */
export function scanTooManyPagesMessage(pages: number, limit: number, wholeByCli: boolean): { id: string; en: string } {
  const ranges = splitRanges(pages, limit);
  return {
    id: `pindaian ini berisi ${pages} halaman, lebih dari ${limit} halaman yang dapat dibaca OCR sekaligus; belum ada halaman yang dibaca. Pecah PDF-nya menjadi berkas paling banyak ${limit} halaman, dipotong di antara dua SOP atau dua layanan (misalnya halaman ${ranges}), lalu impor berkas itu satu per satu.${wholeByCli ? ' Dokumen sepanjang ini juga dapat dibaca utuh dengan perintah "npx alur import-sop".' : ''}`,
    en: `this scan has ${pages} pages, more than the ${limit} pages OCR reads in one go; no page was read. Split the PDF into files of at most ${limit} pages, cut between two SOPs or two services (for example pages ${ranges.replace(/ dan /g, ' and ')}), and import them one by one.${wholeByCli ? ' A document this long can also be read whole with "npx alur import-sop".' : ''}`,
  };
}
