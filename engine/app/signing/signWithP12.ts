import { plainAddPlaceholder } from '@signpdf/placeholder-plain';
import { SignPdf } from '@signpdf/signpdf';
import { P12Signer } from '@signpdf/signer-p12';
import { SUBFILTER_ETSI_CADES_DETACHED } from '@signpdf/utils';

/** Adds a signature field to an unsigned PDF and signs it with a PKCS#12 key (PAdES subfilter ETSI.CAdES.detached). */
export async function signWithP12(
  pdf: Buffer,
  p12: Buffer,
  passphrase: string,
  info: { name: string; reason: string; location: string },
  signingTime = new Date(),
): Promise<Buffer> {
  const withPlaceholder = plainAddPlaceholder({
    pdfBuffer: pdf,
    reason: info.reason,
    contactInfo: '',
    name: info.name,
    location: info.location,
    signingTime,
    subFilter: SUBFILTER_ETSI_CADES_DETACHED,
    appName: 'Alur',
  });
  return new SignPdf().sign(withPlaceholder, new P12Signer(p12, { passphrase }), signingTime);
}
