import type { TableList } from '../table/sopTableRead.ts';

type Node = Record<string, unknown>;

const isNode = (value: unknown): value is Node => value !== null && typeof value === 'object' && !Array.isArray(value);

/** A field of the step form turned into a choice among `options`; its title and help stay. */
function choice(field: unknown, options: Array<{ const: string; title: string }>): Node {
  const { $ref: _ref, pattern: _pattern, ...kept } = isNode(field) ? field : {};
  return options.length === 0 ? kept : { ...kept, type: 'string', oneOf: options };
}

function withProperties(node: unknown, replace: Record<string, (field: unknown) => Node>): unknown {
  if (!isNode(node) || !isNode(node.properties)) return node;
  const properties = { ...node.properties };
  for (const [key, make] of Object.entries(replace)) properties[key] = make(properties[key]);
  return { ...node, properties };
}

/**
 * The step form's schema with the fork's and the per-person block's step fields offered as a choice among
 * this SOP's steps (numbered as in the table), and the per-person list among its case-data lists, so the
 * drafter picks rather than types ids.
 */
export function withBlockChoices(step: Node, steps: Array<{ id: string; activity: string }>, lists: TableList[]): Node {
  if (!isNode(step.properties)) return step;
  const ids = steps.map((s, i) => ({ const: s.id, title: `${i + 1}. ${s.activity}` }));
  const pick = (field: unknown) => choice(field, ids);
  const parallel = withProperties(step.properties.parallel, {
    branches: (field) => (isNode(field) ? { ...field, items: pick(field.items) } : {}),
    join: pick,
  });
  const list = lists.map((l) => ({ const: l.id, title: l.title }));
  const labels = [...new Map(lists.flatMap((l) => l.fields.map((f) => [f.id, f.title] as const))).entries()];
  const forEach = withProperties(step.properties.forEach, {
    list: (field) => choice(field, list),
    label: (field) =>
      choice(
        field,
        labels.map(([id, title]) => ({ const: id, title })),
      ),
    start: pick,
    join: pick,
  });
  return { ...step, properties: { ...step.properties, parallel, forEach } };
}
