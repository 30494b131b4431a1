import { AppError } from '../../app/appErrors.ts';
import type { InboxQuery } from '../../app/caseQueries.ts';
import { dateValue, instantValue, integerValue } from '../queryValues.ts';

/** Checks the cursor `${dueAtIso|~}|${taskId}` the previous page handed out; a hand-made one is a 400. */
function cursorValue(text: string): string {
  const separator = text.lastIndexOf('|');
  const due = text.slice(0, separator);
  const id = text.slice(separator + 1);
  if (separator < 1 || !/^[\w-]{1,100}$/.test(id))
    throw new AppError(
      'VALIDATION_FAILED',
      'Kursor halaman `after` tidak sah; mulai lagi dari halaman pertama.',
      '/after',
    );
  if (due !== '~') instantValue(due, '/after');
  return text;
}

/** The search term, bounded so a pasted page cannot become a huge LIKE pattern. */
function searchTerm(text: string): string {
  if (text.length > 100)
    throw new AppError('VALIDATION_FAILED', 'Kata pencarian terlalu panjang (paling banyak 100 huruf).', '/q');
  return text.trim();
}

/** The inbox's query string as typed options: sopId, overdue, assigned, dueBy, q, after, limit (1–200). */
export function inboxQuery(query: Record<string, string | undefined>): InboxQuery {
  return {
    ...(query.sopId ? { sopId: query.sopId } : {}),
    overdueOnly: query.overdue === 'true',
    assignedOnly: query.assigned === 'true',
    ...(query.dueBy ? { dueBy: dateValue(query.dueBy, '/dueBy') } : {}),
    ...(query.q?.trim() ? { q: searchTerm(query.q) } : {}),
    ...(query.after ? { after: cursorValue(query.after) } : {}),
    ...(query.limit ? { limit: integerValue(query.limit, '/limit', 1, 200) } : {}),
  };
}
