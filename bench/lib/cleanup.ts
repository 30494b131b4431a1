/** Things to undo if the bench is interrupted (Ctrl-C): stop child servers, drop bench databases. */
const pending = new Set<() => Promise<void>>();

/** Registers an undo step; returns a function that unregisters it once it has run normally. */
export function onInterrupt(undo: () => Promise<void>): () => void {
  pending.add(undo);
  return () => void pending.delete(undo);
}

/** Runs every registered undo step (each at most once), ignoring failures. */
export async function runInterruptCleanup(): Promise<void> {
  const steps = [...pending].reverse();
  pending.clear();
  for (const step of steps) await step().catch(() => undefined);
}
