/**
 * Listing threads: `thread/list`, `thread/loaded/list` and their shared vocabulary.
 * @module
 */
import type { Thread } from '../thread.js';
import type { ThreadReadState } from './readState.js';

/** Order of a listing: `asc` (oldest or smallest first) or `desc` (newest or largest first). */
export type SortDirection = 'asc' | 'desc';

/**
 * The kind of client or agent that created a thread, used to filter thread listings. The `subAgent*` kinds
 * distinguish the purposes a sub-agent was spawned for; `unknown` covers sources the server cannot classify.
 */
export type ThreadSourceKind =
  | 'cli'
  | 'vscode'
  | 'exec'
  | 'appServer'
  | 'subAgent'
  | 'subAgentReview'
  | 'subAgentCompact'
  | 'subAgentThreadSpawn'
  | 'subAgentOther'
  | 'unknown';

/** Field a thread listing is sorted by: creation, last update, recency, or position within a section. */
export type ThreadSortKey = 'created_at' | 'updated_at' | 'recency_at' | 'section_position';

/** A working-directory filter for `thread/list`: one path or several (a thread matches any of them exactly). */
export type ThreadListCwdFilter = string | string[];

/** Params of `thread/list`: filters, order and page of the stored threads to return. All fields are optional. */
export interface ThreadListParams {
  /** Cursor from a previous page. */
  cursor?: string | null;
  /**
   * Page size; the server picks one when absent.
   * @format uint32
   */
  limit?: number | null;
  /** Sort field; `created_at` by default. */
  sortKey?: ThreadSortKey | null;
  /** Sort order; descending (newest first) by default. */
  sortDirection?: SortDirection | null;
  /** Only threads recorded under these model providers; empty means all providers. */
  modelProviders?: string[] | null;
  /** Only threads from these source kinds; absent or empty means the interactive ones. */
  sourceKinds?: ThreadSourceKind[] | null;
  /** `true` lists only archived threads; `false`, `null` or absent only unarchived ones. */
  archived?: boolean | null;
  /** Only threads whose working directory equals the path, or one of the paths. */
  cwd?: ThreadListCwdFilter | null;
  /** Skip the state-DB repair scan of rollout files and answer from the state DB alone. */
  useStateDbOnly?: boolean;
  /** Substring to look for in thread titles. */
  searchTerm?: string | null;
  /** Only threads of this section; `null` selects threads without a section, absent means any. */
  sectionId?: string | null;
  /**
   * Only threads of this project; `null` selects threads without a project, absent means any.
   * @experimental
   */
  projectId?: string | null;
  /** Only local history visible to the signed-in ChatGPT account; `false` by default. */
  currentAccountOnly?: boolean;
  /** Only threads created by one of these originators (hosted backends only; the local server refuses a non-empty list). */
  originators?: string[] | null;
  /** Thread ids to leave out before the page limit applies; at most 100, repeat them on every page. */
  excludedThreadIds?: string[] | null;
  /**
   * Only these thread ids (at most 100), applied before the page limit; repeat them on every page. `null` or
   * absent means no restriction, an empty list matches no thread, and `excludedThreadIds` still applies. The
   * local store answers such a request from its index without rescanning rollout files.
   */
  includedThreadIds?: string[] | null;
  /**
   * Only direct sub-agent threads of this parent; excludes `ancestorThreadId`.
   * @experimental
   */
  parentThreadId?: string | null;
  /**
   * Only sub-agent threads spawned, at any depth, below this thread (not the thread itself); excludes `parentThreadId`.
   * @experimental
   */
  ancestorThreadId?: string | null;
  /**
   * Only persisted threads attached to this thread, empty ones included; excludes the parent and ancestor filters.
   * Attached threads are otherwise hidden.
   * @experimental
   */
  attachedToThreadId?: string | null;
  /**
   * Include attached threads when searching titles.
   * @experimental
   */
  includeAttachedThreads?: boolean;
}

/** Result of `thread/list`: one page of threads. */
export interface ThreadListResponse {
  data: Thread[];
  /** Cursor for the next page; `null` when there are no more threads. */
  nextCursor: string | null;
  /** Cursor for paging back the other way (pass it with the opposite `sortDirection`); set only on non-empty pages. */
  backwardsCursor: string | null;
  /**
   * Read states of the threads on this page that have one, by thread id; `null` when read state is unavailable.
   * @experimental
   */
  readStates: { [key: string]: ThreadReadState } | null;
}

/** Params of `thread/loaded/list`: page through the ids of threads loaded in memory. */
export interface ThreadLoadedListParams {
  /** Cursor from a previous page. */
  cursor?: string | null;
  /**
   * Page size; no limit when absent.
   * @format uint32
   */
  limit?: number | null;
}

/** Result of `thread/loaded/list`. */
export interface ThreadLoadedListResponse {
  /** Ids of the threads loaded in memory. */
  data: string[];
  /** Cursor for the next page; `null` when there are no more ids. */
  nextCursor: string | null;
}
