/**
 * The signed-in account: what `account/read` reports, the `account/updated` notification,
 * sign-out, the security-setup reminder and workspace messages.
 * @module
 */
import type { PlanType } from './rateLimits.js';

/**
 * How the server authenticates against OpenAI-backed model providers.
 * `chatgptAuthTokens` means a host application hands tokens in and keeps them fresh;
 * the `bedrock*` values are credentials for Amazon Bedrock that Codex stores itself.
 */
export type AuthMode =
  | 'apikey'
  | 'chatgpt'
  | 'chatgptAuthTokens'
  | 'headers'
  | 'agentIdentity'
  | 'personalAccessToken'
  | 'bedrockApiKey'
  | 'bedrockAccessKeys';

/** Signed in with an OpenAI API key. */
interface ApiKeyAccount {
  type: 'apiKey';
}

/** Signed in with a ChatGPT account. */
interface ChatgptAccount {
  /**
   * The account's e-mail address, when known.
   * @schemaRequired
   */
  email: string | null;
  planType: PlanType;
  type: 'chatgpt';
  /** Name of the ChatGPT workspace that is selected, if the server knows it. */
  workspaceName: string | null;
}

/** Using Amazon Bedrock as the model provider. */
interface AmazonBedrockAccount {
  type: 'amazonBedrock';
  /**
   * Whether the Bedrock credentials are ones Codex stores and manages (absent means no).
   * @default false
   */
  usesCodexManagedCredentials: boolean;
}

/** Using Google Cloud Vertex AI, with credentials managed outside Codex. */
interface GcpAccount {
  type: 'gcp';
}

/** The account the server is signed in with, told apart by `type`. */
export type Account = ApiKeyAccount | ChatgptAccount | AmazonBedrockAccount | GcpAccount;

/** Params of `account/read`. */
export interface GetAccountParams {
  /** Ask the server to refresh its tokens before answering (ignored when a host app supplies the tokens). */
  refreshToken?: boolean;
}

/** Which backend region policy applies to the workspace; the values are the backend's own spelling. */
export type AccountRoutingOverride = 'NO_CONSTRAINT' | 'us' | 'us_cr';

/** Where requests for the selected ChatGPT workspace are routed. */
export interface WorkspaceRouting {
  accountRoutingOverride: AccountRoutingOverride;
  /** Origin (scheme and host) of the backend that serves this workspace. */
  backendOrigin: string;
  /** The workspace's ChatGPT account id. */
  chatgptAccountId: string;
}

/** Result of `account/read`. */
export interface GetAccountResponse {
  /** The current account, or `null` when nobody is signed in. */
  account: Account | null;
  /** Whether the configured model provider needs an OpenAI sign-in at all. */
  requiresOpenaiAuth: boolean;
  /** The ChatGPT user id behind this account, when there is one. */
  userId: string | null;
  /**
   * Backend routing of the selected workspace.
   * @experimental
   */
  workspaceRouting: WorkspaceRouting | null;
}

/** Params of `account/updated`: the authentication mode or plan changed. */
export interface AccountUpdatedNotification {
  /** The new authentication mode, or `null` when signed out. */
  authMode: AuthMode | null;
  /** The new plan, when known. */
  planType: PlanType | null;
  /** Why the account changed, when the server says; `null` for an ordinary sign-in, sign-out or plan change. */
  reason: AccountUpdateReason | null;
}

/**
 * Why `account/updated` was sent: `workspaceRoutingReady` once the server has finished finding out where the
 * signed-in account's requests are routed; `unknown` for a reason this client's protocol version does not name.
 */
export type AccountUpdateReason = 'workspaceRoutingReady' | 'unknown';

/** Result of `account/logout` (an empty object). */
export interface LogoutAccountResponse {}

/** The button of a security-setup reminder: a label and the page it opens. */
export interface AccountSecuritySetupAction {
  label: string;
  url: string;
}

/** A reminder to finish securing the account (for example turning on multi-factor sign-in). */
export interface AccountSecuritySetupNotice {
  /** The account the reminder was fetched for. */
  accountId: string;
  action: AccountSecuritySetupAction;
  /** Body text to show. */
  description: string;
  /** Heading to show. */
  title: string;
  /** The user the reminder was fetched for. */
  userId: string;
}

/** Result of `account/securitySetup/read`: a reminder, or none when the account needs nothing. */
export interface GetAccountSecuritySetupResponse {
  notice: AccountSecuritySetupNotice | null;
}

/** Kind of a workspace message; `unknown` covers kinds this version does not know. */
export type WorkspaceMessageType = 'headline' | 'announcement' | 'unknown';

/** A message the workspace's administrators publish to its members. */
export interface WorkspaceMessage {
  /**
   * When the message was archived, in seconds since the Unix epoch.
   * @format int64
   */
  archivedAt: number | null;
  /**
   * When the message was created, in seconds since the Unix epoch.
   * @format int64
   */
  createdAt: number | null;
  /** The text of the message. */
  messageBody: string;
  messageId: string;
  messageType: WorkspaceMessageType;
}

/** Result of `account/workspaceMessages/read`. */
export interface GetWorkspaceMessagesResponse {
  /** Whether the backend offers workspace messages to this client at all. */
  featureEnabled: boolean;
  /** The messages currently active. */
  messages: WorkspaceMessage[];
}
