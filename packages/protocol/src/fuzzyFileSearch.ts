/**
 * Fuzzy file-name search (`fuzzyFileSearch` and the session-based `fuzzyFileSearch/session*`
 * methods with their notifications). These types sit in the package root, not under `v2/`,
 * because upstream's schema places them at its root; they belong to the `exec` area
 * (`methods/exec.ts`).
 * @module
 */

/** Whether a fuzzy search hit is a file or a directory. */
export type FuzzyFileSearchMatchType = 'file' | 'directory';

/** One hit of a fuzzy file search. Its fields are snake_case on the wire. */
export interface FuzzyFileSearchResult {
  /** The last path component of the hit. */
  file_name: string;
  /**
   * Character positions in `path` that matched the query, for highlighting; absent when not computed.
   * @format uint32
   */
  indices: number[] | null;
  /** Whether the hit is a file or a directory. */
  match_type: FuzzyFileSearchMatchType;
  /** The hit's path, relative to `root`. */
  path: string;
  /** The search root the hit was found under. */
  root: string;
  /**
   * How well the hit matches; higher is better.
   * @format uint32
   */
  score: number;
}

/** Params of `fuzzyFileSearch`: a one-shot search. */
export interface FuzzyFileSearchParams {
  /**
   * A token the client picks; a newer search with the same token cancels an older one still
   * running.
   */
  cancellationToken?: string | null;
  /** The text to match against file paths. */
  query: string;
  /** Directories to search under. */
  roots: string[];
}

/** Result of `fuzzyFileSearch`. */
export interface FuzzyFileSearchResponse {
  /** The hits, best first. */
  files: FuzzyFileSearchResult[];
}

/**
 * Params of `fuzzyFileSearch/sessionStart`: open a search session over some roots; queries are
 * sent later with `fuzzyFileSearch/sessionUpdate`.
 * @experimental
 */
export interface FuzzyFileSearchSessionStartParams {
  /** Directories to search under. */
  roots: string[];
  /** A name the client picks for the session; the other session methods and notifications use it. */
  sessionId: string;
}

/**
 * Result of `fuzzyFileSearch/sessionStart` (an empty object once the session is open).
 * @experimental
 */
export interface FuzzyFileSearchSessionStartResponse {}

/**
 * Params of `fuzzyFileSearch/sessionUpdate`: a new query for an open session; results arrive as
 * `fuzzyFileSearch/sessionUpdated` notifications.
 * @experimental
 */
export interface FuzzyFileSearchSessionUpdateParams {
  /** The text to match against file paths. */
  query: string;
  /** The session's id. */
  sessionId: string;
}

/**
 * Result of `fuzzyFileSearch/sessionUpdate` (an empty object; results come as notifications).
 * @experimental
 */
export interface FuzzyFileSearchSessionUpdateResponse {}

/**
 * Params of `fuzzyFileSearch/sessionStop`: close a session.
 * @experimental
 */
export interface FuzzyFileSearchSessionStopParams {
  /** The session's id. */
  sessionId: string;
}

/**
 * Result of `fuzzyFileSearch/sessionStop` (an empty object once the session is closed).
 * @experimental
 */
export interface FuzzyFileSearchSessionStopResponse {}

/** Payload of `fuzzyFileSearch/sessionUpdated`: current hits of a session's query. */
export interface FuzzyFileSearchSessionUpdatedNotification {
  /** The hits found so far, best first. */
  files: FuzzyFileSearchResult[];
  /** The query these hits are for. */
  query: string;
  /** The session's id. */
  sessionId: string;
}

/** Payload of `fuzzyFileSearch/sessionCompleted`: a session's search for its latest query is finished. */
export interface FuzzyFileSearchSessionCompletedNotification {
  /** The session's id. */
  sessionId: string;
}
