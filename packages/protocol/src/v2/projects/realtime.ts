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

/**
 * One event of a realtime session recorded in a thread, tagged by `type`: the session started, a transcript
 * segment, a thread item promoted into the conversation, or the session closed.
 */
export type ThreadRealtimeItem = {
  /** Id of this record. */
  id: string;
  /** The realtime session the record belongs to. */
  realtimeSessionId: string;
} & (
  | { type: 'realtimeSessionStarted' }
  | {
      type: 'transcriptSegment';
      role: ThreadRealtimeTranscriptRole;
      /** What was said. */
      text: string;
    }
  | {
      type: 'bemItemPromoted';
      /** The promoted thread item. */
      item_id: string;
      /** The turn holding that item. */
      turn_id: string;
      presentation: ThreadRealtimeBemItemPresentation;
    }
  | { type: 'realtimeSessionClosed'; outcome: ThreadRealtimeSessionOutcome }
);
