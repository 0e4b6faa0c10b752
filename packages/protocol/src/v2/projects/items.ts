/**
 * Paging through a thread's items directly, without loading whole turns.
 * @module
 */
import type { ThreadItem } from '../items.js';
import type { SortDirection } from '../threads/index.js';

/** One thread item with the turn it belongs to and its timing. */
export interface ThreadItemEntry {
  turnId: string;
  item: ThreadItem;
  /**
   * When the item started, in milliseconds since the Unix epoch, if known.
   * @format int64
   */
  startedAtMs: number | null;
  /**
   * When the item completed, in milliseconds since the Unix epoch, if known.
   * @format int64
   */
  completedAtMs: number | null;
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

/** Params of `thread/items/list`: one page of a thread's items, across turns or within one turn. */
export interface ThreadItemsListParams {
  threadId: string;
  /** Only items of this turn; absent means the whole thread. */
  turnId?: string | null;
  /**
   * Where to continue: a cursor string from an earlier page, or an item anchor (which needs `turnId`; the anchor item
   * itself is excluded, items after it are returned in ascending order and before it in descending order).
   */
  cursor?: ThreadItemsListCursor | null;
  /**
   * Largest number of items to return.
   * @format uint32
   */
  limit?: number | null;
  /** Page order; ascending by default. */
  sortDirection?: SortDirection | null;
  /** Within one turn, which kinds of stored output to leave out (fetch them by item id later). */
  deferOutput?: ThreadItemOutputDeferral | null;
}

/** Result of `thread/items/list`. */
export interface ThreadItemsListResponse {
  data: ThreadItemEntry[];
  /** Cursor for the next page; absent or `null` when this was the last one. */
  nextCursor: string | null;
  /** Cursor for the page before this one, when there is one. */
  backwardsCursor: string | null;
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
