/**
 * Threads (conversations): the thread object itself, its status, origin and
 * token usage, and the types `thread/start` takes.
 * @module
 */
import type { JsonValue } from '../jsonrpc.js';
import type { AbsolutePathBuf, LegacyAppPathString } from './common.js';
import type { ReasoningEffort } from './model.js';
import type { Turn } from './turn.js';

/** Identifier of a thread (a UUID string). */
export type ThreadId = string;

/**
 * A conversation between the user and the agent, made of turns. Most
 * responses and notifications send it with an empty `turns` list; only
 * `thread/resume`, `thread/fork` and `thread/read` with `includeTurns` fill it.
 */
export interface Thread {
  /** The thread's id; ids the server generates are UUIDv7. */
  id: string;
  /** Id of the session tree this thread belongs to, shared with its sub-agent threads. */
  sessionId: string;
  /** The thread this one was forked from, if it was forked. */
  forkedFromId: string | null;
  /** The parent thread, set only when this thread is a sub-agent's. */
  parentThreadId: string | null;
  /**
   * The thread that owns this attached thread, regardless of how it was forked or spawned.
   * @experimental
   */
  attachedToThreadId: string | null;
  /** Usually the user's first message, as a preview for thread lists. */
  preview: string;
  /** True for threads that are never written to disk. */
  ephemeral: boolean;
  /** Model in use when the thread is loaded, else the last one recorded; `null` if unknown. */
  model: string | null;
  /** Provider of the model, e.g. `openai`. */
  modelProvider: string;
  /** Reasoning effort in use when loaded, else the last one recorded; `null` if unset or unknown. */
  reasoningEffort: ReasoningEffort | null;
  /**
   * Creation time, in seconds since the Unix epoch.
   * @format int64
   */
  createdAt: number;
  /**
   * Last update time, in seconds since the Unix epoch.
   * @format int64
   */
  updatedAt: number;
  /**
   * Time used to order threads by recency, in seconds since the Unix epoch.
   * @format int64
   */
  recencyAt: number | null;
  /** What the thread is doing right now. */
  status: ThreadStatus;
  /** Where the thread's history file lives; not a stable part of the API. */
  path: string | null;
  /** Working directory recorded for the thread. */
  cwd: AbsolutePathBuf;
  /** Version of the Codex CLI that created the thread. */
  cliVersion: string;
  /** Which kind of client or process created the thread. */
  source: SessionSource;
  /** The client that created the thread, as it identified itself; `null` if unknown. */
  originator: string | null;
  /** Analytics label for where the thread came from. */
  threadSource: ThreadSource | null;
  /** Nickname given to a spawned sub-agent. */
  agentNickname: string | null;
  /** Role given to a spawned sub-agent. */
  agentRole: string | null;
  /** Git state of the working directory when the thread was created. */
  gitInfo: GitInfo | null;
  /** User-facing title of the thread. */
  name: string | null;
  /**
   * Project the server has assigned the thread to, or `null`.
   * @schemaRequired
   */
  projectId: string | null;
  /** The section the user filed this thread under, if any. */
  section: ThreadSection | null;
  /**
   * When the thread entered its current section, in seconds since the Unix epoch.
   * @format int64
   */
  sectionEnteredAt: number | null;
  /**
   * How the thread's history is stored; absent means `legacy`.
   * @default "legacy"
   */
  historyMode: ThreadHistoryMode;
  /**
   * Whether the server takes turn input for this loaded thread directly;
   * `null` when that does not apply (for example an unloaded thread).
   * @experimental
   */
  canAcceptDirectInput: boolean | null;
  /**
   * The saved Daybreak setting of the thread; `null` if never set.
   * @experimental
   */
  daybreakEnabled: boolean | null;
  /**
   * Environments a loaded thread uses, most preferred first. `null` when the
   * thread is not loaded or the server does not say; empty when none are
   * selected. Says nothing about connection state.
   * @experimental
   */
  environments: ThreadEnvironment[] | null;
  /**
   * Implementation-specific extra data.
   * @experimental
   */
  extra: ThreadExtra | null;
  /** The thread's turns; see the type's description for when this is filled. */
  turns: Turn[];
}

/** Implementation-specific data attached to a thread: an object of any shape. */
export type ThreadExtra = { [key: string]: JsonValue };

/** An environment a loaded thread has selected. */
export interface ThreadEnvironment {
  environmentId: string;
  /** Working directory inside the environment, in its own path syntax. */
  cwd: LegacyAppPathString;
  /** Workspace roots inside the environment, in its own path syntax. */
  runtimeWorkspaceRoots: LegacyAppPathString[];
}

/**
 * How a thread's history is persisted: the original single-file `legacy`
 * layout or the `paginated` one.
 */
export type ThreadHistoryMode = 'legacy' | 'paginated';

/** A user-defined group that threads can be filed under. */
export interface ThreadSection {
  /** Stable id (a UUIDv7) that survives renames. */
  id: string;
  /** The name shown to the user. */
  name: string;
  /** How the section looks, synced between clients. */
  appearance: ThreadSectionAppearance | null;
}

/** Visual styling of a custom thread section. */
export interface ThreadSectionAppearance {
  color: string | null;
  icon: string | null;
}

/** A free-form analytics label for where a thread came from. */
export type ThreadSource = string;

/**
 * The runtime state of a thread, tagged by `type`: `notLoaded`, `idle`,
 * `systemError`, or `active` with flags saying what it is waiting for.
 */
export type ThreadStatus =
  | { type: 'notLoaded' }
  | { type: 'idle' }
  | { type: 'systemError' }
  | { type: 'active'; activeFlags: ThreadActiveFlag[] };

/** Why an active thread is blocked: waiting for an approval or for user input. */
export type ThreadActiveFlag = 'waitingOnApproval' | 'waitingOnUserInput';

/** Git details of a working directory. */
export interface GitInfo {
  /** Commit hash checked out. */
  sha: string | null;
  /** Branch checked out. */
  branch: string | null;
  /** URL of the `origin` remote. */
  originUrl: string | null;
}

/**
 * What created a session: one of the built-in clients (`cli`, `vscode`,
 * `exec`, `appServer`, `unknown`), a custom client named in `custom`, or a
 * sub-agent described in `subAgent`.
 */
export type SessionSource =
  'cli' | 'vscode' | 'exec' | 'appServer' | 'unknown' | CustomSessionSource | SubAgentSessionSource;

/**
 * A session created by a client that named itself.
 * @additionalProperties false
 */
interface CustomSessionSource {
  custom: string;
}

/**
 * A session created for a sub-agent.
 * @additionalProperties false
 */
interface SubAgentSessionSource {
  subAgent: SubAgentSource;
}

/**
 * Why a sub-agent session exists: a built-in job (`review`, `compact`,
 * `memory_consolidation`), a thread spawned by another agent
 * (`thread_spawn`), or something else named in `other`.
 */
export type SubAgentSource =
  'review' | 'compact' | 'memory_consolidation' | ThreadSpawnSubAgentSource | OtherSubAgentSource;

/**
 * A sub-agent spawned from another thread.
 * @additionalProperties false
 */
interface ThreadSpawnSubAgentSource {
  thread_spawn: {
    /** The thread that spawned the sub-agent. */
    parent_thread_id: ThreadId;
    /**
     * How deep the sub-agent sits in the spawn tree.
     * @format int32
     */
    depth: number;
    /** The sub-agent's path in the agent tree. */
    agent_path: AgentPath | null;
    agent_nickname: string | null;
    agent_role: string | null;
  };
}

/**
 * A sub-agent of some other kind.
 * @additionalProperties false
 */
interface OtherSubAgentSource {
  other: string;
}

/** The path of an agent in the tree of agents spawned from a thread. */
export type AgentPath = string;

/** Why a client is starting a thread: at `startup`, or after a `clear`. */
export type ThreadStartSource = 'startup' | 'clear';

/** Token counts for a thread: the whole thread and the latest model call. */
export interface ThreadTokenUsage {
  /** Totals over the whole thread. */
  total: TokenUsageBreakdown;
  /** Counts for the latest model call. */
  last: TokenUsageBreakdown;
  /**
   * Size of the model's context window, in tokens, when known.
   * @format int64
   */
  modelContextWindow: number | null;
}

/** Token counts split by kind. */
export interface TokenUsageBreakdown {
  /**
   * All tokens.
   * @format int64
   */
  totalTokens: number;
  /**
   * Input tokens.
   * @format int64
   */
  inputTokens: number;
  /**
   * Input tokens served from the prompt cache.
   * @format int64
   */
  cachedInputTokens: number;
  /**
   * Input tokens written to the prompt cache; absent means 0.
   * @format int64
   * @default 0
   */
  cacheWriteInputTokens: number;
  /**
   * Output tokens.
   * @format int64
   */
  outputTokens: number;
  /**
   * Output tokens spent on reasoning.
   * @format int64
   */
  reasoningOutputTokens: number;
}

/** A capability root the hosting platform selected for a thread. */
export interface SelectedCapabilityRoot {
  /** Identifier given by the platform that made the selection. */
  id: string;
  /** Where to find the root. */
  location: CapabilityRootLocation;
}

/**
 * How to locate a capability root, tagged by `type`. The only variant,
 * `environment`, names an environment and an absolute path inside it.
 */
export type CapabilityRootLocation = {
  type: 'environment';
  environmentId: string;
  /** Absolute path of the root inside that environment. */
  path: string;
};

/**
 * A tool the client provides to the thread and answers itself, tagged by
 * `type`: a single `function`, or a `namespace` grouping several functions.
 */
export type DynamicToolSpec =
  | {
      type: 'function';
      name: string;
      description: string;
      /** JSON Schema of the tool's arguments. */
      inputSchema: JsonValue;
      /** Whether the tool's definition may be loaded lazily. */
      deferLoading?: boolean;
    }
  | {
      type: 'namespace';
      name: string;
      description: string;
      tools: DynamicToolNamespaceTool[];
    };

/** A tool inside a dynamic tool namespace, tagged by `type` (only `function`). */
export type DynamicToolNamespaceTool = {
  type: 'function';
  name: string;
  description: string;
  /** JSON Schema of the tool's arguments. */
  inputSchema: JsonValue;
  /** Whether the tool's definition may be loaded lazily. */
  deferLoading?: boolean;
};
