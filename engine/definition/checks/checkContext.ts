import type { RawRegency, RawSop } from '../sopTypes.ts';
import type { UnplacedError } from '../definitionError.ts';

/** What every semantic check receives: the schema-valid SOP and its regency (absent when regency.yaml is broken). */
export interface CheckContext {
  sop: RawSop;
  regency: RawRegency | undefined;
}

/** A semantic check a JSON Schema cannot express. */
export type SopCheck = (context: CheckContext) => UnplacedError[];
