/**
 * `@cask/testing`: a scriptable fake codex app-server for testing code built
 * on `@cask/client`, in process or as a stdio process, with fault injection
 * and replay of recorded transcripts.
 * @packageDocumentation
 */
export * from './script.js';
export { checkScript } from './check.js';
export { FakeScriptError, FakeServerAssertionError } from './errors.js';
export { startFakeServer, replayTranscript, type FakeServer, type ScriptSource } from './in-process.js';
export { parseTranscript, type TranscriptEntry, type ReplayOptions } from './replay.js';
export {
  fakeScript,
  request,
  ScriptBuilder,
  TurnBuilder,
  THREAD_ID,
  TURN_ID,
  ITEM_ID,
  type TypedExpectation,
  type CommandExecutionOptions,
} from './builder.js';
export { INVALID_REQUEST, METHOD_NOT_SCRIPTED } from './scripted.js';
export { serveStdio, fakeServerCommand, type StdioFakeOptions, type StdioFakeSource } from './stdio.js';
