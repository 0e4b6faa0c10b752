/**
 * A thread's effective settings, changing them between turns, and changing the settings of a running turn.
 * @module
 */
import type { AbsolutePathBuf } from '../common.js';
import type { ReasoningEffort, ReasoningSummary, Personality } from '../model.js';
import type { ActivePermissionProfile, ApprovalsReviewer, AskForApproval, SandboxPolicy } from '../sandbox.js';
import type { CollaborationMode, MultiAgentMode, TurnEnvironmentParams } from '../turn.js';
import type { ThreadEnvironment } from '../thread.js';

/** The settings the next turn of a thread will run with. */
export interface ThreadSettings {
  model: string;
  /** The provider that serves `model`. */
  modelProvider: string;
  /** Service tier requested from the provider, if any. */
  serviceTier: string | null;
  effort: ReasoningEffort | null;
  summary: ReasoningSummary | null;
  personality: Personality | null;
  /** Working directory of the thread. */
  cwd: AbsolutePathBuf;
  approvalPolicy: AskForApproval;
  approvalsReviewer: ApprovalsReviewer;
  sandboxPolicy: SandboxPolicy;
  /** The named permission profile in force, when one is. */
  activePermissionProfile: ActivePermissionProfile | null;
  collaborationMode: CollaborationMode;
  /**
   * Plugins switched off for this thread (none when absent).
   * @default []
   */
  disabledPluginIds: string[];
  /**
   * The environments the thread runs in; the default one when absent or `null`.
   * @experimental
   */
  environments: ThreadEnvironment[] | null;
  /**
   * How eagerly the agent delegates to sub-agents (`explicitRequestOnly` when absent).
   * @experimental
   * @default "explicitRequestOnly"
   */
  multiAgentMode: MultiAgentMode;
}

/**
 * Params of `thread/settings/update`: change the given settings for the thread's later turns; omitted ones
 * stay as they are.
 * @experimental
 */
export interface ThreadSettingsUpdateParams {
  threadId: string;
  model?: string | null;
  serviceTier?: string | null;
  effort?: ReasoningEffort | null;
  summary?: ReasoningSummary | null;
  personality?: Personality | null;
  /** New working directory. */
  cwd?: string | null;
  approvalPolicy?: AskForApproval | null;
  approvalsReviewer?: ApprovalsReviewer | null;
  sandboxPolicy?: SandboxPolicy | null;
  /** Name of a permission profile to switch to. */
  permissions?: string | null;
  collaborationMode?: CollaborationMode | null;
  multiAgentMode?: MultiAgentMode | null;
  /** Plugins to switch off for the thread (replaces the current list). */
  disabledPluginIds?: string[] | null;
  /** Environments to run later turns in. */
  environments?: TurnEnvironmentParams[] | null;
}

/**
 * Result of `thread/settings/update` (carries nothing; `thread/settings/updated` reports the outcome).
 * @experimental
 */
export interface ThreadSettingsUpdateResponse {}

/** Params of `thread/settings/updated`: a thread's settings changed. */
export interface ThreadSettingsUpdatedNotification {
  threadId: string;
  /** The settings as they are now. */
  threadSettings: ThreadSettings;
}

/**
 * Params of `turn/settings/update`: change settings of a turn that is running; omitted ones stay as they are.
 * @experimental
 * @additionalProperties false
 */
export interface TurnSettingsUpdateParams {
  threadId: string;
  /** The running turn to change. */
  turnId: string;
  model?: string | null;
  serviceTier?: string | null;
  effort?: ReasoningEffort | null;
  summary?: ReasoningSummary | null;
  approvalsReviewer?: ApprovalsReviewer | null;
  environments?: TurnEnvironmentParams[] | null;
}

/**
 * Whether a turn settings change took effect: `applied`, or `targetUnavailable` when the turn is no longer
 * running.
 * @experimental
 */
export type TurnSettingsUpdateStatus = 'applied' | 'targetUnavailable';

/**
 * Result of `turn/settings/update`.
 * @experimental
 */
export interface TurnSettingsUpdateResponse {
  status: TurnSettingsUpdateStatus;
}

/** Params of `thread/environment/connected` and `thread/environment/disconnected`. */
export interface EnvironmentConnectionNotification {
  threadId: string;
  /** The environment whose connection changed. */
  environmentId: string;
}
