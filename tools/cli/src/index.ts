/**
 * `@cask/cli` as a library: the transcript validator behind `cask validate`.
 * @packageDocumentation
 */
export {
  validateTranscript,
  formatReport,
  formatFailure,
  type TranscriptOptions,
  type TranscriptReport,
  type TranscriptFailure,
  type MethodCounts,
  type MessageKind,
} from './validate.js';
export { diffSchemas, type DiffOptions } from './schema-diff/diff.js';
export { loadSchema, schemaFromDocument, SchemaInputError, type LoadedSchema } from './schema-diff/load.js';
export { renderText, type RenderOptions } from './schema-diff/render.js';
export {
  codexForVersion,
  codexAtPath,
  resolveCodex,
  generateSchema,
  type CodexCommand,
  type GeneratedSchema,
} from './schema-diff/codex.js';
export { runSchemaDiff, exitCodeFor, kitResultHints, type FailOn } from './schema-diff/command.js';
export type * from './schema-diff/types.js';
