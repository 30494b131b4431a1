import { unplaced, type UnplacedError } from '../definitionError.ts';

/** DUPLICATE_ID errors for list items sharing an id; each repeat points back at the first use. */
export function duplicateIds(
  items: ReadonlyArray<{ id: string }> | undefined,
  base: string,
  kind: string,
): UnplacedError[] {
  const first = new Map<string, number>();
  const errors: UnplacedError[] = [];
  (items ?? []).forEach((item, index) => {
    const seen = first.get(item.id);
    if (seen === undefined) first.set(item.id, index);
    else
      errors.push(
        unplaced('DUPLICATE_ID', `${base}/${index}/id`, { id: item.id, firstPath: `${base}/${seen}/id`, kind }),
      );
  });
  return errors;
}
