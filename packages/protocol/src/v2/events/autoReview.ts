/**
 * Automatic approval reviews: a reviewer model decides on an action instead
 * of asking the user, and the server reports what it looked at and decided.
 * @module
 */
import type { AbsolutePathBuf, LegacyAppPathString } from '../common.js';
import type { NetworkApprovalProtocol } from '../approvals.js';
import type { GuardianRiskLevel, GuardianUserAuthorization } from '../projects/index.js';
import type { RequestPermissionProfile } from './serverRequests.js';

/** Where an automatic review's decision came from (today only the reviewing agent). */
export type AutoReviewDecisionSource = 'agent';

/** The state of an automatic review: running, or how it ended. */
export type GuardianApprovalReviewStatus = 'inProgress' | 'approved' | 'denied' | 'timedOut' | 'aborted';

/** Which tool asked to run a reviewed command: the shell tool or unified exec. */
export type GuardianCommandSource = 'shell' | 'unifiedExec';

/** The reviewer's verdict so far. */
export interface GuardianApprovalReview {
  /** Why the reviewer decided as it did, when it said. */
  rationale: string | null;
  /** How risky the reviewer judged the action, once known. */
  riskLevel: GuardianRiskLevel | null;
  status: GuardianApprovalReviewStatus;
  /** Whether the user had authorised this kind of action, as the reviewer saw it. */
  userAuthorization: GuardianUserAuthorization | null;
}

/** A shell command line under review. */
interface CommandGuardianApprovalReviewAction {
  /** The command line. */
  command: string;
  /** Directory it would run in. */
  cwd: LegacyAppPathString;
  source: GuardianCommandSource;
  type: 'command';
}

/** A program started directly with an argument vector. */
interface ExecveGuardianApprovalReviewAction {
  /** The arguments, program name included. */
  argv: string[];
  /** Directory it would run in. */
  cwd: AbsolutePathBuf;
  /** The program to run. */
  program: string;
  source: GuardianCommandSource;
  type: 'execve';
}

/** Input for a process that is already running. */
interface WriteStdinGuardianApprovalReviewAction {
  /** The approval prompt this review stands in for. */
  approvalId: string;
  /** Directory the process runs in. */
  cwd: LegacyAppPathString;
  /** The process that would receive the input. */
  processId: string;
  /** The text to write. */
  stdin: string;
  type: 'writeStdin';
}

/** A patch that edits files. */
interface ApplyPatchGuardianApprovalReviewAction {
  /** Directory the patch is applied from. */
  cwd: LegacyAppPathString;
  /** The files it touches. */
  files: LegacyAppPathString[];
  type: 'applyPatch';
}

/** A connection to a network host. */
interface NetworkAccessGuardianApprovalReviewAction {
  /** The host to reach. */
  host: string;
  /**
   * The port to reach.
   * @format uint16
   */
  port: number;
  protocol: NetworkApprovalProtocol;
  /** The full target as requested (for example a URL). */
  target: string;
  type: 'networkAccess';
}

/** A call to an MCP tool. */
interface McpToolCallGuardianApprovalReviewAction {
  /** The app connector behind the tool, if any. */
  connectorId: string | null;
  /** Display name of that connector. */
  connectorName: string | null;
  /** The MCP server providing the tool. */
  server: string;
  /** The tool's name. */
  toolName: string;
  /** The tool's display title, if it has one. */
  toolTitle: string | null;
  type: 'mcpToolCall';
}

/** A request for extra sandbox permissions. */
interface RequestPermissionsGuardianApprovalReviewAction {
  permissions: RequestPermissionProfile;
  /** Why the agent wants them. */
  reason: string | null;
  type: 'requestPermissions';
}

/** The action an automatic review is about, tagged by `type`. */
export type GuardianApprovalReviewAction =
  | CommandGuardianApprovalReviewAction
  | ExecveGuardianApprovalReviewAction
  | WriteStdinGuardianApprovalReviewAction
  | ApplyPatchGuardianApprovalReviewAction
  | NetworkAccessGuardianApprovalReviewAction
  | McpToolCallGuardianApprovalReviewAction
  | RequestPermissionsGuardianApprovalReviewAction;

/** What the started and completed notifications of one automatic review both carry. */
interface GuardianApprovalReviewBody {
  action: GuardianApprovalReviewAction;
  review: GuardianApprovalReview;
  /** Identifier of this review. */
  reviewId: string;
  /**
   * When the review started, in milliseconds since the Unix epoch.
   * @format int64
   */
  startedAtMs: number;
  /** The item whose action is reviewed, when there is one. */
  targetItemId: string | null;
  threadId: string;
  turnId: string;
}

/** Sent when an automatic review of an action starts. */
export interface ItemGuardianApprovalReviewStartedNotification extends GuardianApprovalReviewBody {}

/** Sent when an automatic review has reached its decision. */
export interface ItemGuardianApprovalReviewCompletedNotification extends GuardianApprovalReviewBody {
  /**
   * When the review ended, in milliseconds since the Unix epoch.
   * @format int64
   */
  completedAtMs: number;
  decisionSource: AutoReviewDecisionSource;
}

/** Sent when the turn switches to reviewing every following command strictly. */
export interface StrictReviewRequiredNotification {
  /**
   * When strict review started, in milliseconds since the Unix epoch.
   * @format int64
   */
  startedAtMs: number;
  threadId: string;
  turnId: string;
}

/** A warning from the automatic reviewer, shown to the user. */
export interface GuardianWarningNotification {
  /** The warning text. */
  message: string;
  threadId: string;
}
