import { unplaced, type UnplacedError } from '../definitionError.ts';
import { withSuggestion } from '../suggest.ts';
import type { RawActorRef } from '../sopTypes.ts';
import type { CheckContext } from './checkContext.ts';

/** The actor ids a step refers to, whatever form its `actor` takes. */
export function actorIdsOf(ref: RawActorRef): { ids: string[]; pathSuffix: string } {
  if (typeof ref === 'string') return { ids: [ref], pathSuffix: '' };
  if ('together' in ref) return { ids: ref.together, pathSuffix: '/together' };
  if ('sequence' in ref) return { ids: ref.sequence, pathSuffix: '/sequence' };
  return { ids: ref.anyOf, pathSuffix: '/anyOf' };
}

/** Actors map to declared roles (or are external with a recorder); steps use declared actors; the unit exists. */
export function checkActors({ sop, regency }: CheckContext): UnplacedError[] {
  const errors: UnplacedError[] = [];
  const roles = regency?.roles.map((r) => r.id) ?? [];
  const roleError = (role: string, path: string): void => {
    if (regency && !roles.includes(role))
      errors.push(unplaced('UNKNOWN_ROLE', path, withSuggestion({ role, known: roles.join(', ') }, role, roles)));
  };
  sop.actors.forEach((actor, index) => {
    if (actor.role !== undefined) roleError(actor.role, `/actors/${index}/role`);
    if (actor.recordedBy !== undefined) roleError(actor.recordedBy, `/actors/${index}/recordedBy`);
    if (actor.external === true && actor.recordedBy === undefined)
      errors.push(unplaced('EXTERNAL_ACTOR_WITHOUT_RECORDER', `/actors/${index}`, { actor: actor.id }));
    if (actor.external !== true && actor.role === undefined)
      errors.push(unplaced('ACTOR_WITHOUT_ROLE', `/actors/${index}`, { actor: actor.id }));
  });
  const actorIds = sop.actors.map((a) => a.id);
  sop.steps.forEach((step, index) => {
    const { ids, pathSuffix } = actorIdsOf(step.actor);
    ids.forEach((id, i) => {
      if (actorIds.includes(id)) return;
      const path = pathSuffix === '' ? `/steps/${index}/actor` : `/steps/${index}/actor${pathSuffix}/${i}`;
      errors.push(
        unplaced('UNKNOWN_ACTOR', path, withSuggestion({ actor: id, known: actorIds.join(', ') }, id, actorIds)),
      );
    });
    // The decider of a joint step must be one of its participants.
    if (typeof step.actor !== 'string' && 'together' in step.actor && step.actor.decidedBy !== undefined) {
      const decider = step.actor.decidedBy;
      if (!ids.includes(decider))
        errors.push(
          unplaced(
            'UNKNOWN_DECIDER',
            `/steps/${index}/actor/decidedBy`,
            withSuggestion({ actor: decider, known: ids.join(', ') }, decider, ids),
          ),
        );
    }
  });
  if (regency && sop.unit !== undefined && !regency.units.some((u) => u.id === sop.unit)) {
    errors.push(
      unplaced(
        'UNKNOWN_UNIT',
        '/unit',
        withSuggestion(
          { unit: sop.unit, known: regency.units.map((u) => u.id).join(', ') },
          sop.unit,
          regency.units.map((u) => u.id),
        ),
      ),
    );
  }
  return errors;
}
