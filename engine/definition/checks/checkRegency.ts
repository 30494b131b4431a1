import { unplaced, type UnplacedError } from '../definitionError.ts';
import { withSuggestion } from '../suggest.ts';
import { duplicateIds } from './duplicateIds.ts';
import type { RawRegency } from '../sopTypes.ts';
import { COMMON_PARAMS, TEMPLATE_PARAMS } from '../../notifications/defaultTemplates.ts';
import type { NotificationKind } from '../../notifications/notificationTypes.ts';

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
