import type { Static } from '@sinclair/typebox';
import type { CaseSectionSchema } from '../../contracts/caseContracts.ts';
import type { CaseState, TaskState } from '../../core/caseTypes.ts';
import type { DataSchema, RawRegency, ResolvedForm, SopDefinition } from '../../definition/sopTypes.ts';
import type { RegencyRegions } from '../../regions/regionData.ts';
import { deciderOf } from '../../core/flow/jointStep.ts';
import { displayValue } from './displayValue.ts';

/** The parts of each record of a list field, masked one by one; the path names one value (`members/1/nik`). */
function itemsOf(
  key: string,
  property: Record<string, unknown> | undefined,
  value: unknown,
  reveal: boolean,
  regions: RegencyRegions | undefined,
): SectionField['items'] {
  if (!Array.isArray(value)) return undefined;
  // A null item is a person the reader does not get (personView): left out, the others keep their path.
  const records = value.some((v) => v !== null && typeof v === 'object' && !Array.isArray(v));
  if (!records && !(value.length > 0 && value.every((v) => v === null))) return undefined;
  const itemProps = ((property?.items as Record<string, unknown> | undefined)?.properties ?? {}) as Record<
    string,
    Record<string, unknown>
  >;
  return value.flatMap((item, i) =>
    item === null
      ? []
      : [
          Object.entries(typeof item === 'object' ? (item as Record<string, unknown>) : {}).map(([k, v]) => {
            const title = itemProps[k]?.title;
            return {
              key: k,
              label: typeof title === 'string' ? title : k,
              ...displayValue(k, v, { reveal, regions }),
              path: `${key}/${i}/${k}`,
            };
          }),
        ],
  );
}

/** A block of the case page: the applicant's data by form section, or one step's answers and who gave them. */
export type CaseSection = Static<typeof CaseSectionSchema>;

/** One answer as shown: its label, display text, and whether it is masked (revealable). */
export type SectionField = CaseSection['fields'][number];

/** A form's fields in their written order (kept in `ui:order`: stored JSON may reorder object keys). */
function fieldOrder(form: ResolvedForm): string[] {
  const keys = Object.keys(form.schema.properties);
  const order = form.uiSchema['ui:order'];
  if (!Array.isArray(order)) return keys;
  const listed = order.filter((k): k is string => typeof k === 'string' && keys.includes(k));
  return [...listed, ...keys.filter((k) => !listed.includes(k))];
}

const ADDRESS_KEYS = new Set(['address', 'rt', 'rw', 'village', 'district', 'residenceRegency', 'postalCode']);

function fieldsOf(
  schema: DataSchema,
  keys: readonly string[],
  data: Record<string, unknown>,
  reveal: boolean,
  regions: RegencyRegions | undefined,
): SectionField[] {
  return keys
    .filter((key) => data[key] !== undefined)
    .map((key) => {
      const title = schema.properties[key]?.title;
      const shown = displayValue(key, data[key], { reveal, regions });
      const items = itemsOf(key, schema.properties[key], data[key], reveal, regions);
      return { key, label: typeof title === 'string' ? title : key, ...shown, ...(items ? { items } : {}) };
    });
}

/**
 * The case data in the sections of the definition's forms: each regency form fragment the case data
 * includes (identitas pemohon, status sosial…) with the address apart, the SOP's own fields, then every
 * completed step's answers with who gave them (each participant of a joint step on their own).
 */
export function caseSections(input: {
  definition: SopDefinition;
  regency: RawRegency | undefined;
  state: CaseState;
  reveal: boolean;
  regions: RegencyRegions | undefined;
}): CaseSection[] {
  const { definition, regency, state, reveal, regions } = input;
  const schema = definition.caseData.schema;
  const order = fieldOrder(definition.caseData);
  const placed = new Set<string>();
  const sections: CaseSection[] = [];
  const push = (id: string, title: string, keys: string[]): void => {
    const fields = fieldsOf(schema, keys, state.data, reveal, regions);
    keys.forEach((k) => placed.add(k));
    if (fields.length > 0) sections.push({ id, title, kind: 'data', fields });
  };
  for (const fragment of regency?.formFragments ?? []) {
    const keys = order.filter((k) => !placed.has(k) && Object.hasOwn(fragment.schema.properties, k));
    if (keys.length === 0) continue;
    push(
      fragment.id,
      fragment.title ?? fragment.id,
      keys.filter((k) => !ADDRESS_KEYS.has(k)),
    );
    const address = keys.filter((k) => ADDRESS_KEYS.has(k));
    if (address.length > 0) push(`${fragment.id}-alamat`, 'Alamat', address);
  }
  const rest = order.filter((k) => !placed.has(k));
  push(
    'data-layanan',
    definition.caseData.title ?? 'Data permohonan',
    rest.filter((k) => !ADDRESS_KEYS.has(k)),
  );
  push(
    'alamat',
    'Alamat',
    rest.filter((k) => ADDRESS_KEYS.has(k)),
  );
  const done = state.tasks
    .filter((t): t is TaskState & { completedAt: string } => t.status === 'completed' && t.completedAt !== undefined)
    .sort((a, b) => a.completedAt.localeCompare(b.completedAt));
  for (const task of done) {
    const step = definition.steps.find((s) => s.id === task.stepId);
    if (!step?.form || !task.formData) continue;
    const actorName = (id: string) => definition.actors.find((a) => a.id === id)?.name ?? id;
    const decider = deciderOf(step);
    sections.push({
      id: `langkah-${task.id}`,
      title: `${step.index + 1}. ${step.form.title ?? step.activity}`,
      kind: 'step',
      fields: fieldsOf(step.form.schema, fieldOrder(step.form), task.formData, reveal, regions),
      source: {
        taskId: task.id,
        stepId: step.id,
        actorName: actorName(task.actorId),
        withNames: (task.with ?? []).map(actorName),
        byName: task.completedByName ?? task.completedBy ?? '',
        at: task.completedAt,
        decider: decider === undefined || decider === task.actorId || (task.with ?? []).includes(decider),
        joint: step.actorMode === 'together',
      },
    });
  }
  return sections;
}
