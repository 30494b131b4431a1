import type { RegencySnapshot } from '../../storage/definitionRepository.ts';
import type { Letterhead, Signer } from '../outputs/documentTypes.ts';
import { renderLetterBody } from '../outputs/renderLetterBody.ts';
import type { LetterTemplate } from '../../definition/sopTypes.ts';
import type { Initial, KopLogo, LetterLayout } from './letterLayout.ts';

/** The kop lines of the office as the case's SOP version knew it, and the logo printed with them (if any). */
export function letterheadOf(snapshot: RegencySnapshot, logo?: Pick<KopLogo, 'id'>): Letterhead {
  const office = snapshot.office;
  const contact = [
    office.phone && `Telepon ${office.phone}`,
    office.email && `Pos-el ${office.email}`,
    office.website && `Laman ${office.website}`,
  ]
    .filter(Boolean)
    .join(' · ');
  const letterhead: Letterhead = { office: office.name };
  if (office.parent) letterhead.parent = office.parent;
  const address = [office.address, office.postalCode].filter(Boolean).join(' ');
  if (address) letterhead.address = address;
  if (contact) letterhead.contact = contact;
  if (logo) letterhead.logoId = logo.id;
  return letterhead;
}

/** Fills a template into a page layout: at signing with number, signer and QR; as a preview without them. */
export function layoutOf(
  context: { template: LetterTemplate; snapshot: RegencySnapshot },
  values: Record<string, unknown>,
  sign: {
    number: string | null;
    signer: Signer;
    date: Date;
    initials: Initial[];
    verifyUrl?: string;
    signatureKind?: 'local' | 'bsre';
    /** The regency's logo at this moment: a signed PDF keeps it, whatever is uploaded later. */
    logo?: KopLogo;
  },
): LetterLayout {
  const t = context.template;
  const timeZone = context.snapshot.calendar.timezone;
  const day = new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone }).format(
    sign.date,
  );
  const filled = { ...values, number: sign.number ?? '……', date: day, year: Number(day.slice(0, 4)) };
  const fill = (text: string): string => renderLetterBody(text, filled);
  return {
    form: t.form ?? 'surat',
    title: fill(t.title),
    number: sign.number,
    ...(t.about ? { about: fill(t.about) } : {}),
    considering: (t.considering ?? []).map(fill),
    legalBasis: (t.legalBasis ?? []).map(fill),
    decides: (t.decides ?? []).map(fill),
    body: fill(t.body).trim(),
    letterhead: letterheadOf(context.snapshot, sign.logo),
    ...(sign.logo ? { logo: sign.logo } : {}),
    signer: sign.signer,
    place: context.snapshot.office.city ?? context.snapshot.name.replace(/^Kabupaten /, ''),
    date: sign.date,
    timeZone,
    ...(t.secondParty ? { secondParty: { title: fill(t.secondParty.title), name: fill(t.secondParty.name) } } : {}),
    initials: sign.initials,
    ...(sign.verifyUrl ? { verifyUrl: sign.verifyUrl } : {}),
    ...(sign.signatureKind ? { signatureKind: sign.signatureKind } : {}),
    preview: sign.number === null,
  };
}
