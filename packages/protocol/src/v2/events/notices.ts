/**
 * Notices the server sends outside any item: deprecations.
 * @module
 */

/** Tells the client that something it uses is deprecated. */
export interface DeprecationNoticeNotification {
  /** More detail, such as what to use instead. */
  details: string | null;
  /** A one-line summary of the deprecation. */
  summary: string;
}
