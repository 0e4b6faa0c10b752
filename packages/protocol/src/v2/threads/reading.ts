/**
 * Reading one thread: `thread/read` and paging its turns with `thread/turns/list`.
 * @module
 */
import type { Thread } from '../thread.js';
import type { Turn, TurnItemsView } from '../turn.js';
import type { SortDirection } from './listing.js';
import type { ThreadReadState } from './readState.js';

/** Params of `thread/read`. */
export interface ThreadReadParams {
  threadId: string;
  /** Also load the turns and their items from history (discouraged for paginated threads: page instead). */
  includeTurns?: boolean;
}

/** Result of `thread/read`. */
export interface ThreadReadResponse {
  thread: Thread;
  /**
   * The thread's read state; `null` when it is not available.
   * @experimental
   */
  readState: ThreadReadState | null;
}

/** Params of `thread/turns/list`: one page of a thread's turns. */
export interface ThreadTurnsListParams {
  threadId: string;
  /** Cursor from a previous page (or a backwards cursor). */
  cursor?: string | null;
  /**
   * Maximum number of turns in the page.
   * @format uint32
   */
  limit?: number | null;
  /** Page order; descending (newest first) by default. */
  sortDirection?: SortDirection | null;
  /** How much of each turn's items to include; `summary` by default. */
  itemsView?: TurnItemsView | null;
}

/** Result of `thread/turns/list`: one page of turns. */
export interface ThreadTurnsListResponse {
  data: Turn[];
  /** Cursor for the next page; `null` when there are no more turns. */
  nextCursor: string | null;
  /**
   * Cursor for paging back with the opposite `sortDirection`, starting again at this page's first turn (so changes to
   * it are seen); set only on non-empty pages.
   */
  backwardsCursor: string | null;
}

/** A page of turns embedded in another response (the first page returned by `thread/resume`). */
export interface TurnsPage {
  data: Turn[];
  /** Cursor for the next page; `null` when there are no more turns. */
  nextCursor: string | null;
  /** Cursor for paging back with the opposite order. */
  backwardsCursor: string | null;
}
