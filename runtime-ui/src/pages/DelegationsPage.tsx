import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { delegationContracts } from '../../../engine/contracts/delegationContracts.ts';
import { call } from '../../../ui-shared/api/call.ts';
import { useCall } from '../../../ui-shared/api/useCall.ts';
import { ConfirmButton, ConfirmDialog } from '../../../ui-shared/components/ConfirmDialog.tsx';
import { DateInput } from '../../../ui-shared/components/DateInput.tsx';
import { ErrorAlert } from '../../../ui-shared/components/ErrorAlert.tsx';
import { useSession } from '../../../ui-shared/session/SessionContext.tsx';
import { formatDateTime } from '../components/format.ts';

const KINDS = ['plt', 'plh', 'cuti'] as const;
type Form = { fromUserId: string; toUserId: string; kind: (typeof KINDS)[number]; from: string; to: string };

// Midnight at the start of a local day in the regency's zone, as an instant (offsets of WIB/WITA/WIT).
const OFFSETS: Record<string, string> = { 'Asia/Makassar': '+08:00', 'Asia/Jayapura': '+09:00' };

/** Plt, Plh and leave cover: who acts for whom and until when; the Kepala Dinas and the admin manage everyone's. */
export function DelegationsPage() {
  const { t, i18n } = useTranslation();
  const { session, hasKind } = useSession();
  const list = useCall(delegationContracts.list, {});
  const users = useCall(delegationContracts.users, {});
  const manager = hasKind('kadis', 'admin');
  const [form, setForm] = useState<Form>({ fromUserId: '', toUserId: '', kind: 'plh', from: '', to: '' });
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<unknown>();
  const offset = OFFSETS[session?.regency.timeZone ?? ''] ?? '+07:00';
  const name = (id: string) => users.data?.users.find((u) => u.id === id)?.name ?? '';
  const now = Date.now();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setError(undefined);
    if (!form.toUserId || !form.from || !form.to) return setError(new Error(t('delegation.incomplete')));
    setConfirming(true);
  };
  return (
    <>
      <h1>{t('delegation.title')}</h1>
      <p className="muted">{t('delegation.intro')}</p>
      <form className="card" onSubmit={submit} aria-labelledby="new-delegation">
        <h2 id="new-delegation" style={{ marginTop: 0 }}>
          {t('delegation.new')}
        </h2>
        <ErrorAlert error={error} />
        <div className="row">
          {manager && (
            <div>
              <label htmlFor="del-from">{t('delegation.from')}</label>
              <br />
              <select
                id="del-from"
                value={form.fromUserId}
                onChange={(e) => setForm({ ...form, fromUserId: e.target.value })}
              >
                <option value="">{t('delegation.myself')}</option>
                {users.data?.users.map((u) => (
                  <option key={u.id} value={u.id}>
                    {u.name}
                  </option>
                ))}
              </select>
            </div>
          )}
          <div>
            <label htmlFor="del-to">{t('delegation.to')}</label>
            <br />
            <select id="del-to" value={form.toUserId} onChange={(e) => setForm({ ...form, toUserId: e.target.value })}>
              <option value="">{t('assign.pick')}</option>
              {users.data?.users
                .filter((u) => u.id !== (form.fromUserId || session?.user.id))
                .map((u) => (
                  <option key={u.id} value={u.id}>
                    {u.name}
                  </option>
                ))}
            </select>
          </div>
          <div>
            <label htmlFor="del-kind">{t('delegation.kind')}</label>
            <br />
            <select
              id="del-kind"
              value={form.kind}
              onChange={(e) => setForm({ ...form, kind: KINDS.find((k) => k === e.target.value) ?? 'plh' })}
            >
              {(['plh', 'plt', 'cuti'] as const).map((k) => (
                <option key={k} value={k}>
                  {t(`delegation.kinds.${k}`)}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="del-start">{t('delegation.start')}</label>
            <br />
            <DateInput id="del-start" value={form.from} onChange={(from) => setForm({ ...form, from })} />
          </div>
          <div>
            <label htmlFor="del-end">{t('delegation.end')}</label>
            <br />
            <DateInput id="del-end" value={form.to} onChange={(to) => setForm({ ...form, to })} />
          </div>
          <button type="submit">{t('delegation.create')}</button>
        </div>
      </form>
      <ConfirmDialog
        open={confirming}
        title={t('delegation.confirmTitle')}
        confirmLabel={t('delegation.create')}
        onClose={() => setConfirming(false)}
        onConfirm={async () => {
          await call(delegationContracts.create, {
            body: {
              ...(form.fromUserId ? { fromUserId: form.fromUserId } : {}),
              toUserId: form.toUserId,
              kind: form.kind,
              startsAt: new Date(`${form.from}T00:00:00${offset}`).toISOString(),
              // The last day is a whole day: the cover ends at midnight after it.
              endsAt: new Date(new Date(`${form.to}T00:00:00${offset}`).getTime() + 86_400_000).toISOString(),
            },
          });
          setForm({ fromUserId: '', toUserId: '', kind: 'plh', from: '', to: '' });
          await list.reload();
        }}
      >
        <p>
          {t('delegation.confirmBody', {
            kind: t(`delegation.kinds.${form.kind}`),
            from: form.fromUserId ? name(form.fromUserId) : session?.user.name,
            to: name(form.toUserId),
          })}
        </p>
      </ConfirmDialog>
      <ErrorAlert error={list.error} />
      {list.loading && !list.data ? (
        <p className="loading">{t('app.loading')}</p>
      ) : (list.data?.delegations ?? []).length === 0 ? (
        <p className="card">{t('delegation.none')}</p>
      ) : (
        <table className="list responsive" data-testid="delegations">
          <thead>
            <tr>
              <th>{t('delegation.kind')}</th>
              <th>{t('delegation.from')}</th>
              <th>{t('delegation.to')}</th>
              <th>{t('delegation.period')}</th>
              <th>{t('delegation.state')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {list.data!.delegations.map((d) => {
              const active = new Date(d.ends_at).getTime() > now;
              const mayEnd =
                active && (manager || d.from_user_id === session?.user.id || d.created_by === session?.user.id);
              return (
                <tr key={d.id}>
                  <td data-label={t('delegation.kind')}>{t(`delegation.kinds.${d.kind}`)}</td>
                  <td data-label={t('delegation.from')}>{d.from_name ?? '–'}</td>
                  <td data-label={t('delegation.to')}>{d.to_name ?? '–'}</td>
                  <td data-label={t('delegation.period')}>
                    {formatDateTime(d.starts_at, i18n.language)} – {formatDateTime(d.ends_at, i18n.language)}
                  </td>
                  <td data-label={t('delegation.state')}>
                    {d.end_reason ? (
                      <span>
                        <span className="badge">{t('delegation.ended')}</span> {d.end_reason}
                      </span>
                    ) : active ? (
                      <span className="badge ok">{t('delegation.active')}</span>
                    ) : (
                      <span className="badge">{t('delegation.over')}</span>
                    )}
                  </td>
                  <td>
                    {mayEnd && (
                      <ConfirmButton
                        label={t('delegation.endNow')}
                        className="secondary"
                        testId={`end-delegation-${d.id}`}
                        title={t('delegation.endTitle')}
                        confirmLabel={t('delegation.endNow')}
                        reasonLabel={t('caseActions.reason')}
                        onConfirm={async (reason) => {
                          await call(delegationContracts.end, { params: { delegationId: d.id }, body: { reason } });
                          await list.reload();
                        }}
                      >
                        <p>{t('delegation.endBody', { name: d.to_name ?? '' })}</p>
                      </ConfirmButton>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </>
  );
}
