/**
 * Realtime (voice) session records as they appear in a thread's timeline.
 * @module
 */

/** Who spoke a realtime transcript segment. */
export type ThreadRealtimeTranscriptRole = 'user' | 'assistant';

/** How a realtime session ended: normally or because of an error. */
export type ThreadRealtimeSessionOutcome = 'ended' | 'failed';

/**
 * How a thread item that a realtime session promoted is shown, tagged by `type`:
 * the `wholeItem`, as `inlineMarkdown`, or as the inline visualization at `index`.
 */
export type ThreadRealtimeBemItemPresentation =
  | { type: 'wholeItem' }
  | { type: 'inlineMarkdown' }
  | {
      type: 'inlineVisualization';
      /**
       * Which visualization of the item is shown.
       * @format uint32
       */
      index: number;
    };

/** A voice transcript carried by a realtime frame: who spoke and what was said. */
export interface ThreadRealtimeVoiceTranscript {
  role: ThreadRealtimeTranscriptRole;
  text: string;
}

/**
 * The payloads of one realtime frame, at most one per channel; they share the frame's id and observation time.
 * Version 1 of the format has exactly one channel, the voice transcript.
 */
export interface ThreadRealtimeFrameChannels {
  voice_transcript: ThreadRealtimeVoiceTranscript;
}

/** How a realtime session handed input to the thread: it `start`ed a new turn or `steer`ed the running one. */
export type ThreadRealtimeHandoffMode = 'start' | 'steer';

/**
 * One event of a realtime session recorded in a thread, tagged by `type`: the session started, a frame of
 * channel payloads, a transcript segment, a thread item promoted into the conversation, the session closed, input
 * handed to a turn, or input saved when the session ended.
 */
export type ThreadRealtimeItem = {
  /** Id of this record. */
  id: string;
  /** The realtime session the record belongs to. */
  realtimeSessionId: string;
  /**
   * When the event was observed, in milliseconds since the Unix epoch; only voice calls that qualify carry it.
   * @format int64
   * @nullableInSchema
   */
  observedAtMs?: number;
} & (
  | { type: 'realtimeSessionStarted' }
  | { type: 'frame'; channels: ThreadRealtimeFrameChannels }
  | {
      type: 'transcriptSegment';
      role: ThreadRealtimeTranscriptRole;
      /** What was said. */
      text: string;
    }
  | {
      type: 'bemItemPromoted';
      /**
       * The promoted thread item.
       * @schemaName item_id
       */
      itemId: string;
      /**
       * The turn holding that item.
       * @schemaName turn_id
       */
      turnId: string;
      presentation: ThreadRealtimeBemItemPresentation;
    }
  | { type: 'realtimeSessionClosed'; outcome: ThreadRealtimeSessionOutcome }
  | {
      type: 'turnInputAccepted';
      /**
       * Id of the hand-off.
       * @schemaName handoff_id
       */
      handoffId: string;
      /**
       * The turn that received the input.
       * @schemaName turn_id
       */
      turnId: string;
      mode: ThreadRealtimeHandoffMode;
      /**
       * The realtime events the input was built from.
       * @schemaName source_event_ids
       */
      sourceEventIds: string[];
      /**
       * The thread item holding the input.
       * @schemaName input_item_id
       */
      inputItemId: string;
      /** The text handed to the turn. */
      input: string;
    }
  | {
      type: 'sessionEndInputSaved';
      /**
       * The realtime events the input was built from.
       * @schemaName source_event_ids
       */
      sourceEventIds: string[];
      /**
       * The thread item holding the input.
       * @schemaName input_item_id
       */
      inputItemId: string;
      /** The text saved when the session ended. */
      input: string;
    }
);

/** A realtime record with its committed position in the thread's realtime log. */
export interface ThreadRealtimeEntry {
  item: ThreadRealtimeItem;
  /**
   * Committed position of the record.
   * @format uint64
   */
  position: number;
}

/** How far the realtime projection of a thread's history has got: not supported, still pending, or ready. */
export type ThreadRealtimeCoverage = 'unsupported' | 'pending' | 'ready';

/**
 * Order of `thread/realtime/list` results: by observation time (ties broken by position), or by committed
 * position (which includes records committed after older snapshots were taken).
 */
export type ThreadRealtimeOrder = 'observedAt' | 'position';

/**
 * Params of `thread/realtime/list`: one page of a thread's realtime records. Filters combine; a request can wait
 * (answer `pending` coverage) until the projection reaches a given event or position.
 * @experimental
 */
export interface ThreadRealtimeListParams {
  threadId: string;
  /** Only records of this realtime session. */
  sessionId?: string | null;
  /** Cursor from the previous page's `nextCursor`; omit for the first page. */
  cursor?: string | null;
  /**
   * Largest number of records to return; the server picks a default when omitted.
   * @format uint32
   */
  limit?: number | null;
  /** Sort order; observation time by default. */
  order?: ThreadRealtimeOrder | null;
  /**
   * Only records at committed positions after this one.
   * @format uint64
   */
  afterPosition?: number | null;
  /**
   * Read an immutable snapshot that ends (exclusive) at this committed position.
   * @format uint64
   */
  snapshotEnd?: number | null;
  /**
   * Answer with `pending` coverage until the projection includes this committed position.
   * @format uint64
   */
  requiredThroughPosition?: number | null;
  /** Only the record of this exact event id (e.g. the acknowledgement of a completed item); `pending` until it is projected. */
  eventId?: string | null;
  /**
   * Only records observed at or after this time, in milliseconds since the Unix epoch.
   * @format int64
   */
  fromObservedAtMs?: number | null;
  /**
   * Only records observed before this time, in milliseconds since the Unix epoch.
   * @format int64
   */
  toObservedAtMs?: number | null;
}

/**
 * Result of `thread/realtime/list`.
 * @experimental
 */
export interface ThreadRealtimeListResponse {
  data: ThreadRealtimeEntry[];
  /** Cursor for the next page; absent or `null` when this was the last one. */
  nextCursor: string | null;
  /**
   * The committed position (exclusive) the snapshot of this answer ends at; pass it back as `snapshotEnd` to
   * page through the same snapshot.
   * @format uint64
   */
  snapshotEnd: number;
  /**
   * How far (exclusive position) the projection has processed the thread's history.
   * @format uint64
   */
  projectedThroughItemIndex: number;
  coverage: ThreadRealtimeCoverage;
}
