import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { notificationContracts } from '../../../engine/contracts/notificationContracts.ts';
import { call } from '../../../ui-shared/api/call.ts';
import { useCall } from '../../../ui-shared/api/useCall.ts';
import { formatDateTime } from '../../../ui-shared/format/dateTime.ts';

const REFRESH_MS = 60_000;

/** The bell in the header: unread count, and a panel with the newest notifications for my roles or me. */
export function NotificationBell() {
  const { t, i18n } = useTranslation();
  const { data, reload } = useCall(notificationContracts.list, {});
  const [open, setOpen] = useState(false);
  const panel = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const timer = setInterval(() => void reload(), REFRESH_MS);
    return () => clearInterval(timer);
  }, [reload]);
  useEffect(() => {
    if (!open) return;
    const close = (e: KeyboardEvent) => e.key === 'Escape' && setOpen(false);
    window.addEventListener('keydown', close);
    return () => window.removeEventListener('keydown', close);
  }, [open]);
  const unread = data?.unread ?? 0;
  const markAll = async () => {
    await call(notificationContracts.markRead, { body: {} });
    await reload();
  };
  const markOne = (id: number) => void call(notificationContracts.markRead, { body: { ids: [id] } }).then(reload);
  return (
    <div className="bell">
      <button
        type="button"
        className="bell-button"
        aria-expanded={open}
        aria-controls="bell-panel"
        aria-label={t('bell.label', { count: unread })}
        data-testid="bell"
        onClick={() => setOpen(!open)}
      >
        <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true">
          <path
            fill="currentColor"
            d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3a1.5 1.5 0 0 0-3 0v1.16A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z"
          />
        </svg>
        {unread > 0 && (
          <span className="bell-count" data-testid="bell-count">
            {unread > 99 ? '99+' : unread}
          </span>
        )}
      </button>
      {open && (
        <div className="bell-panel" id="bell-panel" ref={panel} role="region" aria-label={t('bell.title')}>
          <div className="row bell-head">
            <strong>{t('bell.title')}</strong>
            {unread > 0 && (
              <button type="button" className="secondary" onClick={() => void markAll()}>
                {t('bell.markAll')}
              </button>
            )}
          </div>
          {data && data.items.length === 0 && <p className="muted">{t('bell.empty')}</p>}
          <ul>
            {data?.items.map((item) => (
              <li key={item.id} className={item.read ? 'read' : 'unread'}>
                <Link
                  to={
                    item.caseId && item.taskId
                      ? `/kasus/${item.caseId}/tugas/${item.taskId}`
                      : item.caseId
                        ? `/kasus/${item.caseId}`
                        : '/'
                  }
                  onClick={() => {
                    if (!item.read) markOne(item.id);
                    setOpen(false);
                  }}
                >
                  <strong>{item.title}</strong>
                  <span>{item.body}</span>
                  <small>{formatDateTime(item.createdAt, i18n.language)}</small>
                </Link>
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
