import type { RawActorRef, RawSop, RawStep } from '../../engine/definition/sopTypes.ts';
import { outputNames } from './groundTruth.ts';
import { normalText, similarity } from './textSimilarity.ts';

/** Per-SOP counts of parts read correctly, against a reference definition. */
export interface SopScore {
  stepsSource: number;
  stepsFound: number;
  activities: number;
  actors: number;
  times: number;
  outputs: number;
  /** Steps compared (the reference's steps that have a counterpart in the draft). */
  compared: number;
  /** Reference steps with no printed row: endings or loops the published definition adds. */
  addedInReference: string[];
  /** Send-back loops and endings the published definition adds (not printed in the document). */
  flowAddedInReference: string[];
  /** Outputs the published definition gives where the document's Output cell is empty (not counted). */
  outputsAddedInReference: string[];
  /** Step-level differences, for the report. */
  misses: string[];
}

/** An activity counts as read when at least this similar to the reference (the published text fixes typos). */
export const ACTIVITY_THRESHOLD = 0.85;

function actorKeys(sop: RawSop, ref: RawActorRef): Set<string> {
  const ids = typeof ref === 'string' ? [ref] : 'together' in ref ? ref.together : ref.anyOf;
  return new Set(
    ids.flatMap((id) => {
      const actor = sop.actors.find((a) => a.id === id);
      if (!actor) return [id];
      return [actor.role !== undefined ? `role:${actor.role}` : `name:${normalText(actor.name)}`];
    }),
  );
}

function sameActor(draft: RawSop, step: RawStep, reference: RawSop, refStep: RawStep): boolean {
  const mine = actorKeys(draft, step.actor);
  const theirs = actorKeys(reference, refStep.actor);
  return [...mine].some((k) => theirs.has(k));
}

function sameTime(a: string | undefined, b: string | undefined): boolean {
  return normalText(a ?? '') === normalText(b ?? '');
}

function sameOutput(step: RawStep, refStep: RawStep): boolean {
  const mine = outputNames(step.output).join(', ');
  const theirs = outputNames(refStep.output);
  if (mine === '' && theirs.length === 0) return true;
  return [theirs.join(', '), ...theirs].some((t) => similarity(mine, t) >= 0.9);
}

/**
 * Scores a draft against a reference definition: each reference step is paired with the draft step at the same
 * printed row (by activity text, in order); a reference step with no such row is reported as added by the
 * reference, not counted against the reading.
 */
export function compareSop(draft: RawSop, reference: RawSop, stepsSource: number): SopScore {
  const score: SopScore = {
    stepsSource,
    stepsFound: draft.steps.length,
    activities: 0,
    actors: 0,
    times: 0,
    outputs: 0,
    compared: 0,
    addedInReference: [],
    outputsAddedInReference: [],
    flowAddedInReference: [],
    misses: [],
  };
  let from = 0;
  for (const refStep of reference.steps) {
    let best = -1;
    let bestScore = 0;
    for (let i = from; i < draft.steps.length; i += 1) {
      const s = similarity(draft.steps[i]?.activity ?? '', refStep.activity);
      if (s > bestScore) {
        bestScore = s;
        best = i;
      }
    }
    if (best < 0 || bestScore < 0.5) {
      score.addedInReference.push(refStep.id);
      continue;
    }
    const step = draft.steps[best] as RawStep;
    // Flow the published definition adds and the printed table cannot show: send-backs and rejection endings.
    if (refStep.sendBack) score.flowAddedInReference.push(`${refStep.id}: kembali ke ${refStep.sendBack.to}`);
    for (const branch of refStep.decision?.branches ?? [])
      if (branch.goto === 'ditolak' || branch.goto === 'dirujuk')
        score.flowAddedInReference.push(`${refStep.id}: cabang "${branch.label}" berakhir ${branch.goto}`);
    if (refStep.end !== undefined && refStep.end !== 'selesai')
      score.flowAddedInReference.push(`${refStep.id}: berakhir ${refStep.end}`);
    from = best + 1;
    score.compared += 1;
    const no = best + 1;
    if (bestScore >= ACTIVITY_THRESHOLD) score.activities += 1;
    else score.misses.push(`${no}: uraian ${Math.round(bestScore * 100)}% mirip`);
    if (sameActor(draft, step, reference, refStep)) score.actors += 1;
    else score.misses.push(`${no}: pelaksana ${JSON.stringify(step.actor)} ≠ ${JSON.stringify(refStep.actor)}`);
    if (sameTime(step.time, refStep.time)) score.times += 1;
    else score.misses.push(`${no}: waktu "${step.time ?? ''}" ≠ "${refStep.time ?? ''}"`);
    if (outputNames(step.output).length === 0 && outputNames(refStep.output).length > 0)
      score.outputsAddedInReference.push(`${no}: "${outputNames(refStep.output).join(', ')}"`);
    else if (sameOutput(step, refStep)) score.outputs += 1;
    else
      score.misses.push(
        `${no}: keluaran "${outputNames(step.output).join(', ')}" ≠ "${outputNames(refStep.output).join(', ')}"`,
      );
  }
  return score;
}
