/**
 * Marking threads read or unread.
 * @module
 */
/** A change to a thread's read state, tagged by `type`: mark it `read` or `unread`. */
export type ThreadReadStateOperation = { type: 'read' } | { type: 'unread' };

/**
 * Params of `thread/readState/update`.
 * @experimental
 */
export interface ThreadReadStateUpdateParams {
  threadId: string;
  operation: ThreadReadStateOperation;
  /** The read-state revision the client last saw; the update fails if it has changed since. */
  expectedRevision: string;
}
