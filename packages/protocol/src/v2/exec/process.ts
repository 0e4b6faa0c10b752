/**
 * Processes spawned without a Codex sandbox (`process/*`), addressed by a client-chosen handle,
 * with streamed output and an exit notification.
 * @module
 */
import type { AbsolutePathBuf } from '../common.js';

/** Rows and columns of the pseudo-terminal of a spawned process. */
export interface ProcessTerminalSize {
  /**
   * Width in character cells.
   * @format uint16
   */
  cols: number;
  /**
   * Height in character cells.
   * @format uint16
   */
  rows: number;
}

/**
 * Params of `process/spawn`: the argv to start and how.
 * @experimental
 */
export interface ProcessSpawnParams {
  /** The program and its arguments (an argv vector, not a shell line). */
  command: string[];
  /** Absolute working directory. */
  cwd: AbsolutePathBuf;
  /** Environment changes on top of the server's environment: a `null` value unsets the variable. */
  env?: { [key: string]: string | null } | null;
  /**
   * How many bytes of output are kept per stream before capture stops.
   * @format uint
   */
  outputBytesCap?: number | null;
  /** A name the client picks for the process; the other `process/*` methods and notifications use it. */
  processHandle: string;
  /** Initial terminal size, when the process runs in a pseudo-terminal. */
  size?: ProcessTerminalSize | null;
  /** Whether the client will send stdin with `process/writeStdin`. */
  streamStdin?: boolean;
  /** Whether output is sent as `process/outputDelta` notifications while the process runs. */
  streamStdoutStderr?: boolean;
  /**
   * Time limit in milliseconds.
   * @format int64
   */
  timeoutMs?: number | null;
  /** Whether the process runs in a pseudo-terminal. */
  tty?: boolean;
}

/**
 * Result of `process/spawn` (an empty object once the process started; its end is reported by
 * `process/exited`).
 * @experimental
 */
export interface ProcessSpawnResponse {}

/**
 * Params of `process/writeStdin`: bytes for a spawned process's stdin.
 * @experimental
 */
export interface ProcessWriteStdinParams {
  /** Whether stdin is closed after this write. */
  closeStdin?: boolean;
  /** The bytes to write, base64-encoded; absent to only close stdin. */
  deltaBase64?: string | null;
  /** The handle given to `process/spawn`. */
  processHandle: string;
}

/**
 * Result of `process/writeStdin` (an empty object).
 * @experimental
 */
export interface ProcessWriteStdinResponse {}

/**
 * Params of `process/kill`: which spawned process to terminate.
 * @experimental
 */
export interface ProcessKillParams {
  /** The handle given to `process/spawn`. */
  processHandle: string;
}

/**
 * Result of `process/kill` (an empty object).
 * @experimental
 */
export interface ProcessKillResponse {}

/**
 * Params of `process/resizePty`: a new terminal size for a spawned process.
 * @experimental
 */
export interface ProcessResizePtyParams {
  /** The handle given to `process/spawn`. */
  processHandle: string;
  /** The new size. */
  size: ProcessTerminalSize;
}

/**
 * Result of `process/resizePty` (an empty object).
 * @experimental
 */
export interface ProcessResizePtyResponse {}

/** Which output stream of a spawned process a chunk came from. */
export type ProcessOutputStream = 'stdout' | 'stderr';

/** Payload of `process/outputDelta`: a chunk of a spawned process's streamed output. */
export interface ProcessOutputDeltaNotification {
  /** Whether the output cap was reached with this chunk (nothing more follows on this stream). */
  capReached: boolean;
  /** The chunk's bytes, base64-encoded. */
  deltaBase64: string;
  /** The handle given to `process/spawn`. */
  processHandle: string;
  /** The stream the chunk came from. */
  stream: ProcessOutputStream;
}

/** Payload of `process/exited`: a spawned process ended. */
export interface ProcessExitedNotification {
  /**
   * The process's exit code.
   * @format int32
   */
  exitCode: number;
  /** Whether the server gave up waiting for the remaining output after the process ended. */
  outputDrainTimedOut?: boolean | null;
  /** The handle given to `process/spawn`. */
  processHandle: string;
  /** Captured standard error (empty when it was streamed). */
  stderr: string;
  /** Whether standard error hit the output cap. */
  stderrCapReached: boolean;
  /** Captured standard output (empty when it was streamed). */
  stdout: string;
  /** Whether standard output hit the output cap. */
  stdoutCapReached: boolean;
}
