/**
 * `@cask/codegen`: generates the JSON Schema in `schema/` from `@cask/protocol`
 * and checks that the committed copy has not drifted.
 * @packageDocumentation
 */
export {
  generateSchema,
  generateAll,
  generateLegacy,
  writeSchema,
  GENERATED_COMMENT,
  STABLE_DIR,
  EXPERIMENTAL_DIR,
  TJS_SETTINGS,
} from './generate.js';
export type { GenerateOptions } from './generate.js';
export { checkSchema, compareTrees, readSchemaDir } from './drift.js';
export type { DriftEntry, DriftReport } from './drift.js';
export { canonicalJson, firstDifference } from './json.js';
export { BUNDLE_FILE, FLAT_V2_FILE, RESULT_KEYWORD } from './layout.js';
export { WIRE_NAME_KEYWORD } from './source-refs.js';
export { defaultSchemaDir } from './paths.js';
export { LEGACY_BUNDLE_FILE, LEGACY_DIR, LEGACY_UNION } from './legacy.js';
