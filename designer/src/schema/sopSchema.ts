import common from '../../../engine/schema/common.schema.json' with { type: 'json' };
import regency from '../../../engine/schema/regency.schema.json' with { type: 'json' };
import sop from '../../../engine/schema/sop.schema.json' with { type: 'json' };
import { bundleSchema, type SchemaDocument } from './bundleSchema.ts';

/** The SOP language's schema in one self-contained document (the engine's files stay the source of truth). */
export const SOP_SCHEMA: SchemaDocument = bundleSchema({ file: 'sop.schema.json', prefix: '', schema: sop }, [
  { file: 'common.schema.json', prefix: 'common_', schema: common },
  { file: 'regency.schema.json', prefix: 'regency_', schema: regency },
]);

/** The regency settings' schema (regency.yaml), for completion and hover help in the settings editor. */
export const REGENCY_SCHEMA: SchemaDocument = bundleSchema(
  { file: 'regency.schema.json', prefix: '', schema: regency },
  [{ file: 'common.schema.json', prefix: 'common_', schema: common }],
);
