import { useTranslation } from 'react-i18next';
import { ACTION_RULES } from '../../engine/app/permissions/actions.ts';
import { calendarContracts } from '../../engine/contracts/calendarContracts.ts';
import { useCall } from '../api/useCall.ts';
import { useSession } from '../session/SessionContext.tsx';

// The same rule the API enforces decides who is asked: drafters, approvers and admins.
const rule = ACTION_RULES['calendar.read'].who;
const READERS: readonly string[] = typeof rule === 'string' ? [] : rule;

/** "Kalender 2028 belum ditetapkan": shown to admins and drafters while a year in use has no SKB in Alur. */
export function CalendarWarning() {
  const { t } = useTranslation();
  const { hasKind } = useSession();
  const allowed = hasKind(...READERS);
  const { data } = useCall(calendarContracts.status, allowed ? {} : null);
  if (!allowed || !data || data.provisional.length === 0) return null;
  return (
    <p className="alert warn no-print" role="status" data-testid="calendar-warning">
      {t('calendar.provisionalWarning', { years: data.provisional.join(', ') })}
    </p>
  );
}
