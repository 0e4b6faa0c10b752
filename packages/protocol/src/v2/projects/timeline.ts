/**
 * A thread's timeline: its items, turn boundaries and realtime session records in one ordered list.
 * @module
 */
import type { ThreadItem } from '../items.js';
import type { TurnError, TurnStatus } from '../turn.js';
import type { ThreadRealtimeItem } from './realtime.js';

/** One timeline entry, tagged by `type`: a thread item, a realtime record, or a turn starting or completing. */
export type ThreadTimelineEntry =
  | {
      type: 'item';
      /**
       * Place of the entry in the timeline.
       * @format uint64
       */
      position: number;
      /** The turn holding the item. */
      turnId: string;
      item: ThreadItem;
    }
  | {
      type: 'realtime';
      /**
       * Place of the entry in the timeline.
       * @format uint64
       */
      position: number;
      item: ThreadRealtimeItem;
    }
  | {
      type: 'turnStarted';
      /**
       * Place of the entry in the timeline.
       * @format uint64
       */
      position: number;
      /** @schemaName turn_id */
      turnId: string;
      /**
       * When the turn started, in seconds since the Unix epoch.
       * @format int64
       * @schemaName started_at
       */
      startedAt: number | null;
    }
  | {
      type: 'turnCompleted';
      /**
       * Place of the entry in the timeline.
       * @format uint64
       */
      position: number;
      /** @schemaName turn_id */
      turnId: string;
      status: TurnStatus;
      /** Why the turn failed, when it did. */
      error: TurnError | null;
      /**
       * When the turn started, in seconds since the Unix epoch.
       * @format int64
       * @schemaName started_at
       */
      startedAt: number | null;
      /**
       * When the turn completed, in seconds since the Unix epoch.
       * @format int64
       * @schemaName completed_at
       */
      completedAt: number | null;
      /**
       * How long the turn took, in milliseconds.
       * @format int64
       * @schemaName duration_ms
       */
      durationMs: number | null;
    };

/**
 * Params of `thread/timeline/list`: one page of a thread's timeline.
 * @experimental
 */
export interface ThreadTimelineListParams {
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
 * Result of `thread/timeline/list`.
 * @experimental
 */
export interface ThreadTimelineListResponse {
  data: ThreadTimelineEntry[];
  /** Cursor for the next page; absent or `null` when this was the last one. */
  nextCursor: string | null;
  /** The realtime session that was open where this page starts, if any. */
  activeRealtimeSessionAtPageStart: string | null;
}
