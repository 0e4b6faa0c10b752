/**
 * Read/unread tracking of locally stored threads.
 * @module
 */

/**
 * Where a thread's unread content begins, tagged by `type`: `threadStart` when the whole thread is marked unread
 * (even one without turns), `turn` when the first unread content is the result of the turn `turnId`.
 */
export type ThreadUnreadPosition = { type: 'threadStart' } | { type: 'turn'; turnId: string };

/** A thread's read state: where unread content begins (`null` when everything is read) and an opaque revision. */
export interface ThreadReadState {
  /** The first unread position, or `null` when the thread has been read. */
  firstUnread: ThreadUnreadPosition | null;
  /** Opaque token identifying this state; pass it back when updating so stale updates are refused. */
  revision: string;
}
