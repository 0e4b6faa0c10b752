/**
 * Background terminals: long-running commands a thread left running.
 * @module
 */
import type { LegacyAppPathString } from '../common.js';

/**
 * A command still running in the background of a thread.
 * @experimental
 */
export interface ThreadBackgroundTerminal {
  /** The server's id for the process. */
  processId: string;
  /** The thread item that started it. */
  itemId: string;
  /** The command line. */
  command: string;
  /** Its working directory. */
  cwd: LegacyAppPathString;
  /**
   * Operating-system process id, when known.
   * @format uint32
   */
  osPid: number | null;
  /**
   * CPU use in percent, when known.
   * @format double
   */
  cpuPercent: number | null;
  /**
   * Resident memory in kilobytes, when known.
   * @format uint64
   */
  rssKb: number | null;
}

/**
 * Params of `thread/backgroundTerminals/list`: one page of the thread's background terminals.
 * @experimental
 */
export interface ThreadBackgroundTerminalsListParams {
  threadId: string;
  /** Opaque cursor from the previous page's `nextCursor`; omit for the first page. */
  cursor?: string | null;
  /**
   * Largest number of terminals to return; the server picks a default when omitted.
   * @format uint32
   */
  limit?: number | null;
}

/**
 * Result of `thread/backgroundTerminals/list`.
 * @experimental
 */
export interface ThreadBackgroundTerminalsListResponse {
  data: ThreadBackgroundTerminal[];
  /** Cursor for the next page; absent or `null` when this was the last one. */
  nextCursor: string | null;
}

/**
 * Params of `thread/backgroundTerminals/terminate`: stop one background terminal.
 * @experimental
 */
export interface ThreadBackgroundTerminalsTerminateParams {
  threadId: string;
  processId: string;
}

/**
 * Result of `thread/backgroundTerminals/terminate`.
 * @experimental
 */
export interface ThreadBackgroundTerminalsTerminateResponse {
  /** Whether a running process was stopped. */
  terminated: boolean;
}

/**
 * Params of `thread/backgroundTerminals/clean`: stop all of the thread's background terminals.
 * @experimental
 */
export interface ThreadBackgroundTerminalsCleanParams {
  threadId: string;
}

/**
 * Result of `thread/backgroundTerminals/clean` (carries nothing).
 * @experimental
 */
export interface ThreadBackgroundTerminalsCleanResponse {}
