/**
 * `@cask/cli` as a library: the transcript validator behind `cask validate` and the schema comparison behind
 * `cask schema diff`.
 * @packageDocumentation
 */
export {
  validateTranscript,
  validateTranscriptStream,
  TranscriptValidator,
  DEFAULT_MAX_LINE_BYTES,
  formatReport,
  formatFailure,
  type TranscriptOptions,
  type TranscriptReport,
  type TranscriptFailure,
  type MethodCounts,
  type MessageKind,
} from './validate.js';
export { splitLines, type OverlongLine } from './lines.js';
export { runValidate, VALIDATE_USAGE, DEFAULT_MAX_FAILURES, type ValidateJsonReport } from './validate-command.js';
export type { CommandIO } from './io.js';
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
