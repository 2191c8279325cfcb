/** relkit's JSON Schema of a model (models/schema.json, generated from the library), bundled. */
import schema from '../../models/schema.json' with { type: 'json' };
import type { JsonSchema } from './schemaWalk.js';

/** The schema the editor completes from. */
export const MODEL_SCHEMA: JsonSchema = schema as JsonSchema;
