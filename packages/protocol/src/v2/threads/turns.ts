/**
 * Turn requests beyond `turn/start` and `turn/interrupt`: steering a running turn and starting a review.
 * @module
 */
import type { UserInput } from '../input.js';
import type { AdditionalContextEntry, Turn } from '../turn.js';

/** Params of `turn/steer`: add user input to the turn that is running. */
export interface TurnSteerParams {
  threadId: string;
  /** The id of the running turn; the request fails if another turn (or none) is running. */
  expectedTurnId: string;
  input: UserInput[];
  /** Client-chosen id of this user message. */
  clientUserMessageId?: string | null;
  /**
   * Extra context fragments, keyed by an opaque source id the client chooses.
   * @experimental
   */
  additionalContext?: { [key: string]: AdditionalContextEntry } | null;
  /**
   * Client entries for the turn metadata sent to the model API, replacing earlier client entries (an empty map clears
   * them). They travel inside the turn-metadata header value; reserved keys cannot be overridden.
   * @experimental
   */
  responsesapiClientMetadata?: { [key: string]: string } | null;
  /**
   * Client entries merged into that turn metadata without removing others; applied after
   * `responsesapiClientMetadata`.
   * @experimental
   */
  responsesapiClientMetadataPatch?: { [key: string]: string } | null;
}

/** Result of `turn/steer`. */
export interface TurnSteerResponse {
  /** The turn the input was added to. */
  turnId: string;
}

/** Params of `review/start`: run a code review as a turn of the given thread. */
export interface ReviewStartParams {
  threadId: string;
  /** What to review. */
  target: ReviewTarget;
  /** Where the review runs; only `inline` (on `threadId`) is supported, which is also the default. */
  delivery?: ReviewDelivery | null;
}

/** Where a review runs: `inline`, on the thread it was requested for. */
export type ReviewDelivery = 'inline';

/**
 * What a review looks at, tagged by `type`: the working tree's `uncommittedChanges`, the diff against a `baseBranch`,
 * one `commit` (with an optional label for display), or `custom` free-form instructions.
 */
export type ReviewTarget =
  | { type: 'uncommittedChanges' }
  | { type: 'baseBranch'; branch: string }
  | {
      type: 'commit';
      sha: string;
      /** A label to show, such as the commit's subject line. */
      title?: string | null;
    }
  | { type: 'custom'; instructions: string };

/** Result of `review/start`. */
export interface ReviewStartResponse {
  /** The thread the review runs on (the one given in the params). */
  reviewThreadId: string;
  /** The review's turn. */
  turn: Turn;
}
