/**
 * Standalone commands run by the server under its sandbox (`command/exec` and its follow-ups
 * `write`, `terminate`, `resize`), outside of any thread.
 * @module
 */
import type { SandboxPolicy } from '../sandbox.js';

/** Rows and columns of the pseudo-terminal of a `command/exec` process. */
export interface CommandExecTerminalSize {
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

/** Params of `command/exec`: the argv to run and how to run it. */
export interface CommandExecParams {
  /** The program and its arguments (an argv vector, not a shell line). */
  command: string[];
  /** Working directory; the server's default when absent. */
  cwd?: string | null;
  /** Whether the limit on captured output is lifted. */
  disableOutputCap?: boolean;
  /** Whether the command may run without a time limit. */
  disableTimeout?: boolean;
  /** Environment changes on top of the server's environment: a `null` value unsets the variable. */
  env?: { [key: string]: string | null } | null;
  /**
   * How many bytes of output are kept per stream before capture stops.
   * @format uint
   */
  outputBytesCap?: number | null;
  /**
   * Name of a permission profile to run the command with, instead of a sandbox policy.
   * @experimental
   */
  permissionProfile?: string | null;
  /**
   * A name the client picks for the process, needed to stream it or to address it with
   * `command/exec/write`, `terminate` or `resize`.
   */
  processId?: string | null;
  /** The sandbox to run the command in; the server's default when absent. */
  sandboxPolicy?: SandboxPolicy | null;
  /** Initial terminal size, when the command runs in a pseudo-terminal. */
  size?: CommandExecTerminalSize | null;
  /** Whether the client will send stdin with `command/exec/write`. */
  streamStdin?: boolean;
  /** Whether output is sent as `command/exec/outputDelta` notifications while the command runs. */
  streamStdoutStderr?: boolean;
  /**
   * Time limit in milliseconds.
   * @format int64
   */
  timeoutMs?: number | null;
  /** Whether the command runs in a pseudo-terminal. */
  tty?: boolean;
}

/** Result of `command/exec`, sent when the command has finished. */
export interface CommandExecResponse {
  /**
   * The process's exit code.
   * @format int32
   */
  exitCode: number;
  /** Captured standard error (empty when it was streamed). */
  stderr: string;
  /** Captured standard output (empty when it was streamed). */
  stdout: string;
}

/** Params of `command/exec/write`: bytes for a running command's stdin. */
export interface CommandExecWriteParams {
  /** Whether stdin is closed after this write. */
  closeStdin?: boolean;
  /** The bytes to write, base64-encoded; absent to only close stdin. */
  deltaBase64?: string | null;
  /** The `processId` given to `command/exec`. */
  processId: string;
}

/** Result of `command/exec/write` (an empty object). */
export interface CommandExecWriteResponse {}

/** Params of `command/exec/terminate`: which running command to kill. */
export interface CommandExecTerminateParams {
  /** The `processId` given to `command/exec`. */
  processId: string;
}

/** Result of `command/exec/terminate` (an empty object). */
export interface CommandExecTerminateResponse {}

/** Params of `command/exec/resize`: a new terminal size for a running command. */
export interface CommandExecResizeParams {
  /** The `processId` given to `command/exec`. */
  processId: string;
  /** The new size. */
  size: CommandExecTerminalSize;
}

/** Result of `command/exec/resize` (an empty object). */
export interface CommandExecResizeResponse {}

/** Which output stream a chunk came from. */
export type CommandExecOutputStream = 'stdout' | 'stderr';

/** Payload of `command/exec/outputDelta`: a chunk of a streamed command's output. */
export interface CommandExecOutputDeltaNotification {
  /** Whether the output cap was reached with this chunk (nothing more follows on this stream). */
  capReached: boolean;
  /** The chunk's bytes, base64-encoded. */
  deltaBase64: string;
  /** The `processId` given to `command/exec`. */
  processId: string;
  /** The stream the chunk came from. */
  stream: CommandExecOutputStream;
}
