import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ACTION_RULES, type Action } from '../../../engine/app/permissions/actions.ts';
import type { CaseState } from '../../../engine/core/caseTypes.ts';
import { archiveContracts } from '../../../engine/contracts/archiveContracts.ts';
import { caseContracts } from '../../../engine/contracts/caseContracts.ts';
import { call } from '../../../ui-shared/api/call.ts';
import { ConfirmButton, ConfirmDialog } from '../../../ui-shared/components/ConfirmDialog.tsx';
import { useSession } from '../../../ui-shared/session/SessionContext.tsx';
import { DateInput } from '../../../ui-shared/components/DateInput.tsx';

/** The role kinds the API allows for an action: the buttons follow the same table. */
export function kindsOf(action: Action): string[] {
  const who = ACTION_RULES[action].who;
  return typeof who === 'string' ? [] : [...who];
}

const ENDINGS = [
  { action: 'cancel', permission: 'case.cancel' },
  { action: 'reject', permission: 'case.decide' },
  { action: 'close', permission: 'case.decide' },
] as const;
const ARCHIVE_KINDS = ['borrow', 'copy', 'send'] as const;

/** Ending a case by hand (permohonan ditarik, ditolak, ditutup), the archive request and, for auditors, the access log. */
export function CaseActions({
  caseId,
  state,
  onDone,
}: {
  caseId: string;
  state: Pick<CaseState, 'status'>;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const { hasKind } = useSession();
  const [archiving, setArchiving] = useState(false);
  const [archive, setArchive] = useState<{
    kind: (typeof ARCHIVE_KINDS)[number];
    recipient: string;
    dueBackAt: string;
  }>({
    kind: 'borrow',
    recipient: '',
    dueBackAt: '',
  });
  const running = state.status === 'open' || state.status === 'waiting';
  const endings = ENDINGS.filter((e) => running && hasKind(...kindsOf(e.permission)));
  const canArchive = hasKind(...kindsOf('archive.request'));
  const canAudit = hasKind(...kindsOf('audit.read'));
  if (endings.length === 0 && !canArchive && !canAudit) return null;
  return (
    <section className="card no-print" aria-labelledby="case-actions">
      <h2 id="case-actions" style={{ marginTop: 0 }}>
        {t('caseActions.title')}
      </h2>
      <div className="case-actions">
        {endings.map((e) => (
          <ConfirmButton
            key={e.action}
            label={t(`caseActions.${e.action}`)}
            className={e.action === 'close' ? 'secondary' : 'danger'}
            testId={`case-${e.action}`}
            title={t(`caseActions.${e.action}Title`)}
            confirmLabel={t(`caseActions.${e.action}Yes`)}
            reasonLabel={t('caseActions.reason')}
            danger={e.action !== 'close'}
            onConfirm={async (reason) => {
              await call(caseContracts[e.action], { params: { caseId }, body: { reason } });
              onDone();
            }}
          >
            <p>
              {t(`caseActions.${e.action}Body`)} {t('confirm.irreversible')}
            </p>
          </ConfirmButton>
        ))}
        {canArchive && (
          <button type="button" className="secondary" onClick={() => setArchiving(true)} data-testid="archive-request">
            {t('caseActions.archive')}
          </button>
        )}
        {canAudit && (
          <Link className="button secondary" to={`/log-akses?kasus=${caseId}`}>
            {t('caseActions.accessLog')}
          </Link>
        )}
      </div>
      <ConfirmDialog
        open={archiving}
        title={t('caseActions.archiveTitle')}
        confirmLabel={t('caseActions.archiveYes')}
        reasonLabel={t('caseActions.archiveReason')}
        onClose={() => setArchiving(false)}
        onConfirm={async (reason) => {
          await call(archiveContracts.request, {
            params: { caseId },
            body: {
              kind: archive.kind,
              reason,
              recipient: archive.recipient,
              ...(archive.kind === 'borrow' && archive.dueBackAt
                ? { dueBackAt: new Date(`${archive.dueBackAt}T16:00:00Z`).toISOString() }
                : {}),
            },
          });
          onDone();
        }}
      >
        <p>
          <label htmlFor="archive-kind">{t('archive.kind')}</label>
          <br />
          <select
            id="archive-kind"
            value={archive.kind}
            onChange={(e) =>
              setArchive({ ...archive, kind: ARCHIVE_KINDS.find((k) => k === e.target.value) ?? 'borrow' })
            }
          >
            {ARCHIVE_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`archive.kinds.${k}`)}
              </option>
            ))}
          </select>
        </p>
        <p>
          <label htmlFor="archive-recipient">{t('archive.recipient')}</label>
          <br />
          <input
            id="archive-recipient"
            value={archive.recipient}
            onChange={(e) => setArchive({ ...archive, recipient: e.target.value })}
          />
        </p>
        {archive.kind === 'borrow' && (
          <p>
            <label htmlFor="archive-due">{t('archive.dueBack')}</label>
            <br />
            <DateInput
              id="archive-due"
              value={archive.dueBackAt}
              onChange={(dueBackAt) => setArchive({ ...archive, dueBackAt })}
            />
          </p>
        )}
      </ConfirmDialog>
    </section>
  );
}
