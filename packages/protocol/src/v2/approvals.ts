/**
 * Approval requests the server sends to the client (run this command? apply
 * these edits?) and the decisions the client sends back.
 * @module
 */
import type { LegacyAppPathString } from './common.js';
import type { CommandAction } from './items.js';
import type { AdditionalPermissionProfile } from './sandbox.js';

/**
 * What a command approval prompt is about: running a new command
 * (`command`), sending input to a terminal that is already running
 * (`writeStdin`), or a managed checkpoint that needs a fresh decision from a
 * person (`humanCommand`). `humanCommand` prompts accept only `accept`,
 * `decline` and `cancel`, are sent only to clients that declared the
 * `requiredHumanApproval` capability, and do not by themselves start a
 * command execution item.
 */
export type CommandExecutionApprovalKind = 'command' | 'writeStdin' | 'humanCommand';

/** The network protocol a managed-network approval prompt is about. */
export type NetworkApprovalProtocol = 'http' | 'https' | 'socks5Tcp' | 'socks5Udp';

/** Details of a prompt that asks whether a command may reach a network host. */
export interface NetworkApprovalContext {
  /** The host the command is trying to reach. */
  host: string;
  protocol: NetworkApprovalProtocol;
}

/** Whether a network policy rule lets traffic to its host through or blocks it. */
export type NetworkPolicyRuleAction = 'allow' | 'deny';

/** A lasting network rule for one host, proposed by the server or chosen by the user. */
export interface NetworkPolicyAmendment {
  action: NetworkPolicyRuleAction;
  /** The host the rule applies to. */
  host: string;
}

/**
 * The client's answer to a command approval prompt: a plain string for the
 * simple answers, or a single-key object when the answer carries a rule to
 * remember.
 */
export type CommandExecutionApprovalDecision =
  /** Run the command this once. */
  | 'accept'
  /** Run it, and skip the prompt for matching commands for the rest of the session. */
  | 'acceptForSession'
  | AcceptWithExecpolicyAmendmentDecision
  | ApplyNetworkPolicyAmendmentDecision
  /** Refuse the command; the agent carries on with the turn. */
  | 'decline'
  /** Refuse the command and interrupt the turn straight away. */
  | 'cancel';

/**
 * Run the command, and add the proposed exec-policy rule so matching commands
 * run without asking from now on.
 * @additionalProperties false
 */
interface AcceptWithExecpolicyAmendmentDecision {
  acceptWithExecpolicyAmendment: {
    /** The command prefix the new rule allows. */
    execpolicy_amendment: string[];
  };
}

/**
 * Store a lasting allow or deny rule for the host named in the prompt.
 * @additionalProperties false
 */
interface ApplyNetworkPolicyAmendmentDecision {
  applyNetworkPolicyAmendment: {
    network_policy_amendment: NetworkPolicyAmendment;
  };
}

/**
 * Params of the `item/commandExecution/requestApproval` server request: the
 * agent wants to run a command (or write to a running one) and needs the
 * client's consent.
 */
export interface CommandExecutionRequestApprovalParams {
  /**
   * Extra permissions the command would need beyond the current sandbox.
   * @experimental
   */
  additionalPermissions?: AdditionalPermissionProfile | null;
  /**
   * Identifies this particular prompt. `null` for ordinary command approvals,
   * where `itemId` is enough. Set when one item can raise several prompts
   * (for example each subcommand of a shell script, or terminal input), so
   * the answer reaches the right one.
   */
  approvalId?: string | null;
  /**
   * The decisions the client may offer for this prompt, in display order.
   * @experimental
   */
  availableDecisions?: CommandExecutionApprovalDecision[] | null;
  /** The command line to be run. */
  command?: string | null;
  /** A best-effort breakdown of the command into actions, for display. */
  commandActions?: CommandAction[] | null;
  /** Directory the command would run in. */
  cwd?: LegacyAppPathString | null;
  /**
   * The environment the command would run in.
   * @default null
   */
  environmentId: string | null;
  /** The command execution item this prompt belongs to. */
  itemId: string;
  /**
   * What the prompt is about. Older servers leave it out, which means `command`.
   * @default "command"
   */
  kind: CommandExecutionApprovalKind;
  /** Present when the prompt is about reaching a network host. */
  networkApprovalContext?: NetworkApprovalContext | null;
  /**
   * A command prefix the user could allow permanently so that similar
   * commands stop prompting.
   */
  proposedExecpolicyAmendment?: string[] | null;
  /** Host rules the user could store so that future requests stop prompting. */
  proposedNetworkPolicyAmendments?: NetworkPolicyAmendment[] | null;
  /** Why the agent is asking, when it says (for example, that it needs the network). */
  reason?: string | null;
  /**
   * When the prompt was raised, in milliseconds since the Unix epoch.
   * @format int64
   */
  startedAtMs: number;
  threadId: string;
  turnId: string;
}

/** The client's answer to `item/commandExecution/requestApproval`. */
export interface CommandExecutionRequestApprovalResponse {
  decision: CommandExecutionApprovalDecision;
}

/** The client's answer to a file change approval prompt. */
export type FileChangeApprovalDecision =
  /** Apply the edits. */
  | 'accept'
  /** Apply them, and stop asking about further edits to the same files this session. */
  | 'acceptForSession'
  /** Refuse the edits; the agent carries on with the turn. */
  | 'decline'
  /** Refuse the edits and interrupt the turn straight away. */
  | 'cancel';

/**
 * Params of the `item/fileChange/requestApproval` server request: the agent
 * wants to apply the edits of a file change item.
 */
export interface FileChangeRequestApprovalParams {
  /**
   * When set, the agent is asking for write access under this directory for
   * the rest of the session. Unstable: the server may not act on it.
   */
  grantRoot?: string | null;
  /** The file change item this prompt belongs to. */
  itemId: string;
  /** Why the agent is asking, when it says (for example, that it needs to write outside the workspace). */
  reason?: string | null;
  /**
   * When the prompt was raised, in milliseconds since the Unix epoch.
   * @format int64
   */
  startedAtMs: number;
  threadId: string;
  turnId: string;
}

/** The client's answer to `item/fileChange/requestApproval`. */
export interface FileChangeRequestApprovalResponse {
  decision: FileChangeApprovalDecision;
}
