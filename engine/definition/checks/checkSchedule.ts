import { unplaced, type UnplacedError } from '../definitionError.ts';
import type { ResolvedForms } from '../resolveForms.ts';
import type { SchedulePart } from '../sopTypes.ts';
import { withSuggestion } from '../suggest.ts';
import type { CheckContext } from './checkContext.ts';

// What JSON type each part of a period fills in (monthName is one of the Indonesian month names).
const PART_TYPES: Record<SchedulePart, { types: string[]; words: string }> = {
  monthName: { types: ['string'], words: 'nama bulan (teks)' },
  month: { types: ['integer', 'number', 'string'], words: 'angka bulan 1–12' },
  year: { types: ['integer', 'number', 'string'], words: 'angka tahun' },
  periodLabel: { types: ['string'], words: 'teks periode' },
  periodStart: { types: ['string'], words: 'tanggal (teks)' },
};

/**
 * A scheduled SOP opens its cases with no applicant, so every required case field must come from the
 * schedule's `fill`, and each filled field must exist and take the kind of value its part gives.
 */
export function checkSchedule({ sop }: CheckContext, forms: ResolvedForms): UnplacedError[] {
  const schedule = sop.schedule;
  if (!schedule) return [];
  const errors: UnplacedError[] = [];
  if (schedule.month !== undefined && schedule.every !== 'year')
    errors.push(unplaced('SCHEDULE_MONTH_NOT_YEARLY', '/schedule/month'));
  if (schedule.every === 'week' && schedule.day !== undefined && schedule.day > 7)
    errors.push(unplaced('SCHEDULE_WEEKDAY', '/schedule/day', { day: schedule.day }));
  const properties = forms.caseData.schema.properties ?? {};
  const known = Object.keys(properties);
  for (const [field, part] of Object.entries(schedule.fill ?? {})) {
    const property = properties[field];
    if (!property) {
      errors.push(
        unplaced(
          'SCHEDULE_UNKNOWN_FIELD',
          `/schedule/fill/${field}`,
          withSuggestion({ field, known: known.join(', ') || '-' }, field, known),
          true,
        ),
      );
      continue;
    }
    const type = typeof property.type === 'string' ? property.type : undefined;
    if (type !== undefined && !PART_TYPES[part].types.includes(type))
      errors.push(
        unplaced('SCHEDULE_FIELD_TYPE', `/schedule/fill/${field}`, {
          field,
          type,
          part,
          expected: PART_TYPES[part].words,
        }),
      );
  }
  for (const field of forms.caseData.schema.required ?? [])
    if (!Object.hasOwn(schedule.fill ?? {}, field))
      errors.push(unplaced('SCHEDULE_REQUIRED_NOT_FILLED', '/schedule', { field }));
  return errors;
}
