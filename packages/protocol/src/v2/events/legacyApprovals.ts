/**
 * The older approval server requests (`applyPatchApproval`,
 * `execCommandApproval`) with their snake_case payload types. Like every
 * server request payload they are emitted at the schema root, not under `v2/`.
 * @module
 */
import type { NetworkPolicyAmendment } from '../approvals.js';
import type { ThreadId } from '../thread.js';

/** A new file with its full content. */
interface AddFileChange {
  content: string;
  type: 'add';
}

/** A deleted file with the content it had. */
interface DeleteFileChange {
  content: string;
  type: 'delete';
}

/** An edited (and possibly renamed) file. */
interface UpdateFileChange {
  /** The new path, when the file is also moved. */
  move_path: string | null;
  type: 'update';
  /** The edit as a unified diff. */
  unified_diff: string;
}

/** One file's change in a legacy patch approval, tagged by `type`. */
export type FileChange = AddFileChange | DeleteFileChange | UpdateFileChange;

/** A command that reads one file. */
interface ReadParsedCommand {
  /** The command text. */
  cmd: string;
  /** The file's name. */
  name: string;
  /** The file's path. */
  path: string;
  type: 'read';
}

/** A command that lists files. */
interface ListFilesParsedCommand {
  cmd: string;
  /** The directory listed, when known. */
  path: string | null;
  type: 'list_files';
}

/** A command that searches files. */
interface SearchParsedCommand {
  cmd: string;
  /** Where it searches, when known. */
  path: string | null;
  /** What it searches for, when known. */
  query: string | null;
  type: 'search';
}

/** A command the server could not classify. */
interface UnknownParsedCommand {
  cmd: string;
  type: 'unknown';
}

/** A best-effort reading of what a shell command does, for display; tagged by `type`. */
export type ParsedCommand = ReadParsedCommand | ListFilesParsedCommand | SearchParsedCommand | UnknownParsedCommand;

/**
 * Approve, and allow commands starting with the proposed prefix from now on.
 * @additionalProperties false
 */
interface ApprovedExecpolicyAmendmentReviewDecision {
  approved_execpolicy_amendment: {
    /** The command prefix the new rule allows. */
    proposed_execpolicy_amendment: string[];
  };
}

/**
 * Store a lasting network rule for the host in question.
 * @additionalProperties false
 */
interface NetworkPolicyAmendmentReviewDecision {
  network_policy_amendment: {
    network_policy_amendment: NetworkPolicyAmendment;
  };
}

/**
 * Refuse, with a reason passed on to the agent.
 * @additionalProperties false
 */
interface DeniedReviewDecision {
  denied: {
    /** Why the request was refused. */
    rejection: string;
  };
}

/** The client's answer to a legacy approval request. */
export type ReviewDecision =
  | 'approved'
  | ApprovedExecpolicyAmendmentReviewDecision
  | 'approved_for_session'
  | 'approved_mcp_policy_amendment'
  | NetworkPolicyAmendmentReviewDecision
  | DeniedReviewDecision
  | 'timed_out'
  | 'abort';

/** Params of the legacy `applyPatchApproval` server request: may this patch be applied? */
export interface ApplyPatchApprovalParams {
  /** Identifier of the patch call. */
  callId: string;
  /** The thread (called a conversation in this older API). */
  conversationId: ThreadId;
  /** The changes, keyed by file path. */
  fileChanges: { [path: string]: FileChange };
  /** A directory the agent wants write access to for the rest of the session, if any. */
  grantRoot: string | null;
  /** Why the agent wants to apply it, if it said. */
  reason: string | null;
}

/** Result of `applyPatchApproval`. */
export interface ApplyPatchApprovalResponse {
  decision: ReviewDecision;
}

/** Params of the legacy `execCommandApproval` server request: may this command run? */
export interface ExecCommandApprovalParams {
  /** Identifies this prompt when one call raises several. */
  approvalId: string | null;
  /** Identifier of the command call. */
  callId: string;
  /** The command as an argument vector. */
  command: string[];
  /** The thread (called a conversation in this older API). */
  conversationId: ThreadId;
  /** Directory the command would run in. */
  cwd: string;
  /** What the command does, as far as the server can tell. */
  parsedCmd: ParsedCommand[];
  /** Why the agent wants to run it, if it said. */
  reason: string | null;
}

/** Result of `execCommandApproval`. */
export interface ExecCommandApprovalResponse {
  decision: ReviewDecision;
}
