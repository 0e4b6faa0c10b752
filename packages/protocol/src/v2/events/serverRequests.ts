/**
 * Server requests about a running turn: questions for the user, calls to
 * client-side dynamic tools, permission grants, and the client's clock.
 * @module
 */
import type { JsonValue } from '../../jsonrpc.js';
import type { LegacyAppPathString } from '../common.js';
import type { DynamicToolCallOutputContentItem } from '../items.js';
import type { AdditionalFileSystemPermissions, AdditionalNetworkPermissions } from '../sandbox.js';

/** One choice offered for a question. */
export interface ToolRequestUserInputOption {
  /** A longer explanation of the choice. */
  description: string;
  /** The choice as shown to the user. */
  label: string;
}

/** One question the agent asks the user. */
export interface ToolRequestUserInputQuestion {
  /** A short heading for the question. */
  header: string;
  /** Identifier of the question; answers are keyed by it. */
  id: string;
  /**
   * Whether the user may also give a free-form answer besides the options.
   * @default false
   */
  isOther: boolean;
  /**
   * Whether the answer is sensitive and should be masked when typed.
   * @default false
   */
  isSecret: boolean;
  /** Choices to pick from; a free-text question when absent. */
  options: ToolRequestUserInputOption[] | null;
  /** The question itself. */
  question: string;
}

/** Params of the `item/tool/requestUserInput` server request: the agent asks the user one or more questions. */
export interface ToolRequestUserInputParams {
  /**
   * Deprecated: milliseconds after which the request resolves by itself. Use `isBlocking` instead.
   * @format uint64
   * @default null
   */
  autoResolutionMs: number | null;
  /** Whether the turn waits for the answer. */
  isBlocking: boolean;
  /** The item the questions belong to. */
  itemId: string;
  /** The questions to ask. */
  questions: ToolRequestUserInputQuestion[];
  threadId: string;
  turnId: string;
}

/** The user's answer to one question. */
export interface ToolRequestUserInputAnswer {
  /** The chosen labels and/or free text. */
  answers: string[];
}

/** Result of `item/tool/requestUserInput`: the answers, keyed by question id. */
export interface ToolRequestUserInputResponse {
  answers: { [questionId: string]: ToolRequestUserInputAnswer };
}

/** Params of the `item/tool/call` server request: the agent calls a tool the client registered. */
export interface DynamicToolCallParams {
  /** The arguments the model passed, as raw JSON. */
  arguments: JsonValue;
  /** Identifier of this call. */
  callId: string;
  /** The namespace the tool was registered under, if any. */
  namespace: string | null;
  threadId: string;
  /** The tool's name. */
  tool: string;
  turnId: string;
}

/** Result of `item/tool/call`: what the tool returned. */
export interface DynamicToolCallResponse {
  /** The tool's output, as text and image parts. */
  contentItems: DynamicToolCallOutputContentItem[];
  /** Whether the call succeeded. */
  success: boolean;
}

/**
 * Extra sandbox permissions the agent asks for. Unknown fields are refused.
 * @additionalProperties false
 */
export interface RequestPermissionProfile {
  /** Extra filesystem access, if any. */
  fileSystem: AdditionalFileSystemPermissions | null;
  /** Extra network access, if any. */
  network: AdditionalNetworkPermissions | null;
}

/** The permissions the user actually grants (possibly fewer than requested). */
export interface GrantedPermissionProfile {
  /** Filesystem access granted, if any. */
  fileSystem?: AdditionalFileSystemPermissions | null;
  /** Network access granted, if any. */
  network?: AdditionalNetworkPermissions | null;
}

/** How long granted permissions last: the current turn or the whole session. */
export type PermissionGrantScope = 'turn' | 'session';

/** Params of the `item/permissions/requestApproval` server request: the agent wants extra sandbox permissions. */
export interface PermissionsRequestApprovalParams {
  /** Working directory the permissions are relative to. */
  cwd: LegacyAppPathString;
  /**
   * The environment the request comes from.
   * @default null
   */
  environmentId: string | null;
  /** The item that asks. */
  itemId: string;
  /** The permissions asked for. */
  permissions: RequestPermissionProfile;
  /** Why the agent needs them, if it said. */
  reason: string | null;
  /**
   * When the request was made, in milliseconds since the Unix epoch.
   * @format int64
   */
  startedAtMs: number;
  threadId: string;
  turnId: string;
}

/** Result of `item/permissions/requestApproval`: what the user granted and for how long. */
export interface PermissionsRequestApprovalResponse {
  /** The permissions granted (empty to refuse). */
  permissions: GrantedPermissionProfile;
  /**
   * How long the grant lasts; `turn` when left out.
   * @default "turn"
   */
  scope?: PermissionGrantScope;
  /** Ask for strict review of every following command in this turn. */
  strictAutoReview?: boolean | null;
}
