import { unplaced, type UnplacedError } from '../definitionError.ts';
import { withSuggestion } from '../suggest.ts';
import { duplicateIds } from './duplicateIds.ts';
import type { RawRegency } from '../sopTypes.ts';
import { COMMON_PARAMS, TEMPLATE_PARAMS } from '../../notifications/defaultTemplates.ts';
import type { NotificationKind } from '../../notifications/notificationTypes.ts';

/** Whether following `parent` from a unit comes back to it. */
function unitCycle(units: RawRegency['units'], start: string): boolean {
  const parentOf = new Map(units.map((u) => [u.id, u.parent]));
  let current = parentOf.get(start);
  for (let steps = 0; current !== undefined && steps <= units.length; steps++) {
    if (current === start) return true;
    current = parentOf.get(current);
  }
  return false;
}

/** Checks of regency.yaml beyond its schema: unique ids, roles in declared units, folder name. */
export function checkRegency(regency: RawRegency, folderName: string | undefined): UnplacedError[] {
  const errors = [
    ...duplicateIds(regency.units, '/units', 'unit'),
    ...duplicateIds(regency.roles, '/roles', 'peran'),
    ...duplicateIds(regency.documentTypes, '/documentTypes', 'jenis dokumen'),
    ...duplicateIds(regency.formFragments, '/formFragments', 'fragmen formulir'),
    ...duplicateIds(regency.letterTemplates, '/letterTemplates', 'templat surat'),
  ];
  const units = regency.units.map((u) => u.id);
  regency.roles.forEach((role, i) => {
    if (role.unit !== undefined && !units.includes(role.unit))
      errors.push(
        unplaced(
          'UNKNOWN_UNIT',
          `/roles/${i}/unit`,
          withSuggestion({ unit: role.unit, known: units.join(', ') }, role.unit, units),
        ),
      );
  });
  regency.units.forEach((unit, i) => {
    if (unit.parent === undefined) return;
    if (!units.includes(unit.parent))
      errors.push(
        unplaced(
          'UNKNOWN_UNIT',
          `/units/${i}/parent`,
          withSuggestion({ unit: unit.parent, known: units.join(', ') }, unit.parent, units),
        ),
      );
    else if (unitCycle(regency.units, unit.id))
      errors.push(unplaced('UNIT_CYCLE', `/units/${i}/parent`, { unit: unit.id, parent: unit.parent }));
  });
  const roles = regency.roles.map((r) => r.id);
  (regency.archiveControl?.approvers ?? []).forEach((role, i) => {
    if (!roles.includes(role))
      errors.push(
        unplaced(
          'UNKNOWN_ROLE',
          `/archiveControl/approvers/${i}`,
          withSuggestion({ role, known: roles.join(', ') }, role, roles),
        ),
      );
  });
  // A typo in a notification template would otherwise send "-" to every applicant.
  for (const [kind, template] of Object.entries(regency.notifications?.templates ?? {})) {
    const known = [...COMMON_PARAMS, ...(TEMPLATE_PARAMS[kind as NotificationKind] ?? [])];
    for (const part of ['title', 'body'] as const)
      for (const match of (template?.[part] ?? '').matchAll(/\{\{\s*([A-Za-z][A-Za-z0-9]*)\s*\}\}/g)) {
        const placeholder = match[1]!;
        if (!known.includes(placeholder))
          errors.push(
            unplaced(
              'UNKNOWN_PLACEHOLDER',
              `/notifications/templates/${kind}/${part}`,
              withSuggestion({ kind, placeholder, known: known.join(', ') }, placeholder, known),
            ),
          );
      }
  }
  if (folderName !== undefined && regency.id !== folderName)
    errors.push(
      unplaced('REGENCY_MISMATCH', '/id', { declared: regency.id, folder: folderName, problem: 'regencyIdMismatch' }),
    );
  return errors;
}
