import { isMap, isSeq, parseDocument, type Document, type YAMLMap, type YAMLSeq } from 'yaml';
import { patchYaml } from '../../../engine/definition/patchYaml.ts';
import { plain, setKey, setTopKey, step, stepsOf } from './yamlDoc.ts';
import type { ForEachBlock, ParallelBlock, RuleCondition } from '../../../engine/definition/sopTypes.ts';
import { freeId, slugId } from './slugId.ts';

/** A lane to add: a staff role of the regency, or an outside party recorded by a staff role. */
export type NewLane = { role: string; name: string } | { external: true; name: string; recordedBy: string };

/** One change a drafter makes in the SOP table; applied to the YAML document, never to re-rendered text. */
export type TableEdit =
  | { kind: 'addStep'; after: number; activity: string }
  | { kind: 'moveStep'; from: number; to: number }
  | { kind: 'deleteStep'; index: number }
  | { kind: 'toggleLane'; index: number; lane: string }
  | { kind: 'addLane'; lane: NewLane }
  | { kind: 'deleteLane'; lane: string }
  | { kind: 'setText'; index: number; field: 'activity' | 'time' | 'notes'; value: string }
  | { kind: 'setOutput'; index: number; output: string }
  | { kind: 'setLetter'; index: number; name: string; template: string }
  | { kind: 'toggleRequirement'; index: number; doc: string }
  | { kind: 'addDocument'; index: number; label: string; scan?: boolean }
  | { kind: 'setDecision'; index: number; decision: { question: string; yes: string; no: string } | null }
  | { kind: 'setDecisionRule'; index: number; when: RuleCondition | null }
  | { kind: 'setEnd'; index: number; end: string | null }
  | { kind: 'setNext'; index: number; target: string }
  | { kind: 'setParallel'; index: number; parallel: ParallelBlock | null }
  | { kind: 'setForEach'; index: number; forEach: ForEachBlock | null };

/** The ways a step leaves: only one of them is written (the schema says a block step has no next or decision). */
const LEAVING = ['next', 'end', 'decision', 'parallel', 'forEach'] as const;

function leaveBy(map: YAMLMap, keep: (typeof LEAVING)[number]): void {
  for (const key of LEAVING) if (key !== keep) map.delete(key);
}

function actorLanes(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (value !== null && typeof value === 'object') {
    const lists = value as { together?: unknown; anyOf?: unknown; sequence?: unknown };
    const list = lists.together ?? lists.anyOf ?? lists.sequence;
    if (Array.isArray(list)) return list.filter((a): a is string => typeof a === 'string');
  }
  return [];
}

function stepIds(doc: Document): string[] {
  return stepsOf(doc).items.map((s) => (isMap(s) ? String(s.get('id')) : ''));
}

function ensureList(doc: Document, key: string): YAMLSeq {
  const list = doc.get(key, true);
  if (isSeq(list)) return list;
  const created = doc.createNode([]) as YAMLSeq;
  setTopKey(doc, key, created);
  return created;
}

function apply(doc: Document, edit: TableEdit): void {
  const steps = stepsOf(doc);
  switch (edit.kind) {
    case 'addStep': {
      const lanes = edit.after >= 0 ? actorLanes(plain(doc, ['steps', edit.after, 'actor'])) : [];
      const fresh = doc.createNode({
        id: freeId('langkah', stepIds(doc)),
        activity: edit.activity,
        actor: lanes[0] ?? String(plain(doc, ['actors', 0, 'id'])),
      });
      steps.items.splice(edit.after + 1, 0, fresh);
      // A row added under the last one takes over its ending, so the SOP still ends after its last row.
      const above = edit.after >= 0 ? step(doc, edit.after) : undefined;
      if (above && edit.after === steps.items.length - 2 && above.has('end') && !above.has('decision')) {
        (fresh as YAMLMap).set('end', above.get('end'));
        above.delete('end');
      }
      return;
    }
    case 'moveStep': {
      const [moved] = steps.items.splice(edit.from, 1);
      steps.items.splice(edit.to, 0, moved);
      return;
    }
    case 'deleteStep': {
      const id = String(plain(doc, ['steps', edit.index, 'id']));
      steps.items.splice(edit.index, 1);
      // Decisions that went to the deleted row now need a new target: left empty so the check points at them.
      steps.items.forEach((s, i) => {
        if (!isMap(s)) return;
        if (s.get('next') === id) s.delete('next');
        const branches = doc.getIn(['steps', i, 'decision', 'branches'], true);
        if (isSeq(branches)) for (const b of branches.items) if (isMap(b) && b.get('goto') === id) b.set('goto', '');
      });
      return;
    }
    case 'toggleLane': {
      const map = step(doc, edit.index);
      const written = plain(doc, ['steps', edit.index, 'actor']);
      const current = actorLanes(written);
      const next = current.includes(edit.lane) ? current.filter((l) => l !== edit.lane) : [...current, edit.lane];
      // A step needs someone: unmarking the only lane keeps it.
      if (next.length === 0) return;
      // A row done in order keeps its order (a new lane goes last); other rows list lanes in table order.
      const inOrder = written !== null && typeof written === 'object' && 'sequence' in written;
      const order = (plain(doc, ['actors']) as Array<{ id: string }>).map((a) => a.id);
      if (!inOrder) next.sort((a, b) => order.indexOf(a) - order.indexOf(b));
      setKey(doc, map, 'actor', next.length === 1 ? next[0] : inOrder ? { sequence: next } : { together: next }, true);
      return;
    }
    case 'addLane': {
      const actors = ensureList(doc, 'actors');
      const taken = actors.items.map((a) => (isMap(a) ? String(a.get('id')) : ''));
      const lane = edit.lane;
      const id = freeId(slugId('role' in lane ? lane.role : lane.name), taken, false);
      const value =
        'role' in lane
          ? { id, name: lane.name, role: lane.role }
          : { id, name: lane.name, external: true, recordedBy: lane.recordedBy };
      actors.items.push(doc.createNode(value, { flow: true }));
      return;
    }
    case 'deleteLane': {
      // Only an empty column can go: a step must never lose its actor silently.
      const used = stepsOf(doc).items.some((_, i) => actorLanes(plain(doc, ['steps', i, 'actor'])).includes(edit.lane));
      if (used) throw new Error('Kolom ini masih ditandai pada langkah; hapus tandanya dahulu.');
      const actors = ensureList(doc, 'actors');
      actors.items = actors.items.filter((a) => !(isMap(a) && a.get('id') === edit.lane));
      return;
    }
    case 'setText':
      setKey(doc, step(doc, edit.index), edit.field, edit.value.trim());
      return;
    case 'setOutput':
      setKey(doc, step(doc, edit.index), 'output', edit.output.trim());
      return;
    case 'setLetter': {
      const taken = stepsOf(doc).items.map((_, i) => {
        const out = plain(doc, ['steps', i, 'output']);
        return out !== null && typeof out === 'object' && 'id' in out ? String((out as { id: unknown }).id) : '';
      });
      const output = {
        id: freeId(slugId(edit.name), taken, false),
        name: edit.name.trim(),
        kind: 'letter',
        template: { $ref: `regency#/letterTemplates/${edit.template}` },
      };
      setKey(doc, step(doc, edit.index), 'output', output);
      return;
    }
    case 'toggleRequirement': {
      const map = step(doc, edit.index);
      const current = (plain(doc, ['steps', edit.index, 'requirements']) as unknown[] | undefined) ?? [];
      const has = current.some((r) => r === edit.doc || (r as { doc?: unknown } | null)?.doc === edit.doc);
      const next = has
        ? current.filter((r) => r !== edit.doc && (r as { doc?: unknown } | null)?.doc !== edit.doc)
        : [...current, edit.doc];
      setKey(doc, map, 'requirements', next, true);
      return;
    }
    case 'addDocument': {
      const documents = ensureList(doc, 'documents');
      const taken = documents.items.map((d) => (isMap(d) ? String(d.get('id')) : ''));
      const id = freeId(slugId(edit.label), taken, false);
      documents.items.push(
        doc.createNode({ id, label: edit.label.trim(), ...(edit.scan ? { scan: true } : {}) }, { flow: true }),
      );
      apply(doc, { kind: 'toggleRequirement', index: edit.index, doc: id });
      return;
    }
    case 'setDecision': {
      const map = step(doc, edit.index);
      if (edit.decision === null) return void map.delete('decision');
      const when = plain(doc, ['steps', edit.index, 'decision', 'branches', 0, 'when']) as RuleCondition | undefined;
      setKey(doc, map, 'decision', decisionValue(edit.decision, when));
      // A decision row leaves by its branches, not by an ending or a block of its own.
      leaveBy(map, 'decision');
      return;
    }
    case 'setDecisionRule': {
      const current = plain(doc, ['steps', edit.index, 'decision']) as
        { question?: string; branches?: Array<{ goto?: string }> } | undefined;
      if (!current) return;
      const targets = { yes: current.branches?.[0]?.goto ?? '', no: current.branches?.[1]?.goto ?? '' };
      const value = decisionValue({ question: current.question ?? '', ...targets }, edit.when ?? undefined);
      setKey(doc, step(doc, edit.index), 'decision', value);
      return;
    }
    case 'setNext': {
      // A connector drawn to an ending ends the case there; to a step, it jumps there.
      const map = step(doc, edit.index);
      const ending = ['selesai', 'ditolak', 'dirujuk'].includes(edit.target);
      setKey(doc, map, ending ? 'end' : 'next', edit.target);
      map.delete(ending ? 'next' : 'end');
      return;
    }
    case 'setEnd': {
      const map = step(doc, edit.index);
      setKey(doc, map, 'end', edit.end);
      if (edit.end !== null) leaveBy(map, 'end');
      return;
    }
    case 'setParallel': {
      const map = step(doc, edit.index);
      if (edit.parallel === null) return void map.delete('parallel');
      setKey(doc, map, 'parallel', { branches: edit.parallel.branches, join: edit.parallel.join }, true);
      leaveBy(map, 'parallel');
      return;
    }
    case 'setForEach': {
      const map = step(doc, edit.index);
      if (edit.forEach === null) return void map.delete('forEach');
      const { list, label, start, join } = edit.forEach;
      // Written in the schema's order; an empty label is left out (the tasks then show the person's number).
      const value = { list, ...(label !== undefined && label !== '' ? { label } : {}), start, join };
      setKey(doc, map, 'forEach', value, true);
      leaveBy(map, 'forEach');
      return;
    }
  }
}

function decisionValue(
  decision: { question: string; yes: string; no: string },
  when: RuleCondition | undefined,
): Record<string, unknown> {
  // With a rule, Ya is taken when it holds and Tidak otherwise; without one, staff choose.
  const yes = when ? { label: 'Ya', when, goto: decision.yes } : { label: 'Ya', goto: decision.yes };
  const no = when ? { label: 'Tidak', otherwise: true, goto: decision.no } : { label: 'Tidak', goto: decision.no };
  return { ...(decision.question.trim() !== '' ? { question: decision.question.trim() } : {}), branches: [yes, no] };
}

/**
 * Applies one table edit to SOP YAML through the `yaml` Document API: only the touched nodes change, so
 * comments, flow style and folded text elsewhere stay as written. Throws on text that is not readable YAML.
 */
export function editTable(source: string, edit: TableEdit): string {
  const doc = parseDocument(source);
  if (doc.errors.length > 0 || !isMap(doc.contents)) throw new Error('Teks YAML belum dapat dibaca');
  apply(doc, edit);
  // The document computed the new value; the text is patched only where it changed, keeping the rest as written.
  return patchYaml(source, doc.toJS());
}
