/**
 * `@cask/cli` as a library: the transcript validator behind `cask validate`.
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
