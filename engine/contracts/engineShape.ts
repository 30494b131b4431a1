import { Type } from '@sinclair/typebox';

/**
 * A reply part whose full shape is the engine's own type (a normalised SOP definition, a regency's settings,
 * a monitoring figure): typed for handler and client from that one type, checked as a JSON object at run time.
 * Why: those shapes are declared once already (sopTypes.ts and the JSON Schema of the YAML); a second
 * TypeBox copy would be a second declaration to keep in step.
 */
export function engineShape<T>(description: string) {
  return Type.Unsafe<T>({ type: 'object', description });
}
