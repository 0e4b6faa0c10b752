/**
 * Turns: one round of user input and the agent's work on it. The turn object,
 * its errors, and the `turn/start` and `turn/interrupt` requests.
 * @module
 */
import type { JsonValue } from '../jsonrpc.js';
import type { AbsolutePathBuf, LegacyAppPathString } from './common.js';
import type { UserInput } from './input.js';
import type { FunctionCallOutputBody, ThreadItem } from './items.js';
import type { Personality, ReasoningEffort, ReasoningSummary } from './model.js';
import type { ApprovalsReviewer, AskForApproval, SandboxPolicy } from './sandbox.js';

/** One turn of a thread: the items produced while handling one user input. */
export interface Turn {
  /** The turn's id; ids the server generates are UUIDv7. */
  id: string;
  /** The items of the turn included in this payload; see `itemsView`. */
  items: ThreadItem[];
  /**
   * How much of `items` is present; absent means `full`.
   * @default "full"
   */
  itemsView: TurnItemsView;
  status: TurnStatus;
  /** What went wrong, for a failed or interrupted turn. */
  error: TurnError | null;
  /**
   * When the turn started, in seconds since the Unix epoch.
   * @format int64
   */
  startedAt: number | null;
  /**
   * When the turn completed, in seconds since the Unix epoch.
   * @format int64
   */
  completedAt: number | null;
  /**
   * How long the turn ran, in milliseconds, if known.
   * @format int64
   */
  durationMs: number | null;
  /**
   * The first turn of the chain of work this turn belongs to; pass it as
   * `rootTurnId` when starting work on this turn's behalf. May be `null` for
   * older history.
   */
  rootTurnId: string | null;
}

/**
 * How much of a turn's items a payload carries: none (`notLoaded`), a
 * `summary`, or all of them (`full`).
 */
export type TurnItemsView = 'notLoaded' | 'summary' | 'full';

/** Lifecycle state of a turn. */
export type TurnStatus = 'completed' | 'interrupted' | 'failed' | 'inProgress';

/** Why a turn failed or was interrupted. */
export interface TurnError {
  /** Human-readable description. */
  message: string;
  /** Machine-readable error category, when there is one. */
  codexErrorInfo: CodexErrorInfo | null;
  /** Extra detail for the user, when there is any. */
  additionalDetails: string | null;
  /** Explanation and suggested continuation when the turn was blocked as misaligned. */
  misalignment: MisalignmentErrorDetails | null;
}

/* eslint-disable @typescript-eslint/no-redundant-type-constituents -- the known categories stay listed for readers and
   for the schema's enum, `string` keeps the union open to categories a newer server adds */
/**
 * A machine-readable error category. Known categories are plain strings
 * (`contextWindowExceeded`, `usageLimitExceeded`, ...) or single-key objects
 * carrying details (`httpConnectionFailed`, `activeTurnNotSteerable`, ...).
 * Clients must also accept strings and objects they do not know, since the
 * server may add categories.
 */
export type CodexErrorInfo =
  | 'contextWindowExceeded'
  | 'sessionBudgetExceeded'
  | 'usageLimitExceeded'
  | 'rateLimitExceeded'
  | 'flexUnavailable'
  | 'serverOverloaded'
  | 'modelNotFound'
  | 'policyCapacityUnavailable'
  | 'cyberPolicy'
  | 'bioPolicy'
  | 'misalignmentPolicyViolation'
  | 'tooManyDenials'
  | 'internalServerError'
  | 'unauthorized'
  | 'badRequest'
  | 'threadRollbackFailed'
  | 'sandboxError'
  | 'other'
  | 'inferenceHookDenied'
  | HttpConnectionFailedCodexErrorInfo
  | ResponseStreamConnectionFailedCodexErrorInfo
  | ResponseStreamDisconnectedCodexErrorInfo
  | ResponseTooManyFailedAttemptsCodexErrorInfo
  | ActiveTurnNotSteerableCodexErrorInfo
  | string
  | { [key: string]: JsonValue };
/* eslint-enable @typescript-eslint/no-redundant-type-constituents */

/**
 * An HTTP request to the model provider failed.
 * @additionalProperties false
 */
interface HttpConnectionFailedCodexErrorInfo {
  httpConnectionFailed: {
    /**
     * HTTP status from the provider, when there was one.
     * @format uint16
     */
    httpStatusCode: number | null;
  };
}

/**
 * Connecting to the model's response stream failed.
 * @additionalProperties false
 */
interface ResponseStreamConnectionFailedCodexErrorInfo {
  responseStreamConnectionFailed: {
    /**
     * HTTP status from the provider, when there was one.
     * @format uint16
     */
    httpStatusCode: number | null;
  };
}

/**
 * The model's response stream dropped before the turn finished.
 * @additionalProperties false
 */
interface ResponseStreamDisconnectedCodexErrorInfo {
  responseStreamDisconnected: {
    /**
     * HTTP status from the provider, when there was one.
     * @format uint16
     */
    httpStatusCode: number | null;
  };
}

/**
 * Retrying the model request gave up after too many failures.
 * @additionalProperties false
 */
interface ResponseTooManyFailedAttemptsCodexErrorInfo {
  responseTooManyFailedAttempts: {
    /**
     * HTTP status from the provider, when there was one.
     * @format uint16
     */
    httpStatusCode: number | null;
  };
}

/**
 * Input was sent to a running turn that cannot take more input (such as a
 * review or a manual compaction).
 * @additionalProperties false
 */
interface ActiveTurnNotSteerableCodexErrorInfo {
  activeTurnNotSteerable: {
    turnKind: NonSteerableTurnKind;
  };
}

/** Kinds of running turn that do not accept extra input. */
export type NonSteerableTurnKind = 'review' | 'compact';

/** Why a turn was blocked as misaligned, and how the user may continue. */
export interface MisalignmentErrorDetails {
  /** Category of the block; open-ended, so expect values you do not know. */
  errorType: string | null;
  /** A localized explanation, which must be shown before offering to continue. */
  detailedExplanation: string | null;
  /** Opaque target of the block, issued by the server. */
  reviewTarget?: string | null;
  /** What to send as the next turn's input if the user chooses to continue. */
  steer: MisalignmentSteer | null;
}

/** A message to send as the next user input to continue after a misalignment block. */
export interface MisalignmentSteer {
  message: string;
}

/** Output for a client-handled tool call, delivered with a new turn. */
export interface TurnToolOutput {
  /** The tool's name. */
  name: string;
  /** The tool's namespace, if it has one. */
  namespace?: string | null;
  output: FunctionCallOutputBody;
  /** Keep this output in the model's history of the thread. */
  retain?: boolean;
}

/** An environment to run a turn (or thread) in. */
export interface TurnEnvironmentParams {
  environmentId: string;
  /** Working directory inside the environment, in its own path syntax. */
  cwd: LegacyAppPathString;
  /** Workspace roots inside the environment; absent means just `cwd`. */
  runtimeWorkspaceRoots?: LegacyAppPathString[] | null;
}

/** A context fragment the client adds to a turn. */
export interface AdditionalContextEntry {
  kind: AdditionalContextKind;
  value: string;
  /** Label for untrusted context, used when it is shown to the model as tool output. */
  name?: string | null;
}

/** Whether added context comes from an `untrusted` source or from the `application`. */
export type AdditionalContextKind = 'untrusted' | 'application';

/** A preset collaboration mode and its settings. */
export interface CollaborationMode {
  mode: ModeKind;
  settings: Settings;
}

/** The collaboration mode presets: `plan` or `default`. */
export type ModeKind = 'plan' | 'default';

/** Settings of a collaboration mode. */
export interface Settings {
  model: string;
  reasoning_effort: ReasoningEffort | null;
  /** Developer instructions; `null` selects the mode's built-in ones. */
  developer_instructions: string | null;
}

/**
 * How eagerly the agent delegates to sub-agents: only when asked
 * (`explicitRequestOnly`), on its own initiative (`proactive`), or as
 * described by a custom hint.
 */
export type MultiAgentMode = 'explicitRequestOnly' | 'proactive' | CustomMultiAgentMode;

/**
 * A multi-agent policy given by the configured custom hint.
 * @additionalProperties false
 */
interface CustomMultiAgentMode {
  custom: string;
}

/**
 * A cyber-security access program a turn may ask for. Asking grants nothing
 * by itself; the server decides.
 */
export type CyberAccessProgram = 'standard' | 'daybreakBlue' | 'daybreakRed';

/**
 * Params of `turn/start`: the input for a new turn on a thread. Most other
 * fields override a setting for this turn and every later one.
 */
export interface TurnStartParams {
  threadId: string;
  input: UserInput[];
  /** Id the client gives the user message, echoed back on the item. */
  clientUserMessageId?: string | null;
  /** Replaces the thread's disabled plugin ids; absent or `null` keeps them, `[]` clears them. */
  disabledPluginIds?: string[] | null;
  /** Label for what triggered the turn; ignored when steering a running turn. */
  turnTrigger?: string | null;
  /** The turn on whose behalf this one is started (e.g. delegated work); leave unset for direct user work. */
  parentTurnId?: string | null;
  /** The first turn of the chain of work; absent makes this turn its own root. */
  rootTurnId?: string | null;
  /** Output of a client-handled tool call to deliver with this turn. */
  toolOutput?: TurnToolOutput | null;
  cwd?: string | null;
  approvalPolicy?: AskForApproval | null;
  /** Who reviews approval requests from now on. */
  approvalsReviewer?: ApprovalsReviewer | null;
  sandboxPolicy?: SandboxPolicy | null;
  /**
   * A named permissions profile; cannot be combined with `sandboxPolicy`.
   * @experimental
   */
  permissions?: string | null;
  model?: string | null;
  serviceTier?: string | null;
  /**
   * Service tier for this new turn only (`default` for standard speed);
   * absent or `null` uses the thread's.
   */
  serviceTierForTurn?: string | null;
  effort?: ReasoningEffort | null;
  summary?: ReasoningSummary | null;
  /** @deprecated `friendly` and `pragmatic` have no effect any more. */
  personality?: Personality | null;
  /** A JSON Schema the final assistant message of this turn must follow. */
  outputSchema?: JsonValue;
  /**
   * Context fragments from the client, keyed by an opaque source id.
   * @experimental
   */
  additionalContext?: { [key: string]: AdditionalContextEntry } | null;
  /**
   * A preset collaboration mode; when set it wins over `model`, `effort` and
   * developer instructions.
   * @experimental
   */
  collaborationMode?: CollaborationMode | null;
  /**
   * A cyber access program to request for this turn; absent keeps the
   * automatic choice.
   * @experimental
   */
  cyberAccessProgram?: CyberAccessProgram | null;
  /**
   * Environments for this turn and later ones. Absent keeps the thread's;
   * empty means none for this turn.
   * @experimental
   */
  environments?: TurnEnvironmentParams[] | null;
  /**
   * Ignored by the server.
   * @deprecated Has no effect.
   * @experimental
   */
  multiAgentMode?: MultiAgentMode | null;
  /**
   * Entries for the turn metadata sent to the model API; replaces earlier
   * client entries (an empty map clears them).
   * @experimental
   */
  responsesapiClientMetadata?: { [key: string]: string } | null;
  /**
   * Entries merged into that metadata without removing others; applied after
   * `responsesapiClientMetadata`.
   * @experimental
   */
  responsesapiClientMetadataPatch?: { [key: string]: string } | null;
  /**
   * Replaces the thread's workspace roots; paths must be absolute.
   * @experimental
   */
  runtimeWorkspaceRoots?: AbsolutePathBuf[] | null;
}

/** Result of `turn/start`: the newly started turn. */
export interface TurnStartResponse {
  turn: Turn;
}

/** Params of `turn/interrupt`: which running turn to stop. */
export interface TurnInterruptParams {
  threadId: string;
  turnId: string;
}

/** Result of `turn/interrupt`: an empty object. */
export interface TurnInterruptResponse {}
