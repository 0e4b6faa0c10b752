/**
 * Full-text search over threads, and over the messages of one thread.
 * @module
 */
import type { RequestId } from '../../jsonrpc.js';
import type { Thread } from '../thread.js';
import type { SortDirection, ThreadSourceKind } from '../threads/index.js';

/** What thread search results are ordered by. */
export type ThreadSearchSortKey = 'created_at' | 'updated_at' | 'recency_at';

/** A thread that matched a search, with the text around the match. */
export interface ThreadSearchResult {
  thread: Thread;
  /** Text around the match. */
  snippet: string;
}

/**
 * Params of `thread/search`: one page of the threads whose content matches a search term.
 * @experimental
 */
export interface ThreadSearchParams {
  /**
   * The text to look for (substring or full-text match). `thread/search/stream` accepts at most 65,536 UTF-8
   * bytes once surrounding whitespace is trimmed.
   */
  searchTerm: string;
  /** Cursor from a previous page. */
  cursor?: string | null;
  /**
   * Page size; the server picks one when absent.
   * @format uint32
   */
  limit?: number | null;
  /** Sort field; `created_at` by default. */
  sortKey?: ThreadSearchSortKey | null;
  /** Sort order; descending (newest first) by default. */
  sortDirection?: SortDirection | null;
  /** Only threads from these source kinds; absent or empty means the interactive ones. */
  sourceKinds?: ThreadSourceKind[] | null;
  /** `true` searches only archived threads; `false`, `null` or absent only unarchived ones. */
  archived?: boolean | null;
  /** Only local history visible to the signed-in ChatGPT account; `false` by default. */
  currentAccountOnly?: boolean;
  /** Also search persisted threads attached to another thread. */
  includeAttachedThreads?: boolean;
}

/**
 * Result of `thread/search` and, complete and authoritative, of `thread/search/stream`.
 * @experimental
 */
export interface ThreadSearchResponse {
  data: ThreadSearchResult[];
  /** Cursor for the next page; absent or `null` when this was the last one. */
  nextCursor: string | null;
  /** Cursor for the page before this one, when there is one. */
  backwardsCursor: string | null;
}

/**
 * Where a match lies inside a snippet, as a range of character offsets.
 * @experimental
 */
export interface ThreadSearchTextRange {
  /**
   * First offset of the match.
   * @format uint32
   */
  start: number;
  /**
   * Offset just past the match.
   * @format uint32
   */
  end: number;
}

/**
 * One place in a thread where the search term occurs.
 * @experimental
 */
export interface ThreadSearchOccurrence {
  turnId: string;
  itemId: string;
  /** Cursor that opens the thread's turn list at this turn. */
  turnCursor: string;
  /** Text around the match. */
  snippet: string;
  /** Where the match lies inside `snippet`. */
  snippetMatchRange: ThreadSearchTextRange;
}

/**
 * Params of `thread/searchOccurrences`: one page of the places a term occurs in one thread.
 * @experimental
 */
export interface ThreadSearchOccurrencesParams {
  threadId: string;
  /** The text to look for. */
  searchTerm: string;
  /** Opaque cursor from the previous page's `nextCursor`; omit for the first page. */
  cursor?: string | null;
  /**
   * Largest number of occurrences to return; the server picks a default when omitted.
   * @format uint32
   */
  limit?: number | null;
}

/**
 * Result of `thread/searchOccurrences`.
 * @experimental
 */
export interface ThreadSearchOccurrencesResponse {
  data: ThreadSearchOccurrence[];
  /** Cursor for the next page; absent or `null` when this was the last one. */
  nextCursor: string | null;
}

/**
 * Params of `thread/search/partial`: a batch of early matches of a `thread/search/stream` request on this
 * connection. Best effort: rows are unique and come in the order they were found, but some matches are never
 * sent this way and some sent ones may not make the final page; thread fields come from stored metadata. The
 * request's response replaces them all, and nothing follows the response or an error.
 */
export interface ThreadSearchPartialNotification {
  /** The id of the `thread/search/stream` request these matches belong to. */
  requestId: RequestId;
  data: ThreadSearchResult[];
}

/**
 * Params of `thread/search/cancel` and `thread/search/stream/cancel`: stop a search this connection started
 * (each cancels only its own kind of search). Cancelling twice is harmless; a cancelled search ends with an error
 * once its worker has stopped, unless it finished first, in which case its result stands.
 * @experimental
 */
export interface ThreadSearchCancelParams {
  /** The id of the search request to stop. */
  requestId: RequestId;
}

/**
 * Result of `thread/search/cancel` and `thread/search/stream/cancel` (an empty object): the cancellation was
 * received, not that the search has stopped.
 * @experimental
 */
export interface ThreadSearchCancelResponse {}
