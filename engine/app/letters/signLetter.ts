import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import { AppError } from '../appErrors.ts';
import type { AuthUser } from '../authUser.ts';
import { recordIssuedOutput } from '../caseService.ts';
import { toIssuedDocument, type IssuedDocument } from '../outputs/documentTypes.ts';
import { DEFAULT_NUMBER_FORMAT, formatLetterNumber } from '../outputs/letterNumber.ts';
import { nextSequence } from '../../storage/letters/letterCounters.ts';
import { insertIssuedLetter } from '../../storage/letters/issuedLetterRows.ts';
import { markLetterDraftSigned } from '../../storage/letters/letterDraftRows.ts';
import { lookupValue } from '../outputs/renderLetterBody.ts';
import { SigningRefused, type PdfSigner } from '../signing/pdfSigner.ts';
import { kopLogo } from '../regencyLogo/regencyLogo.ts';
import { loadLetterContext } from './letterContext.ts';
import { loadDraft, nextInitialRole } from './letterDrafts.ts';
import { layoutOf, letterheadOf } from './layoutOf.ts';
import { renderLetterPdf } from './renderLetterPdf.ts';
import { roleAuthority, signatureBlock, signerRoleOf } from './signerAuthority.ts';

/** What signing needs besides the draft: the signing service, the verification address, BSrE credentials. */
export interface SignOptions {
  signer: PdfSigner;
  verifyUrl: (code: string) => string;
  nik?: string;
  passphrase?: string;
  now?: Date;
}

/**
 * Signs a prepared letter: only its signer role's holder or their active Plt/Plh, after every paraf.
 * In one transaction the number is taken, the PDF rendered and signed (PAdES), and the document stored
 * with its hash; a failed signing rolls all of it back, so no number is used and nothing is issued.
 */
export async function signLetter(
  db: Knex,
  user: AuthUser,
  draftId: string,
  options: SignOptions,
): Promise<IssuedDocument> {
  const now = options.now ?? new Date();
  const draft = await loadDraft(db, user.regencyId, draftId);
  if (draft.status !== 'prepared')
    throw new AppError('CONFLICT', 'Konsep surat ini sudah ditandatangani atau dibatalkan.');
  const context = await loadLetterContext(db, user.regencyId, draft.caseId, draft.outputId);
  const role = signerRoleOf(context.template.signerRole, context.regency);
  const authority = await roleAuthority(db, user, role, context.regency, now);
  const roleName = context.regency.roles.find((r) => r.id === role)?.name ?? role;
  if (!authority)
    throw new AppError(
      'FORBIDDEN',
      `Surat ini ditandatangani oleh ${roleName} atau Plt/Plh-nya; Anda tidak berwenang menandatanganinya.`,
    );
  const missing = nextInitialRole(context, draft);
  if (missing)
    throw new AppError(
      'UNPROCESSABLE',
      `Surat belum diparaf oleh ${context.regency.roles.find((r) => r.id === missing)?.name ?? missing}.`,
    );
  const printed = await signatureBlock(db, user, authority, context.regency);
  const timeZone = context.snapshot.calendar.timezone;
  const year = Number(new Intl.DateTimeFormat('en', { year: 'numeric', timeZone }).format(now));
  const month = Number(new Intl.DateTimeFormat('en', { month: 'numeric', timeZone }).format(now));
  const format = context.template.numberFormat ?? DEFAULT_NUMBER_FORMAT;
  const unitShort =
    context.regency.units.find((u) => u.id === context.definition.unit)?.short ?? context.definition.unit ?? '';
  const recipientValue = lookupValue(draft.values, context.template.recipient ?? 'fullName');
  // The logo of this moment goes into the signed bytes; the stored kop names which upload it was.
  const logo = await kopLogo(db, user.regencyId);
  try {
    return await db.transaction(async (trx) => {
      const seq = await nextSequence(trx, user.regencyId, format, year);
      const number = formatLetterNumber(format, { seq, year, month, sop: context.definition.id, unit: unitShort });
      const code = randomBytes(9).toString('base64url');
      const layout = layoutOf(context, draft.values, {
        number,
        signer: printed,
        date: now,
        initials: draft.initials,
        verifyUrl: options.verifyUrl(code),
        signatureKind: options.signer.kind,
        ...(logo ? { logo } : {}),
      });
      const unsigned = await renderLetterPdf(layout);
      const pdf = await options.signer.signPdf(unsigned, {
        userId: user.id,
        regencyId: user.regencyId,
        name: printed.name,
        ...(printed.nip ? { nip: printed.nip } : {}),
        reason: `${layout.title} ${number}`,
        location: layout.place,
        ...(options.nik ? { nik: options.nik } : {}),
        ...(options.passphrase ? { passphrase: options.passphrase } : {}),
      });
      const id = randomUUID();
      const issued = await insertIssuedLetter(trx, {
        id,
        regencyId: user.regencyId,
        caseId: draft.caseId,
        outputId: draft.outputId,
        stepId: draft.stepId,
        title: layout.title,
        number,
        body: layout.body,
        signer: printed,
        letterhead: letterheadOf(context.snapshot, logo),
        verificationCode: code,
        issuedBy: user.id,
        issuedAt: now,
        values: draft.values,
        pdf,
        pdfSha256: createHash('sha256').update(pdf).digest('hex'),
        signatureKind: options.signer.kind,
        recipient: typeof recipientValue === 'string' ? recipientValue : null,
        draftId: draft.id,
        initials: draft.initials,
      });
      await markLetterDraftSigned(trx, draft.id, id);
      await recordIssuedOutput(
        trx,
        user,
        draft.caseId,
        {
          type: 'recordOutput',
          stepId: draft.stepId,
          outputId: draft.outputId,
          documentId: id,
          number,
          title: layout.title,
        },
        now,
      );
      return toIssuedDocument(issued);
    });
  } catch (error) {
    if (error instanceof SigningRefused) throw new AppError('UNPROCESSABLE', error.message, '/passphrase');
    if (error instanceof AppError) throw error;
    // The signing service failed: nothing was written (the transaction rolled back with its number).
    throw new AppError(
      'UNAVAILABLE',
      `Penandatanganan elektronik gagal; tidak ada nomor yang terpakai. ${error instanceof Error ? error.message : ''}`.trim(),
    );
  }
}
