/**
 * Memories: what the agent remembers across threads, and whether a thread contributes to them.
 * @module
 */

/** Whether a thread takes part in memories. */
export type ThreadMemoryMode = 'enabled' | 'disabled';

/**
 * Params of `thread/memoryMode/set`.
 * @experimental
 */
export interface ThreadMemoryModeSetParams {
  threadId: string;
  mode: ThreadMemoryMode;
}

/**
 * Result of `thread/memoryMode/set` (carries nothing).
 * @experimental
 */
export interface ThreadMemoryModeSetResponse {}

/**
 * Params of `thread/memory/read`: the memory summary made from one thread.
 * @experimental
 */
export interface ThreadMemoryReadParams {
  threadId: string;
}

/**
 * Result of `thread/memory/read`.
 * @experimental
 */
export interface ThreadMemoryReadResponse {
  /** The summary; absent or `null` when the thread has none yet. */
  summary: string | null;
}

/**
 * Params of `memory/status`.
 * @experimental
 */
export interface MemoryStatusParams {
  /**
   * How many consolidated threads count as ready; the server's default when omitted.
   * @format uint32
   */
  minConsolidatedThreads?: number | null;
}

/**
 * Result of `memory/status`: how far memory consolidation has got.
 * @experimental
 */
export interface MemoryStatusResponse {
  /**
   * Number of threads consolidated into memories.
   * @format uint32
   */
  v2ConsolidatedThreads: number;
  /** Whether enough threads are consolidated for memories to be used. */
  v2Ready: boolean;
}

/**
 * Result of `memory/reset`, which deletes all memories (carries nothing).
 * @experimental
 */
export interface MemoryResetResponse {}
