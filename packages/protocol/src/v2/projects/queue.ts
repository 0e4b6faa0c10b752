/**
 * The per-thread queue of user submissions waiting to be sent as turns.
 * @module
 */
import type { UserInput } from '../input.js';
import type { Turn } from '../turn.js';

/** A user message waiting in a thread's queue. */
export interface QueuedSubmission {
  /** Server-assigned id of the queue entry. */
  id: string;
  /** The client's own id for the user message. */
  clientUserMessageId: string;
  /** The message content. */
  input: UserInput[];
  /** Extra string metadata passed on to the Responses API with the turn. */
  responsesapiClientMetadata: { [key: string]: string } | null;
}

/**
 * Params of `thread/queue/add`: append a message to the thread's queue.
 * @experimental
 */
export interface ThreadQueueAddParams {
  threadId: string;
  clientUserMessageId: string;
  input: UserInput[];
  /** Extra string metadata passed on to the Responses API with the turn. */
  responsesapiClientMetadata?: { [key: string]: string } | null;
}

/**
 * Result of `thread/queue/add`: the new queue entry.
 * @experimental
 */
export interface ThreadQueueAddResponse {
  queuedSubmission: QueuedSubmission;
}

/**
 * Params of `thread/queue/list`: one page of the thread's queue, in queue order.
 * @experimental
 */
export interface ThreadQueueListParams {
  threadId: string;
  /** Opaque cursor from the previous page's `nextCursor`; omit for the first page. */
  cursor?: string | null;
  /**
   * Largest number of entries to return; the server picks a default when omitted.
   * @format uint32
   */
  limit?: number | null;
}

/**
 * Result of `thread/queue/list`.
 * @experimental
 */
export interface ThreadQueueListResponse {
  data: QueuedSubmission[];
  /** Cursor for the next page; absent or `null` when this was the last one. */
  nextCursor: string | null;
}

/**
 * Params of `thread/queue/update`: replace the content of a queued message.
 * @experimental
 */
export interface ThreadQueueUpdateParams {
  threadId: string;
  queuedSubmissionId: string;
  input: UserInput[];
  /** Extra string metadata passed on to the Responses API with the turn. */
  responsesapiClientMetadata?: { [key: string]: string } | null;
}

/**
 * Result of `thread/queue/update`: the entry after the change.
 * @experimental
 */
export interface ThreadQueueUpdateResponse {
  queuedSubmission: QueuedSubmission;
}

/**
 * Params of `thread/queue/delete`: drop one entry from the queue.
 * @experimental
 */
export interface ThreadQueueDeleteParams {
  threadId: string;
  queuedSubmissionId: string;
}

/**
 * Result of `thread/queue/delete`.
 * @experimental
 */
export interface ThreadQueueDeleteResponse {
  /** Whether an entry was removed (`false` when it was no longer queued). */
  deleted: boolean;
}

/**
 * Params of `thread/queue/reorder`: the queue's entries in their new order.
 * @experimental
 */
export interface ThreadQueueReorderParams {
  threadId: string;
  queuedSubmissionIds: string[];
}

/**
 * Result of `thread/queue/reorder` (carries nothing).
 * @experimental
 */
export interface ThreadQueueReorderResponse {}

/**
 * Params of `thread/queue/start`: send a queued message now as a new turn.
 * @experimental
 */
export interface ThreadQueueStartParams {
  threadId: string;
  /** The entry to start; the first one in the queue when omitted. */
  queuedSubmissionId?: string | null;
}

/**
 * Result of `thread/queue/start`: the turn that was started.
 * @experimental
 */
export interface ThreadQueueStartResponse {
  turn: Turn;
}

/** Params of `thread/queue/changed`: the thread's queue changed; list it again to see how. */
export interface ThreadQueueChangedNotification {
  threadId: string;
}
