/**
 * Notifications the server pushes to the client as threads, turns and items
 * progress, plus warnings and errors.
 * @module
 */
import type { RequestId } from '../jsonrpc.js';
import type { ThreadItem } from './items.js';
import type { TextRange } from './input.js';
import type { Thread, ThreadStatus, ThreadTokenUsage } from './thread.js';
import type { Turn, TurnError } from './turn.js';

/**
 * Params of the `error` notification: something went wrong during a turn.
 * When `willRetry` is true the server is about to try again, so the turn is
 * not over yet.
 */
export interface ErrorNotification {
  error: TurnError;
  threadId: string;
  turnId: string;
  /** Whether the server will retry the failed step by itself. */
  willRetry: boolean;
}

/** Params of `thread/started`: a thread was created or loaded and is now live. */
export interface ThreadStartedNotification {
  thread: Thread;
}

/** Params of `thread/status/changed`: a thread moved to a new status. */
export interface ThreadStatusChangedNotification {
  status: ThreadStatus;
  threadId: string;
}

/** Params of `thread/tokenUsage/updated`: fresh token counts for a thread. */
export interface ThreadTokenUsageUpdatedNotification {
  threadId: string;
  tokenUsage: ThreadTokenUsage;
  /** The turn whose activity produced the update. */
  turnId: string;
}

/** Params of `turn/started`: the agent began working on a turn. */
export interface TurnStartedNotification {
  threadId: string;
  turn: Turn;
}

/**
 * Params of `turn/completed`: a turn ended, whether it finished, failed or
 * was interrupted (see the turn's status).
 */
export interface TurnCompletedNotification {
  threadId: string;
  turn: Turn;
}

/** Params of `item/started`: a new item (message, command, edit, ...) began. */
export interface ItemStartedNotification {
  /** The item as it stands when it starts. */
  item: ThreadItem;
  /**
   * When the item started, in milliseconds since the Unix epoch.
   * @format int64
   */
  startedAtMs: number;
  threadId: string;
  turnId: string;
}

/** Params of `item/completed`: an item finished; `item` is its final state. */
export interface ItemCompletedNotification {
  /**
   * When the item finished, in milliseconds since the Unix epoch.
   * @format int64
   */
  completedAtMs: number;
  /**
   * For a finished assistant message: how many tokens its content took,
   * counted natively by the model. `null` when the server has no count. This
   * figure is reported here only; it is not stored on the item.
   * @format uint64
   * @default null
   */
  contentTokenCount?: number | null;
  item: ThreadItem;
  threadId: string;
  turnId: string;
}

/**
 * Params of `item/agentMessage/delta`: the next piece of an agent message
 * being streamed. Concatenating the deltas in order gives the text so far.
 */
export interface AgentMessageDeltaNotification {
  /** Text to append. */
  delta: string;
  /** The agent message item the text belongs to. */
  itemId: string;
  threadId: string;
  turnId: string;
}

/**
 * Params of `item/commandExecution/outputDelta`: the next chunk of output
 * from a running command.
 */
export interface CommandExecutionOutputDeltaNotification {
  /** Output to append. */
  delta: string;
  /** The command execution item producing the output. */
  itemId: string;
  threadId: string;
  turnId: string;
}

/**
 * Params of `serverRequest/resolved`: a request the server sent earlier (an
 * approval prompt, say) no longer needs an answer, because it was answered or
 * withdrawn. Clients can close any UI they opened for it.
 */
export interface ServerRequestResolvedNotification {
  /** The `id` of the server request that was settled. */
  requestId: RequestId;
  threadId: string;
}

/** Params of `warning`: a short message the user should see. */
export interface WarningNotification {
  /** The warning text. */
  message: string;
  /** The thread the warning is about, when it concerns a single thread. */
  threadId: string | null;
}

/** Params of `configWarning`: something in the user's configuration looks wrong. */
export interface ConfigWarningNotification {
  /** Longer explanation or hints on fixing it, when available. */
  details: string | null;
  /**
   * The config file the warning is about, when known.
   * @nullableInSchema
   */
  path?: string;
  /**
   * Where in that file the problem is, when known.
   * @nullableInSchema
   */
  range?: TextRange;
  /** One-line description of the problem. */
  summary: string;
}
