/**
 * Marking threads read or unread.
 * @module
 */
import type { ThreadReadState } from '../threads/index.js';

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

/**
 * Result of `thread/readState/update`: the thread's read state after the change.
 * @experimental
 */
export interface ThreadReadStateUpdateResponse {
  readState: ThreadReadState;
}

/** Sent when a thread's read state changes. */
export interface ThreadReadStateChangedNotification {
  threadId: string;
  /** The new read state. */
  readState: ThreadReadState;
}
