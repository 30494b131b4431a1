import { CASE_ENDINGS, type SopDefinition, type Step } from '../../../engine/definition/sopTypes.ts';

/** An arrow of the printed flowchart, between table rows (the endings sit on the row after the last step). */
export interface FlowEdge {
  from: number;
  to: number;
  /** The step id or ending it points to. */
  target: string;
  label?: string;
  /** `fork`: into the first row of a parallel branch; `forEach`: into the first row done per person. */
  kind: 'next' | 'branch' | 'sendBack' | 'end' | 'fork' | 'forEach';
  /** The source document does not print this arrow: it was inferred when the SOP was encoded. */
  inferred: boolean;
}

/** The parts of a step the source does not print (`provenance.inferred`). */
export function inferredParts(step: Step): Set<string> {
  return new Set(step.provenance?.inferred ?? []);
}

const isEnding = (target: string): boolean => (CASE_ENDINGS as readonly string[]).includes(target);

/** Every arrow of the flowchart with its rows, label and whether the source prints it. */
export function flowEdges(definition: SopDefinition): FlowEdge[] {
  const rowOf = new Map(definition.steps.map((s, i) => [s.id, i]));
  const endingsRow = definition.steps.length;
  return definition.steps.flatMap((step, i) => {
    const parts = inferredParts(step);
    const edge = (target: string, kind: FlowEdge['kind'], label?: string): FlowEdge[] => {
      const to = isEnding(target) ? endingsRow : rowOf.get(target);
      if (to === undefined) return [];
      // An arrow into an ending the source does not print is marked by `end`; a branch by `decision`.
      const inferred =
        parts.has('step') ||
        (kind === 'sendBack' && parts.has('sendBack')) ||
        (kind === 'branch' && (parts.has('decision') || (isEnding(target) && parts.has('end')))) ||
        ((kind === 'end' || kind === 'next') && isEnding(target) && parts.has('end')) ||
        (kind === 'fork' && parts.has('parallel')) ||
        (kind === 'forEach' && parts.has('forEach'));
      return [{ from: i, to, target, kind, inferred, ...(label !== undefined ? { label } : {}) }];
    };
    const out: FlowEdge[] = [];
    // A fork or a per-person step leaves by its block (the normaliser may still have filled in `next`).
    if (step.end !== undefined) out.push(...edge(step.end, 'end'));
    else if (step.parallel) step.parallel.branches.forEach((b) => out.push(...edge(b, 'fork')));
    else if (step.forEach) out.push(...edge(step.forEach.start, 'forEach', 'per penerima'));
    else if (step.decision) step.decision.branches.forEach((b) => out.push(...edge(b.goto, 'branch', b.label)));
    else if (step.next !== undefined) out.push(...edge(step.next, 'next'));
    if (step.sendBack) out.push(...edge(step.sendBack.to, 'sendBack', step.sendBack.label ?? 'Dikembalikan'));
    return out;
  });
}

/** The endings the flow reaches, each marked inferred when no printed arrow leads to it. */
export function flowEndings(edges: FlowEdge[]): Array<{ id: string; inferred: boolean; fromRow: number }> {
  const ids = [...new Set(edges.filter((e) => isEnding(e.target)).map((e) => e.target))];
  return ids.map((id) => {
    const into = edges.filter((e) => e.target === id);
    return { id, inferred: into.every((e) => e.inferred), fromRow: into[into.length - 1]!.from };
  });
}

/** Whether the printout needs the dagger legend: some step part, arrow or ending was inferred. */
export function hasInferredMarks(definition: SopDefinition): boolean {
  return definition.steps.some((s) => inferredParts(s).size > 0);
}
