import type { SopDefinition } from '../../definition/sopTypes.ts';

/**
 * The outside party a task waits for, if any: a step of an external actor after the opening one (a
 * Panti's months of care). The opening step of an outside party is the officer recording the
 * application at the desk, and a step the file was sent back to is the officer's to receive the
 * missing documents: both are desk work, shown in the inbox (the latter marked "dikembalikan").
 */
export function outsidePartyOf(
  definition: SopDefinition,
  task: { actorId: string; stepId: string },
  returned: boolean,
): string | null {
  const actor = definition.actors.find((a) => a.id === task.actorId);
  if (!actor?.external) return null;
  const index = definition.steps.find((s) => s.id === task.stepId)?.index ?? 0;
  return index > 0 && !returned ? actor.name : null;
}
