/**
 * The script format of the fake app-server. A script is plain data (JSON
 * for `cask-fake-server --script file.json`), except that an answer
 * expectation may be a predicate when the script is built in TypeScript.
 *
 * Strings in `params`, `item` and `result` values may contain the
 * placeholders `${threadId}`, `${turnId}` and `${itemId}` (the last one in
 * deltas and server requests: the id of the item most recently started in
 * the turn); the fake replaces them when it sends the message.
 * @module
 */

/** Any JSON value. */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/** A JSON object. */
export type JsonObject = { [key: string]: JsonValue };

/** A whole script: what the fake answers and what each turn does. */
export interface FakeScript {
  /** `userAgent` answered to `initialize` (default `cask_fake_server/<pinned codex release> (fake)`). */
  userAgent?: string;
  /** Validate against the experimental schema bundle (default: stable). */
  experimental?: boolean;
  /**
   * One entry per `turn/start`, used in order. A `turn/start` after the
   * last scripted turn gets a turn that completes at once with no items.
   */
  turns?: FakeTurn[];
  /**
   * Canned answers for other client requests, by method (`model/list`, ...).
   * A request whose method is neither handled nor listed here gets a
   * JSON-RPC error -32601 naming it.
   */
  responses?: Record<string, FakeResponse>;
  /** Steps run right after the client's `initialized` notification (server requests such as token refresh). */
  afterInitialized?: FakeStep[];
}

/** A canned answer: a result, an error, or no answer at all (a dropped response). */
export type FakeResponse =
  | { result: JsonValue; delayMs?: number }
  | { error: { code: number; message: string; data?: JsonValue }; delayMs?: number }
  | { drop: true };

/** One scripted turn. */
export interface FakeTurn {
  /** Never answer this `turn/start` (the steps still run). */
  dropResponse?: boolean;
  /** What happens in the turn, in order; the turn then completes (unless a step ended it). */
  steps: FakeStep[];
}

/**
 * What the client's answer to a scripted server request must be:
 * - `result`: the result must contain these members (deep, partial match:
 *   objects may carry more members, arrays and scalars must be equal);
 * - `error`: the client must answer with an error (optionally this code);
 * - a predicate (TypeScript only): returns true, or a string saying what is wrong.
 */
export type AnswerExpectation =
  { result: JsonValue } | { error: true | { code: number } } | ((answer: ClientAnswer) => boolean | string);

/** The client's answer to a server request, as the fake received it. */
export type ClientAnswer = { result: unknown } | { error: { code: number; message: string; data?: unknown } };

/** Agent message: `item/started`, one `item/agentMessage/delta` per chunk, `item/completed`. */
export interface AgentMessageStep {
  type: 'agentMessage';
  text: string;
  /** How to split `text` into deltas (default: word by word). Must join to `text`. */
  chunks?: string[];
  /** Item id (default `msg_<n>`). */
  id?: string;
}

/**
 * Any item kind: `item/started` with `item`, then the `deltas` (notifications whose params get
 * `threadId`, `turnId` and `itemId` when they do not set them), then `item/completed` with
 * `completedItem` (default: `item`).
 */
export interface ItemStep {
  type: 'item';
  item: JsonObject;
  deltas?: Array<{ method: string; params: JsonObject }>;
  /** The item as `item/completed` reports it (status, output...). */
  completedItem?: JsonObject;
  /** Server requests sent between `item/started` and the deltas (approvals for this item). */
  requests?: ServerRequestStep[];
}

/** Any server notification, sent as is (after placeholder replacement). */
export interface NotificationStep {
  type: 'notification';
  method: string;
  params?: JsonValue;
}

/** `thread/tokenUsage/updated`, with running totals kept by the fake. */
export interface TokenUsageStep {
  type: 'tokenUsage';
  inputTokens: number;
  outputTokens: number;
  cachedInputTokens?: number;
  reasoningOutputTokens?: number;
  modelContextWindow?: number | null;
}

/** A server request; the fake waits for the answer and checks it. */
export interface ServerRequestStep {
  type: 'serverRequest';
  method: string;
  params: JsonValue;
  expect?: AnswerExpectation;
  /** How long to wait for the answer before recording a failure (default 10 000 ms). */
  timeoutMs?: number;
}

/** An `error` notification; the turn goes on (`willRetry`) or fails (the default). */
export interface ErrorStep {
  type: 'error';
  message: string;
  /** When true the turn goes on after the notification; when false (default) it ends as failed. */
  willRetry?: boolean;
}

/** The turn stays in progress until the client sends `turn/interrupt`, then completes as interrupted. */
export interface WaitForInterruptStep {
  type: 'waitForInterrupt';
  /** Give up after this long and go on with the next step (default: wait forever). */
  timeoutMs?: number;
}

/** Pause. */
export interface DelayStep {
  type: 'delay';
  ms: number;
}

/**
 * A line that is not a valid message. Over stdio it is written as is (a
 * newline is added); in process, where messages are objects, the fake sends
 * `{ "malformed": line }` (an object that is no JSON-RPC message).
 */
export interface MalformedStep {
  type: 'malformed';
  line: string;
}

/** The server exits (mid-turn when used in a turn). */
export interface ExitStep {
  type: 'exit';
  code?: number;
}

/** `count` agent message deltas in a row, without waiting (backpressure tests). */
export interface FloodStep {
  type: 'flood';
  count: number;
  /** Delta text (default `"x"`). */
  delta?: string;
}

/** One step of a turn. */
export type FakeStep =
  | AgentMessageStep
  | ItemStep
  | NotificationStep
  | TokenUsageStep
  | ServerRequestStep
  | ErrorStep
  | WaitForInterruptStep
  | DelayStep
  | MalformedStep
  | ExitStep
  | FloodStep;

/** The step types, for error messages and checks. */
export const STEP_TYPES: ReadonlySet<string> = new Set<FakeStep['type']>([
  'agentMessage',
  'item',
  'notification',
  'tokenUsage',
  'serverRequest',
  'error',
  'waitForInterrupt',
  'delay',
  'malformed',
  'exit',
  'flood',
]);
