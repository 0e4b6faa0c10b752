/**
 * Paging through a thread's items directly, without loading whole turns.
 * @module
 */
import type { ThreadItem } from '../items.js';

/** One thread item with the turn it belongs to and its timing. */
export interface ThreadItemEntry {
  turnId: string;
  item: ThreadItem;
  /**
   * When the item started, in milliseconds since the Unix epoch, if known.
   * @format int64
   */
  startedAtMs?: number | null;
  /**
   * When the item completed, in milliseconds since the Unix epoch, if known.
   * @format int64
   */
  completedAtMs?: number | null;
  /**
   * Whether the item's output was left out (see `deferOutput`); fetch it with `thread/items/read`.
   * @experimental
   */
  outputDeferred?: boolean;
}

/** Which kinds of item output to leave out of a `thread/items/list` page, to keep it small. */
export interface ThreadItemOutputDeferral {
  /**
   * Leave out command execution output.
   * @experimental
   */
  commandExecution?: boolean;
  /**
   * Leave out MCP tool call results.
   * @experimental
   */
  mcpToolCall?: boolean;
}

/** A place in a thread to start listing items from, tagged by `type`: at the item with `itemId`. */
export interface ThreadItemsListAnchor {
  type: 'item';
  itemId: string;
}

/** Where a `thread/items/list` page starts: a cursor string from an earlier page, or an anchor. */
export type ThreadItemsListCursor = string | ThreadItemsListAnchor;

/** Result of `thread/items/list`. */
export interface ThreadItemsListResponse {
  data: ThreadItemEntry[];
  /** Cursor for the next page; absent or `null` when this was the last one. */
  nextCursor?: string | null;
  /** Cursor for the page before this one, when there is one. */
  backwardsCursor?: string | null;
}

/**
 * Params of `thread/items/read`: given items of one turn, in full.
 * @experimental
 */
export interface ThreadItemsReadParams {
  threadId: string;
  turnId: string;
  itemIds: string[];
}

/**
 * Result of `thread/items/read`.
 * @experimental
 */
export interface ThreadItemsReadResponse {
  data: ThreadItemEntry[];
}
