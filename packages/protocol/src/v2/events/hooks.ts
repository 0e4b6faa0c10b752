/**
 * Hook runs: which lifecycle event fired a hook, where the hook was
 * configured, and the notifications the server sends while hooks run.
 * @module
 */
import type { LegacyAppPathString } from '../common.js';

/** The point in the agent's lifecycle at which a hook runs. */
export type HookEventName =
  | 'preModelRequest'
  | 'postModelRequest'
  | 'preToolUse'
  | 'permissionRequest'
  | 'postToolUse'
  | 'preCompact'
  | 'postCompact'
  | 'sessionStart'
  | 'sessionEnd'
  | 'userPromptSubmit'
  | 'subagentStart'
  | 'subagentStop'
  | 'stop'
  | 'interrupt';

/** Where a hook's definition came from (a config layer, a plugin, managed policy, ...). */
export type HookSource =
  | 'system'
  | 'user'
  | 'project'
  | 'mdm'
  | 'sessionFlags'
  | 'plugin'
  | 'cloudRequirements'
  | 'cloudManagedConfig'
  | 'legacyManagedConfigFile'
  | 'legacyManagedConfigMdm'
  | 'unknown';

/** Whether the agent waits for a hook to finish (`sync`) or lets it run in the background (`async`). */
export type HookExecutionMode = 'sync' | 'async';

/** How a hook is carried out: a shell command, an MCP tool, a model prompt, or a sub-agent. */
export type HookHandlerType = 'command' | 'mcpTool' | 'prompt' | 'agent';

/** Where a hook run currently stands. */
export type HookRunStatus = 'running' | 'completed' | 'failed' | 'blocked' | 'stopped';

/** Whether a hook is attached to the whole thread or to a single turn. */
export type HookScope = 'thread' | 'turn';

/** What a line of hook output means to the agent (a warning, a stop request, feedback, extra context, an error). */
export type HookOutputEntryKind = 'warning' | 'stop' | 'feedback' | 'context' | 'error';

/** One piece of output a hook produced. */
export interface HookOutputEntry {
  kind: HookOutputEntryKind;
  /** The text of the entry. */
  text: string;
}

/** A snapshot of one hook run: what fired it, how it runs, and how it went so far. */
export interface HookRunSummary {
  /**
   * When the run finished (a Unix timestamp); absent while it is still running.
   * @format int64
   */
  completedAt: number | null;
  /**
   * Position of this hook among the hooks of the same event, for ordering in a UI.
   * @format int64
   */
  displayOrder: number;
  /**
   * How long the run took in milliseconds, once it has finished.
   * @format int64
   */
  durationMs: number | null;
  /** Output the hook produced so far. */
  entries: HookOutputEntry[];
  eventName: HookEventName;
  executionMode: HookExecutionMode;
  handlerType: HookHandlerType;
  /** Identifier of this run. */
  id: string;
  scope: HookScope;
  /**
   * Where the hook was configured; `unknown` when the server cannot tell.
   * @default "unknown"
   */
  source: HookSource;
  /** Path of the file that defines the hook. */
  sourcePath: LegacyAppPathString;
  /**
   * When the run started (a Unix timestamp).
   * @format int64
   */
  startedAt: number;
  status: HookRunStatus;
  /** A short human-readable note about the status, if the hook gave one. */
  statusMessage: string | null;
}

/** Sent when a hook starts running. */
export interface HookStartedNotification {
  run: HookRunSummary;
  /** The thread the hook runs for. */
  threadId: string;
  /** The turn the hook runs for, when it is turn-scoped. */
  turnId: string | null;
}

/** Sent when a hook run has finished, with its final summary. */
export interface HookCompletedNotification {
  run: HookRunSummary;
  /** The thread the hook ran for. */
  threadId: string;
  /** The turn the hook ran for, when it was turn-scoped. */
  turnId: string | null;
}
