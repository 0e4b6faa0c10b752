/**
 * Thread lifecycle requests: starting, resuming, forking, archiving, deleting, renaming, reverting, compacting,
 * unsubscribing and editing stored metadata.
 * @module
 */
import type { JsonValue } from '../../jsonrpc.js';
import type { AbsolutePathBuf, LegacyAppPathString } from '../common.js';
import type { Personality, ReasoningEffort } from '../model.js';
import type {
  ActivePermissionProfile,
  ApprovalsReviewer,
  AskForApproval,
  SandboxMode,
  SandboxPolicy,
} from '../sandbox.js';
import type {
  DynamicToolSpec,
  SelectedCapabilityRoot,
  Thread,
  ThreadHistoryMode,
  ThreadSource,
  ThreadStartSource,
} from '../thread.js';
import type { CollaborationMode, MultiAgentMode, TurnEnvironmentParams, TurnItemsView } from '../turn.js';
import type { SortDirection } from './listing.js';
import type { TurnsPage } from './reading.js';
import type { ResponseItem } from './responseItems.js';

/**
 * Settings a client may override when it starts, resumes or forks a thread; every one defaults to the configured
 * value (or, for a stored thread, to what it ran with).
 */
interface ThreadSettingsOverrides {
  /** Model override. */
  model?: string | null;
  modelProvider?: string | null;
  serviceTier?: string | null;
  cwd?: string | null;
  approvalPolicy?: AskForApproval | null;
  /** Who reviews approval requests on the thread from now on. */
  approvalsReviewer?: ApprovalsReviewer | null;
  sandbox?: SandboxMode | null;
  /**
   * A named permissions profile; cannot be combined with `sandbox`.
   * @experimental
   */
  permissions?: string | null;
  /**
   * Workspace roots for the thread; paths must be absolute.
   * @experimental
   */
  runtimeWorkspaceRoots?: AbsolutePathBuf[] | null;
  /** Config overrides, keyed by config path. */
  config?: { [key: string]: JsonValue } | null;
  /** Replaces the built-in base instructions. */
  baseInstructions?: string | null;
  /** Extra developer instructions for the thread. */
  developerInstructions?: string | null;
}

/** The thread and the settings it runs with, as `thread/start`, `thread/resume` and `thread/fork` report them. */
interface ThreadSessionResponse {
  thread: Thread;
  model: string;
  modelProvider: string;
  serviceTier: string | null;
  cwd: AbsolutePathBuf;
  /**
   * Instruction files loaded for the thread, as paths native to its environment.
   * @default []
   */
  instructionSources: LegacyAppPathString[];
  approvalPolicy: AskForApproval;
  /** Who reviews approval requests on the thread. */
  approvalsReviewer: ApprovalsReviewer;
  /** The sandbox policy, kept for older clients; see `activePermissionProfile`. */
  sandbox: SandboxPolicy;
  /**
   * The permission profile behind the active permissions, when known.
   * @experimental
   */
  activePermissionProfile: ActivePermissionProfile | null;
  reasoningEffort: ReasoningEffort | null;
  /**
   * Plugin ids the user has disabled (not yet enforced).
   * @default []
   */
  disabledPluginIds: string[];
  /**
   * Always `explicitRequestOnly`.
   * @deprecated Has no effect.
   * @experimental
   * @default "explicitRequestOnly"
   */
  multiAgentMode: MultiAgentMode;
  /**
   * Workspace roots of the thread.
   * @experimental
   * @default []
   */
  runtimeWorkspaceRoots: AbsolutePathBuf[];
}

/**
 * Params of `thread/start`: every field is optional and overrides the
 * configured default for the new thread.
 */
export interface ThreadStartParams extends ThreadSettingsOverrides {
  serviceName?: string | null;
  /** @deprecated `friendly` and `pragmatic` have no effect any more. */
  personality?: Personality | null;
  /** Start a thread that is never written to disk. */
  ephemeral?: boolean | null;
  /** Why the client is starting this thread. */
  sessionStartSource?: ThreadStartSource | null;
  /** Analytics label for where the thread came from. */
  threadSource?: ThreadSource | null;
  /**
   * Let a provider with a fixed model catalog substitute its default model
   * when the requested one is not available.
   * @experimental
   */
  allowProviderModelFallback?: boolean;
  /**
   * Initial Daybreak setting for a persisted thread; not allowed for
   * ephemeral threads and grants no access by itself.
   * @experimental
   */
  daybreakEnabled?: boolean | null;
  /**
   * Tools the client provides and answers itself.
   * @experimental
   */
  dynamicTools?: DynamicToolSpec[] | null;
  /**
   * Environments for the thread, most preferred first. Absent means the
   * default environment (when environments are enabled); empty means none.
   * @experimental
   */
  environments?: TurnEnvironmentParams[] | null;
  /**
   * Emit raw model API items on the event stream (internal use).
   * @experimental
   */
  experimentalRawEvents?: boolean;
  /**
   * History layout for the new thread.
   * @experimental
   */
  historyMode?: ThreadHistoryMode | null;
  /**
   * A test-only field the server uses to exercise experimental gating.
   * @experimental
   */
  mockExperimentalField?: string | null;
  /**
   * Ignored by the server.
   * @deprecated Has no effect.
   * @experimental
   */
  multiAgentMode?: MultiAgentMode | null;
  /**
   * Project to assign the thread to.
   * @experimental
   */
  projectId?: string | null;
  /**
   * Capability roots the hosting platform selected.
   * @experimental
   */
  selectedCapabilityRoots?: SelectedCapabilityRoot[] | null;
}

/** Result of `thread/start`: the new thread and the settings it runs with. */
export interface ThreadStartResponse extends ThreadSessionResponse {}

/**
 * Params of `thread/resume`. A thread that is not running is loaded from `history` if given, else from a non-empty
 * `path`, else by `threadId`; for a running thread the server rejoins it and only checks that `path`, if given,
 * matches. The other fields override settings for the resumed thread.
 */
export interface ThreadResumeParams extends ThreadSettingsOverrides {
  threadId: string;
  /**
   * Resume from these model API items instead of from disk (unstable, meant for hosted use).
   * @experimental
   */
  history?: ResponseItem[] | null;
  /**
   * Rollout file to resume from (unstable); an empty string counts as absent.
   * @experimental
   */
  path?: string | null;
  /** @deprecated No longer selects a style and does not rewrite earlier instructions. */
  personality?: Personality | null;
  /** Return the thread without its turns (page them with `thread/turns/list` instead). */
  excludeTurns?: boolean;
  /**
   * Also return a first page of turns in the response, saving a `thread/turns/list` call.
   * @experimental
   */
  initialTurnsPage?: ThreadResumeInitialTurnsPageParams | null;
}

/** How the first page of turns returned by `thread/resume` is built. */
export interface ThreadResumeInitialTurnsPageParams {
  /**
   * Maximum number of turns in the page.
   * @format uint32
   */
  limit?: number | null;
  /** Page order; descending (newest first) by default. */
  sortDirection?: SortDirection | null;
  /** How much of each turn's items to include; `summary` by default. */
  itemsView?: TurnItemsView | null;
}

/** Result of `thread/resume`: the thread and the settings it now runs with. */
export interface ThreadResumeResponse extends ThreadSessionResponse {
  /** The collaboration mode in effect; absent from older servers. */
  collaborationMode: CollaborationMode | null;
  /** Cursor for `thread/turns/list` with `sortDirection: "desc"`, starting at (and including) the latest turn. */
  turnsBackwardsCursor: string | null;
  /** Cursor for `thread/items/list` with `sortDirection: "desc"`, starting at (and including) the latest item. */
  itemsBackwardsCursor: string | null;
  /**
   * The first page of turns, when `initialTurnsPage` was requested.
   * @experimental
   */
  initialTurnsPage: TurnsPage | null;
}

/**
 * Params of `thread/fork`: copy a stored thread (by `threadId`, or by a non-empty `path`, which takes precedence)
 * into a new thread. The other fields override settings for the fork.
 */
export interface ThreadForkParams extends ThreadSettingsOverrides {
  threadId: string;
  /**
   * Rollout file to fork from (unstable); when non-empty, `threadId` is ignored.
   * @experimental
   */
  path?: string | null;
  /** Fork up to and including this turn; it must not be in progress. */
  lastTurnId?: string | null;
  /**
   * Fork up to but excluding this turn; cannot be combined with `lastTurnId`.
   * @experimental
   */
  beforeTurnId?: string | null;
  /** Make the fork a thread that is never written to disk. */
  ephemeral?: boolean;
  /** Analytics label for where the fork came from. */
  threadSource?: ThreadSource | null;
  /** Return the fork without its turns (page them with `thread/turns/list` instead). */
  excludeTurns?: boolean;
  /**
   * Keep the fork attached to its source thread and out of ordinary listings; needs a paginated, locally stored
   * source and excludes `ephemeral` and `deferGoalContinuation`.
   * @experimental
   */
  attachToSource?: boolean;
  /**
   * Copy the source's goal into the fork without starting its automatic continuation right away.
   * @experimental
   */
  deferGoalContinuation?: boolean;
  /**
   * Reuse the loaded parent's configuration, tools and history for prompt caching; needs `ephemeral: true` and a
   * loaded, persisted parent, and excludes `path`, `lastTurnId` and `beforeTurnId`.
   * @experimental
   */
  experimentalPredictionMode?: boolean;
  /**
   * In prediction mode, leave MCP servers out; needs `experimentalPredictionMode: true`.
   * @experimental
   */
  experimentalDisablePredictionMcp?: boolean;
}

/** Result of `thread/fork`: the new thread and the settings it runs with. */
export interface ThreadForkResponse extends ThreadSessionResponse {}

/** Params of `thread/archive`. */
export interface ThreadArchiveParams {
  threadId: string;
}

/** Result of `thread/archive` (an empty object). */
export interface ThreadArchiveResponse {}

/** Params of `thread/unarchive`. */
export interface ThreadUnarchiveParams {
  threadId: string;
}

/** Result of `thread/unarchive`: the restored thread. */
export interface ThreadUnarchiveResponse {
  thread: Thread;
}

/** Params of `thread/delete`. */
export interface ThreadDeleteParams {
  threadId: string;
}

/** Result of `thread/delete` (an empty object). */
export interface ThreadDeleteResponse {}

/** Params of `thread/unsubscribe`: stop receiving the thread's events on this connection. */
export interface ThreadUnsubscribeParams {
  threadId: string;
}

/** Result of `thread/unsubscribe`. */
export interface ThreadUnsubscribeResponse {
  status: ThreadUnsubscribeStatus;
}

/**
 * Outcome of `thread/unsubscribe`: the thread was not loaded, this connection was not subscribed, or the subscription
 * was removed.
 */
export type ThreadUnsubscribeStatus = 'notLoaded' | 'notSubscribed' | 'unsubscribed';

/** Params of `thread/name/set`. */
export interface ThreadSetNameParams {
  threadId: string;
  /** The new user-facing title. */
  name: string;
}

/** Result of `thread/name/set` (an empty object). */
export interface ThreadSetNameResponse {}

/** Params of `thread/metadata/update`: change stored metadata of a thread; absent fields stay as they are. */
export interface ThreadMetadataUpdateParams {
  threadId: string;
  /** Changes to the stored Git details. */
  gitInfo?: ThreadMetadataGitInfoUpdateParams | null;
  /**
   * Project to move the thread to; an empty string removes it from its project, absent or `null` leaves it.
   * @experimental
   */
  projectId?: string | null;
  /**
   * Stores the client's Daybreak choice for a persisted thread; grants nothing by itself. Absent or `null` leaves it.
   * @experimental
   */
  daybreakEnabled?: boolean | null;
}

/**
 * A patch of a thread's stored Git details. For each field: absent keeps the stored value, `null` clears it, a
 * non-empty string replaces it.
 */
export interface ThreadMetadataGitInfoUpdateParams {
  /** Commit hash. */
  sha?: string | null;
  /** Branch name. */
  branch?: string | null;
  /** URL of the `origin` remote. */
  originUrl?: string | null;
}

/** Result of `thread/metadata/update`: the thread with its new metadata. */
export interface ThreadMetadataUpdateResponse {
  thread: Thread;
}

/** Params of `thread/compact/start`: summarise the thread's history to free context. */
export interface ThreadCompactStartParams {
  threadId: string;
}

/** Result of `thread/compact/start` (an empty object); progress arrives as events. */
export interface ThreadCompactStartResponse {}

/**
 * Params of `thread/shellCommand`: run a shell command line (pipes, redirects and quoting kept) in the thread's
 * shell, without sandbox, and record it in the thread.
 */
export interface ThreadShellCommandParams {
  threadId: string;
  /** The command line, interpreted by the thread's configured shell. */
  command: string;
  /**
   * Time limit in milliseconds; one hour when absent or `null`, and 0 times out at once.
   * @format int64
   */
  timeoutMs?: number | null;
}

/** Result of `thread/shellCommand` (an empty object), sent before the command finishes. */
export interface ThreadShellCommandResponse {}

/** Params of `thread/approveGuardianDeniedAction`: let through an action the guardian refused. */
export interface ThreadApproveGuardianDeniedActionParams {
  threadId: string;
  /** The guardian's assessment event, as the server sent it. */
  event: JsonValue;
}

/** Result of `thread/approveGuardianDeniedAction` (an empty object). */
export interface ThreadApproveGuardianDeniedActionResponse {}

/**
 * Params of `thread/revert`: cut a paginated thread's stored history back to just before a turn. Only the
 * conversation history changes; files on disk are left alone.
 */
export interface ThreadRevertParams {
  threadId: string;
  /** The first turn to drop; it and every later turn are removed. */
  beforeTurnId: string;
}

/** Result of `thread/revert`. */
export interface ThreadRevertResponse {
  /** The thread's updated metadata; `turns` is empty, page the kept turns with `thread/turns/list`. */
  thread: Thread;
  /** Cursor for `thread/turns/list` with `sortDirection: "desc"`, starting at (and including) the last kept turn. */
  turnsBackwardsCursor: string | null;
  /** Cursor for `thread/items/list` with `sortDirection: "desc"`, starting at (and including) the last kept item. */
  itemsBackwardsCursor: string | null;
}

/** Params of `thread/inject_items`: append raw model API items to the history the model sees. */
export interface ThreadInjectItemsParams {
  threadId: string;
  /** The items, in the model API's own JSON shape. */
  items: JsonValue[];
}

/** Result of `thread/inject_items` (an empty object). */
export interface ThreadInjectItemsResponse {}

/**
 * Result of `rollout/compress` (an empty object): the background compression of old rollout files was requested,
 * which does not mean it ran or finished.
 * @experimental
 */
export interface RolloutCompressResponse {}
