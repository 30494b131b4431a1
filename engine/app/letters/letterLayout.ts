import type { LetterForm } from '../../definition/sopTypes.ts';
import type { Letterhead, Signer } from '../outputs/documentTypes.ts';

/** The logo image a kop prints, with its size in pixels (to keep its proportions). */
export interface KopLogo {
  id: string;
  content: Buffer;
  width: number;
  height: number;
}

/** One paraf (initial) on a letter: who, in which role, when. */
export interface Initial {
  userId: string;
  name: string;
  role: string;
  roleName: string;
  at: string;
}

/** Everything a letter page shows, already filled: the renderer only lays it out. */
export interface LetterLayout {
  form: LetterForm;
  title: string;
  /** Null on a preview: the number is taken at signing. */
  number: string | null;
  about?: string;
  considering: string[];
  legalBasis: string[];
  decides: string[];
  body: string;
  letterhead: Letterhead;
  /** The regency's lambang at the left of the kop, as uploaded (PNG or JPEG); absent: the kop is text only. */
  logo?: KopLogo;
  /** The signature block as printed; on a preview the role that will sign, without a name. */
  signer: Signer;
  place: string;
  date: Date;
  timeZone: string;
  secondParty?: { title: string; name: string };
  initials: Initial[];
  verifyUrl?: string;
  /** 'local' marks the demo certificate in the footer; 'bsre' the national one. */
  signatureKind?: 'local' | 'bsre';
  preview: boolean;
}
