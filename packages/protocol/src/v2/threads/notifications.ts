/**
 * Notifications about threads and turns: archive state, deletion, closing, reverts, renames, compaction, turn diffs,
 * plans and moderation metadata.
 * @module
 */
import type { JsonValue } from '../../jsonrpc.js';

/** Sent when a thread has been archived. */
export interface ThreadArchivedNotification {
  threadId: string;
}

/** Sent when a thread has been taken out of the archive. */
export interface ThreadUnarchivedNotification {
  threadId: string;
}

/** Sent when a thread has been deleted. */
export interface ThreadDeletedNotification {
  threadId: string;
}

/** Sent when a thread has been unloaded from memory and stops sending events. */
export interface ThreadClosedNotification {
  threadId: string;
}

/** Sent when a thread's history has been cut back by `thread/revert`. */
export interface ThreadRevertedNotification {
  threadId: string;
}

/** Sent when a thread's title changes. */
export interface ThreadNameUpdatedNotification {
  threadId: string;
  /**
   * The new title; `null` or absent when it was cleared.
   * @nullableInSchema
   */
  threadName?: string;
}

/**
 * Sent when a thread's context has been compacted.
 * @deprecated Watch for the `contextCompaction` thread item instead.
 */
export interface ContextCompactedNotification {
  threadId: string;
  turnId: string;
}

/** Sent when the combined diff of every file change in a turn changes; carries the whole current diff. */
export interface TurnDiffUpdatedNotification {
  threadId: string;
  turnId: string;
  /** The turn's aggregated unified diff. */
  diff: string;
}

/** Sent when the agent updates its plan for a turn. */
export interface TurnPlanUpdatedNotification {
  threadId: string;
  turnId: string;
  /** Why the plan changed, when the agent says. */
  explanation: string | null;
  /** The whole plan, in order. */
  plan: TurnPlanStep[];
}

/** One step of an agent's plan. */
export interface TurnPlanStep {
  step: string;
  status: TurnPlanStepStatus;
}

/** Progress of a plan step. */
export type TurnPlanStepStatus = 'pending' | 'inProgress' | 'completed';

/** Sent with moderation metadata the backend attached to a turn. */
export interface TurnModerationMetadataNotification {
  threadId: string;
  turnId: string;
  /** The metadata, any JSON value. */
  metadata: JsonValue;
}
