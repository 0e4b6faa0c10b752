/**
 * Method-map entries for thread lifecycle, listing, reading, turns and reviews, and the thread, turn and item
 * notifications.
 * The root maps in `../methods.ts` extend these interfaces; see there for the rules.
 * @module
 */
import type {
  RolloutCompressResponse,
  ThreadApproveGuardianDeniedActionParams,
  ThreadApproveGuardianDeniedActionResponse,
  ThreadArchiveParams,
  ThreadArchiveResponse,
  ThreadCompactStartParams,
  ThreadCompactStartResponse,
  ThreadDeleteParams,
  ThreadDeleteResponse,
  ThreadForkParams,
  ThreadForkResponse,
  ThreadInjectItemsParams,
  ThreadInjectItemsResponse,
  ThreadMetadataUpdateParams,
  ThreadMetadataUpdateResponse,
  ThreadResumeParams,
  ThreadResumeResponse,
  ThreadRevertParams,
  ThreadRevertResponse,
  ThreadSetNameParams,
  ThreadSetNameResponse,
  ThreadShellCommandParams,
  ThreadShellCommandResponse,
  ThreadUnarchiveParams,
  ThreadUnarchiveResponse,
  ThreadUnsubscribeParams,
  ThreadUnsubscribeResponse,
} from '../v2/threads/lifecycle.js';
import type {
  ThreadListParams,
  ThreadListResponse,
  ThreadLoadedListParams,
  ThreadLoadedListResponse,
} from '../v2/threads/listing.js';
import type {
  ThreadReadParams,
  ThreadReadResponse,
  ThreadTurnsListParams,
  ThreadTurnsListResponse,
} from '../v2/threads/reading.js';
import type {
  ContextCompactedNotification,
  ThreadArchivedNotification,
  ThreadClosedNotification,
  ThreadDeletedNotification,
  ThreadNameUpdatedNotification,
  ThreadRevertedNotification,
  ThreadUnarchivedNotification,
  TurnDiffUpdatedNotification,
  TurnModerationMetadataNotification,
  TurnPlanUpdatedNotification,
} from '../v2/threads/notifications.js';
import type {
  ReviewStartParams,
  ReviewStartResponse,
  TurnSteerParams,
  TurnSteerResponse,
} from '../v2/threads/turns.js';
import type {
  AgentMessageDeltaNotification,
  ErrorNotification,
  ItemCompletedNotification,
  ItemStartedNotification,
  ThreadStartedNotification,
  ThreadStatusChangedNotification,
  ThreadTokenUsageUpdatedNotification,
  TurnCompletedNotification,
  TurnStartedNotification,
} from '../v2/notifications.js';
import type { ThreadStartParams, ThreadStartResponse } from '../v2/threads/lifecycle.js';
import type { TurnInterruptParams, TurnInterruptResponse, TurnStartParams, TurnStartResponse } from '../v2/turn.js';

/** Client requests for thread lifecycle, listing, reading, turns and reviews. */
export interface ThreadsClientRequests {
  /** Loads a stored thread (or rejoins a running one) and subscribes to its events. */
  'thread/resume': { params: ThreadResumeParams; result: ThreadResumeResponse };
  /** Copies a stored thread into a new thread and subscribes to it. */
  'thread/fork': { params: ThreadForkParams; result: ThreadForkResponse };
  /** Moves a thread to the archive. */
  'thread/archive': { params: ThreadArchiveParams; result: ThreadArchiveResponse };
  /** Deletes a thread. */
  'thread/delete': { params: ThreadDeleteParams; result: ThreadDeleteResponse };
  /** Stops this connection from receiving a thread's events. */
  'thread/unsubscribe': { params: ThreadUnsubscribeParams; result: ThreadUnsubscribeResponse };
  /** Sets a thread's title. */
  'thread/name/set': { params: ThreadSetNameParams; result: ThreadSetNameResponse };
  /** Changes a thread's stored metadata (Git details and, experimentally, project and Daybreak choice). */
  'thread/metadata/update': { params: ThreadMetadataUpdateParams; result: ThreadMetadataUpdateResponse };
  /**
   * Asks for a background compression pass over old local rollout files.
   * @experimental
   */
  'rollout/compress': { params: undefined; result: RolloutCompressResponse };
  /** Takes a thread out of the archive. */
  'thread/unarchive': { params: ThreadUnarchiveParams; result: ThreadUnarchiveResponse };
  /** Compacts a thread's context now. */
  'thread/compact/start': { params: ThreadCompactStartParams; result: ThreadCompactStartResponse };
  /** Runs a user shell command line in a thread, unsandboxed. */
  'thread/shellCommand': { params: ThreadShellCommandParams; result: ThreadShellCommandResponse };
  /** Approves an action the guardian had refused. */
  'thread/approveGuardianDeniedAction': {
    params: ThreadApproveGuardianDeniedActionParams;
    result: ThreadApproveGuardianDeniedActionResponse;
  };
  /** Cuts a paginated thread's history back to just before a turn. */
  'thread/revert': { params: ThreadRevertParams; result: ThreadRevertResponse };
  /** Lists stored threads, with filters and paging. */
  'thread/list': { params: ThreadListParams; result: ThreadListResponse };
  /** Lists the ids of threads loaded in memory. */
  'thread/loaded/list': { params: ThreadLoadedListParams; result: ThreadLoadedListResponse };
  /** Reads one thread, optionally with its turns. */
  'thread/read': { params: ThreadReadParams; result: ThreadReadResponse };
  /** Pages through a thread's turns. */
  'thread/turns/list': { params: ThreadTurnsListParams; result: ThreadTurnsListResponse };
  /** Appends raw model API items to a thread's model-visible history. */
  'thread/inject_items': { params: ThreadInjectItemsParams; result: ThreadInjectItemsResponse };
  /** Adds user input to the turn that is running. */
  'turn/steer': { params: TurnSteerParams; result: TurnSteerResponse };
  /** Starts a code review as a turn of a thread. */
  'review/start': { params: ReviewStartParams; result: ReviewStartResponse };
  /** Creates a new thread (a conversation) and subscribes to its events. */
  'thread/start': { params: ThreadStartParams; result: ThreadStartResponse };
  /** Adds user input to a thread and starts the agent working on it. */
  'turn/start': { params: TurnStartParams; result: TurnStartResponse };
  /** Asks the server to stop the turn that is running. */
  'turn/interrupt': { params: TurnInterruptParams; result: TurnInterruptResponse };
}

/** Server requests for thread lifecycle, listing, reading, turns and reviews (none). */
export interface ThreadsServerRequests {}

/** Server notifications for thread lifecycle, listing, reading, turns and reviews. */
export interface ThreadsServerNotifications {
  /** A thread was archived. */
  'thread/archived': { params: ThreadArchivedNotification };
  /** A thread was deleted. */
  'thread/deleted': { params: ThreadDeletedNotification };
  /** A thread was taken out of the archive. */
  'thread/unarchived': { params: ThreadUnarchivedNotification };
  /** A thread was unloaded and sends no more events. */
  'thread/closed': { params: ThreadClosedNotification };
  /** A thread's history was cut back. */
  'thread/reverted': { params: ThreadRevertedNotification };
  /** A thread's title changed. */
  'thread/name/updated': { params: ThreadNameUpdatedNotification };
  /** The turn's combined diff changed. */
  'turn/diff/updated': { params: TurnDiffUpdatedNotification };
  /** The agent updated its plan. */
  'turn/plan/updated': { params: TurnPlanUpdatedNotification };
  /**
   * A thread's context was compacted.
   * @deprecated Use the `contextCompaction` thread item.
   */
  // eslint-disable-next-line @typescript-eslint/no-deprecated -- the server still sends it; the map must name its params
  'thread/compacted': { params: ContextCompactedNotification };
  /** Moderation metadata for a turn arrived. */
  'turn/moderationMetadata': { params: TurnModerationMetadataNotification };
  error: { params: ErrorNotification };
  'thread/started': { params: ThreadStartedNotification };
  'thread/status/changed': { params: ThreadStatusChangedNotification };
  'thread/tokenUsage/updated': { params: ThreadTokenUsageUpdatedNotification };
  'turn/started': { params: TurnStartedNotification };
  'turn/completed': { params: TurnCompletedNotification };
  'item/started': { params: ItemStartedNotification };
  'item/completed': { params: ItemCompletedNotification };
  'item/agentMessage/delta': { params: AgentMessageDeltaNotification };
}
