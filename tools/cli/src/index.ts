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
