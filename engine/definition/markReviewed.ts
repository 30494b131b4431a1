import { parseDocument } from 'yaml';
import { patchYaml } from './patchYaml.ts';
import type { Provenance } from './sopTypes.ts';
import { READING_PART, unreviewedParts } from './unreviewedParts.ts';

/** Which imported part a drafter checked: a step's part, or a cover field's. */
export type ReviewTarget = { stepId: string; part: string } | { field: string; part: string };

/** The patched YAML, or why the part cannot be marked (Indonesian, with the JSON path it concerns). */
export type MarkOutcome = { ok: true; source: string; path: string } | { ok: false; message: string; path: string };

function provenanceOf(value: Record<string, unknown>, target: ReviewTarget): { node?: Provenance; path: string } {
  if ('stepId' in target) {
    const steps = Array.isArray(value.steps) ? (value.steps as Array<Record<string, unknown>>) : [];
    const index = steps.findIndex((s) => s.id === target.stepId);
    if (index < 0) return { path: '/steps' };
    return { node: steps[index]!.provenance as Provenance | undefined, path: `/steps/${index}/provenance` };
  }
  const source = (value.source ?? {}) as { fields?: Record<string, Provenance> };
  return { node: source.fields?.[target.field], path: `/source/fields/${target.field}` };
}

/**
 * Adds a part to `provenance.reviewed` of a step or cover field, touching only that list in the text (comments and
 * layout elsewhere stay). Refused when the part is not an unreviewed inferred part or uncertain reading there.
 */
export function markReviewed(source: string, target: ReviewTarget): MarkOutcome {
  const doc = parseDocument(source);
  const value: unknown = doc.errors.length === 0 ? doc.toJS() : undefined;
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    return { ok: false, message: 'Naskah YAML tidak dapat dibaca; perbaiki dahulu.', path: '/source' };
  const sop = value as Record<string, unknown>;
  const { node, path } = provenanceOf(sop, target);
  const where = 'stepId' in target ? `langkah ${target.stepId}` : `isian sampul ${target.field}`;
  if (!node) return { ok: false, message: `Tidak ada asal isian pada ${where}.`, path };
  const open = unreviewedParts({ steps: [], source: { fields: { x: node } } }).map((p) => p.part);
  if (!open.includes(target.part))
    return {
      ok: false,
      message:
        target.part === READING_PART || (node.inferred ?? []).includes(target.part)
          ? `Bagian ini pada ${where} sudah diperiksa.`
          : `Bagian "${target.part}" pada ${where} bukan tafsiran yang perlu diperiksa.`,
      path,
    };
  node.reviewed = [...(node.reviewed ?? []), target.part];
  return { ok: true, source: patchYaml(source, sop), path };
}
