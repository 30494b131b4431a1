import { useTranslation } from 'react-i18next';

/** What a task's branch and person say, already resolved to display text. */
export interface ThreadText {
  /** The activity of the branch's first step. */
  branch: string | null;
  person: { index: number; count: number; label: string | null } | null;
}

/** For whom a per-person task is ("Penerima 2 dari 5: Siti A.") and which parallel branch a task is in. */
export function ThreadBadge({ thread }: { thread: ThreadText }) {
  const { t } = useTranslation();
  if (!thread.branch && !thread.person) return null;
  return (
    <span className="thread-badges">
      {thread.person && (
        <span className="badge info" data-testid="person-mark">
          {thread.person.label !== null
            ? t('thread.personNamed', {
                position: String(thread.person.index + 1),
                count: String(thread.person.count),
                name: thread.person.label,
              })
            : t('thread.person', { position: String(thread.person.index + 1), count: String(thread.person.count) })}
        </span>
      )}
      {thread.branch && (
        <span className="badge" data-testid="branch-mark">
          {t('thread.branch', { branch: thread.branch })}
        </span>
      )}
    </span>
  );
}

/** The display text of a task's branch and person, from the task and its definition's steps. */
export function threadTextOf(
  task: { branch?: string; item?: { index: number; count: number; label?: string } },
  steps: ReadonlyArray<{ id: string; activity: string }>,
): ThreadText {
  return {
    branch: task.branch !== undefined ? (steps.find((s) => s.id === task.branch)?.activity ?? task.branch) : null,
    person: task.item ? { index: task.item.index, count: task.item.count, label: task.item.label ?? null } : null,
  };
}
