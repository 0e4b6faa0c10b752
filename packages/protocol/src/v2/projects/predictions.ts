/**
 * Side requests on a thread that don't add a turn: sampling the model out of band, predicting the user's next
 * message, preparing an approved plan, and holding the thread while the client asks the user something.
 * @module
 */
import type { RequestId } from '../../jsonrpc.js';
import type { ReasoningEffort } from '../model.js';
import type { ThreadSource } from '../thread.js';

/**
 * Params of `thread/sample`: ask the model one question in the context of the thread, without recording it.
 * @experimental
 */
export interface ThreadSampleParams {
  threadId: string;
  /** The turn the thread must be at; the request fails if it has moved on. */
  expectedTurnId: string;
  /** The question put to the model. */
  prompt: string;
  /** Allow sampling while a turn is still running. */
  allowInProgressTurn?: boolean;
  /** Leave MCP tools out of the request. */
  disableMcp?: boolean;
  effort?: ReasoningEffort | null;
  /** Interrupt the model call when the request is cancelled. */
  interruptOnCancel?: boolean | null;
  /** Extra string metadata passed on to the Responses API. */
  responsesapiClientMetadata?: { [key: string]: string } | null;
  /** Analytics label for where the request came from. */
  threadSource?: ThreadSource | null;
  /** Analytics label for what triggered the request. */
  turnTrigger?: string | null;
}

/**
 * Result of `thread/sample`: the model's answer and what it cost.
 * @experimental
 */
export interface ThreadSampleResponse {
  /** Id of the model response. */
  responseId: string;
  /** The turn the sample was taken at. */
  sourceTurnId: string;
  /** The answer text, if the model produced any. */
  text: string | null;
  /** @format int64 */
  inputTokens: number | null;
  /** @format int64 */
  cachedInputTokens: number | null;
  /** @format int64 */
  outputTokens: number | null;
}

/**
 * Params of `thread/sample/cancel`: stop a `thread/sample` request that is still running.
 * @experimental
 * @additionalProperties false
 */
export interface ThreadSampleCancelParams {
  /** The JSON-RPC id of the `thread/sample` request. */
  requestId: RequestId;
}

/**
 * Result of `thread/sample/cancel` (carries nothing).
 * @experimental
 */
export interface ThreadSampleCancelResponse {}

/**
 * Params of `thread/prediction/request`: predict what the user will say after a turn; the answer arrives as
 * `thread/prediction/updated`.
 * @experimental
 */
export interface ThreadPredictionRequestParams {
  threadId: string;
  /** The turn to predict a follow-up to. */
  sourceTurnId: string;
}

/**
 * Result of `thread/prediction/request` (carries nothing).
 * @experimental
 */
export interface ThreadPredictionRequestResponse {}

/** The outcome of a prediction, tagged by `type`: `completed` with its text, or `failed`. */
export type ThreadPredictionResult =
  | {
      type: 'completed';
      /** The predicted message, if one was produced. */
      text: string | null;
    }
  | { type: 'failed' };

/** Params of `thread/prediction/updated`: a requested prediction is ready. */
export interface ThreadPredictionUpdatedNotification {
  threadId: string;
  /** The turn the prediction follows. */
  sourceTurnId: string;
  result: ThreadPredictionResult;
}

/**
 * Params of `thread/prepareApprovedPlan`: turn a plan the user approved into the prompt that carries it out.
 * @experimental
 */
export interface ThreadPrepareApprovedPlanParams {
  threadId: string;
  /** The approved plan, as Markdown. */
  markdown: string;
  /** Where the plan was saved, if it was. */
  attachmentPath?: string | null;
}

/**
 * Result of `thread/prepareApprovedPlan`.
 * @experimental
 */
export interface ThreadPrepareApprovedPlanResponse {
  /** The prompt to send as the next turn. */
  prompt: string;
}

/**
 * Params of `thread/increment_elicitation`: the client starts asking the user something, so the thread's
 * timers pause.
 * @experimental
 */
export interface ThreadIncrementElicitationParams {
  threadId: string;
}

/**
 * Result of `thread/increment_elicitation`: the open-elicitation count after the change.
 * @experimental
 */
export interface ThreadIncrementElicitationResponse {
  /**
   * Number of elicitations now open.
   * @format int64
   */
  count: number;
  /** Whether the thread is paused. */
  paused: boolean;
}

/**
 * Params of `thread/decrement_elicitation`: an elicitation the client opened is over.
 * @experimental
 */
export interface ThreadDecrementElicitationParams {
  threadId: string;
}

/**
 * Result of `thread/decrement_elicitation`: the open-elicitation count after the change.
 * @experimental
 */
export interface ThreadDecrementElicitationResponse {
  /**
   * Number of elicitations still open.
   * @format int64
   */
  count: number;
  /** Whether the thread is still paused. */
  paused: boolean;
}
