import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CaseOutput } from '../../../engine/app/outputs/issueDocument.ts';
import { ConfirmButton } from '../../../ui-shared/components/ConfirmDialog.tsx';
import { ErrorAlert } from '../../../ui-shared/components/ErrorAlert.tsx';
import { call } from '../../../ui-shared/api/call.ts';
import { fileHref } from '../../../ui-shared/api/fileHref.ts';
import { outputContracts } from '../../../engine/contracts/outputContracts.ts';

/**
 * The letters of a case: staff prepare a numberless preview, the paraf chain initials it, the signer (or
 * their Plt/Plh) signs it electronically; BSrE asks for NIK and passphrase at each signing. Signing (it takes
 * the number) and revoking ask for confirmation first.
 */
export function LetterOutputs(props: {
  caseId: string;
  outputs: CaseOutput[];
  signing: 'local' | 'bsre';
  /** The user may revoke an issued letter (with a reason). */
  canRevoke: boolean;
  onChange: () => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const [credentials, setCredentials] = useState({ nik: '', passphrase: '' });
  const act = async (command: () => Promise<unknown>) => {
    setBusy(true);
    setError(undefined);
    try {
      await command();
      await props.onChange();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <ErrorAlert error={error} />
      <ul data-testid="outputs" className="letters">
        {props.outputs.map((o) => (
          <li key={`${o.stepId}-${o.outputId}`} data-testid={`output-${o.outputId}`}>
            <strong>{o.name}</strong> {!o.produced && <span className="muted">({t('case.notProduced')})</span>}
            {o.signerRoleName && <div className="muted">{t('letters.signedBy', { role: o.signerRoleName })}</div>}
            {o.document ? (
              <div>
                <strong>{o.document.number}</strong>{' '}
                {o.document.status === 'revoked' && <span className="badge bad">{t('public.revoked')}</span>}{' '}
                {o.document.signatureKind && <span className="badge ok">{t('letters.signedElectronically')}</span>}{' '}
                <Link to={`/dokumen/${o.document.id}`}>{t('case.print')}</Link> ·{' '}
                <a
                  href={fileHref(outputContracts.documentPdf, { params: { documentId: o.document.id } })}
                  target="_blank"
                  rel="noreferrer"
                >
                  {t('case.pdf')}
                </a>
                {props.canRevoke && o.document.status !== 'revoked' && (
                  <>
                    {' '}
                    <ConfirmButton
                      label={t('caseActions.revoke')}
                      className="secondary"
                      testId={`revoke-${o.document.id}`}
                      title={t('caseActions.revokeTitle', { number: o.document.number })}
                      confirmLabel={t('caseActions.revokeYes')}
                      reasonLabel={t('caseActions.reason')}
                      danger
                      onConfirm={async (reason) => {
                        await call(outputContracts.revoke, {
                          params: { documentId: o.document!.id },
                          body: { reason },
                        });
                        await props.onChange();
                      }}
                    >
                      <p>
                        {t('caseActions.revokeBody')} {t('confirm.irreversible')}
                      </p>
                    </ConfirmButton>
                  </>
                )}
              </div>
            ) : o.draft ? (
              <div className="row" style={{ flexWrap: 'wrap', gap: '.5rem', alignItems: 'center' }}>
                <a
                  href={fileHref(outputContracts.preview, { params: { draftId: o.draft.id } })}
                  target="_blank"
                  rel="noreferrer"
                >
                  {t('letters.preview')}
                </a>
                {o.draft.initials.map((i) => (
                  <span key={i.role} className="badge ok">
                    {t('letters.initialledBy', { name: i.name, role: i.roleName })}
                  </span>
                ))}
                {o.draft.nextInitial && (
                  <span className="muted">{t('letters.waitingInitial', { role: o.draft.nextInitial })}</span>
                )}
                {o.draft.mayInitial && (
                  <button
                    type="button"
                    disabled={busy}
                    onClick={() => void act(() => call(outputContracts.initial, { params: { draftId: o.draft!.id } }))}
                  >
                    {t('letters.initial')}
                  </button>
                )}
                {!o.draft.nextInitial && !o.draft.maySign && (
                  <span className="muted">{t('letters.waitingSignature', { role: o.signerRoleName ?? '' })}</span>
                )}
                {o.draft.maySign && (
                  <>
                    {props.signing === 'bsre' && (
                      <>
                        <input
                          aria-label={t('letters.nik')}
                          placeholder={t('letters.nik')}
                          inputMode="numeric"
                          value={credentials.nik}
                          onChange={(e) => setCredentials({ ...credentials, nik: e.target.value })}
                        />
                        <input
                          aria-label={t('letters.passphrase')}
                          placeholder={t('letters.passphrase')}
                          type="password"
                          value={credentials.passphrase}
                          onChange={(e) => setCredentials({ ...credentials, passphrase: e.target.value })}
                        />
                      </>
                    )}
                    <ConfirmButton
                      label={t('letters.sign')}
                      testId={`sign-${o.outputId}`}
                      disabled={busy}
                      title={t('confirm.issueTitle', { name: o.name })}
                      confirmLabel={t('confirm.issueYes')}
                      onConfirm={() =>
                        act(() =>
                          call(outputContracts.sign, {
                            params: { draftId: o.draft!.id },
                            body: props.signing === 'bsre' ? credentials : {},
                          }),
                        )
                      }
                    >
                      <p>
                        {t('confirm.issueBody')} {t('confirm.irreversible')}
                      </p>
                    </ConfirmButton>
                  </>
                )}
              </div>
            ) : o.issuable && o.produced ? (
              <div>
                <button
                  type="button"
                  className="secondary"
                  disabled={busy}
                  onClick={() =>
                    void act(() =>
                      call(outputContracts.prepare, { params: { caseId: props.caseId, outputId: o.outputId } }),
                    )
                  }
                >
                  {t('letters.prepare')}
                </button>
              </div>
            ) : null}
          </li>
        ))}
      </ul>
    </>
  );
}
