import type { DataSchema } from '../../engine/definition/sopTypes.ts';

/** The widget names the address selects are registered under (StepForm's `widgets`). */
export const DISTRICT_WIDGET = 'kecamatan';
export const VILLAGE_WIDGET = 'desa';

function isFreeText(property: unknown): boolean {
  const p = property as { type?: unknown; enum?: unknown } | undefined;
  return p !== undefined && p.type === 'string' && p.enum === undefined;
}

/**
 * Gives a form's address fields the cascading selects: when its schema has the free-text fields
 * `district` (kecamatan) and `village` (desa/kelurahan) that area scopes compare by name, and the
 * uiSchema names no other widget for them. Returns a new uiSchema (the form definition is not changed).
 */
export function withAddressWidgets(schema: DataSchema, uiSchema: Record<string, unknown>): Record<string, unknown> {
  const properties = schema.properties ?? {};
  if (!isFreeText(properties.district) || !isFreeText(properties.village)) return uiSchema;
  const own = (name: string): Record<string, unknown> => (uiSchema[name] as Record<string, unknown> | undefined) ?? {};
  const result = { ...uiSchema };
  // An SOP that chose a widget itself (e.g. "ui:widget": text for an address outside the regency) keeps it.
  if (own('district')['ui:widget'] === undefined)
    result.district = { ...own('district'), 'ui:widget': DISTRICT_WIDGET };
  if (own('village')['ui:widget'] === undefined) result.village = { ...own('village'), 'ui:widget': VILLAGE_WIDGET };
  // The kecamatan is chosen first: forms that list the desa before it show it just above the desa.
  const order = uiSchema['ui:order'];
  if (Array.isArray(order) && order.indexOf('district') > order.indexOf('village') && order.includes('village')) {
    const rest = (order as string[]).filter((name) => name !== 'district');
    rest.splice(rest.indexOf('village'), 0, 'district');
    result['ui:order'] = rest;
  }
  return result;
}

/** Whether a form gets the address selects (so its page loads the region list). */
export function hasAddressFields(schema: DataSchema): boolean {
  const properties = schema.properties ?? {};
  return isFreeText(properties.district) && isFreeText(properties.village);
}
