/**
 * Method-map entries for accounts, sign-in, rate limits, remote control, user verification, feedback and the Windows sandbox.
 * The root maps in `../methods.ts` extend these interfaces; see there for the rules.
 * @module
 */
import type {
  AccountLoginCompletedNotification,
  AccountRateLimitsUpdatedNotification,
  AccountSessionsListParams,
  AccountSessionsResponse,
  AccountSessionsSwitchParams,
  AccountSessionsSwitchResponse,
  AccountUpdatedNotification,
  BedrockCheckGovCloudRequirementsParams,
  BedrockCheckGovCloudRequirementsResponse,
  BedrockDiscoverParams,
  BedrockDiscoverResponse,
  BedrockSetupParams,
  BedrockSetupResponse,
  CancelLoginAccountParams,
  CancelLoginAccountResponse,
  ChatgptAuthTokensRefreshParams,
  ChatgptAuthTokensRefreshResponse,
  ConsumeAccountRateLimitResetCreditParams,
  ConsumeAccountRateLimitResetCreditResponse,
  FeedbackSaveParams,
  FeedbackSaveResponse,
  FeedbackUploadParams,
  FeedbackUploadResponse,
  GatewayOAuthCancelResponse,
  GatewayOAuthChangedNotification,
  GatewayOAuthLoginParams,
  GatewayOAuthLoginResponse,
  GatewayOAuthReadParams,
  GatewayOAuthReadResponse,
  GcpSetupParams,
  GcpSetupResponse,
  GetAccountParams,
  GetAccountRateLimitsParams,
  GetAccountRateLimitsResponse,
  GetAccountResponse,
  GetAccountSecuritySetupResponse,
  GetAccountTokenUsageParams,
  GetAccountTokenUsageResponse,
  GetWorkspaceMessagesResponse,
  LoginAccountParams,
  LoginAccountResponse,
  LogoutAccountResponse,
  RemoteControlClientsListParams,
  RemoteControlClientsListResponse,
  RemoteControlClientsRevokeParams,
  RemoteControlClientsRevokeResponse,
  RemoteControlDisableParams,
  RemoteControlDisableResponse,
  RemoteControlEnableParams,
  RemoteControlEnableResponse,
  RemoteControlPairingStartParams,
  RemoteControlPairingStartResponse,
  RemoteControlPairingStatusParams,
  RemoteControlPairingStatusResponse,
  RemoteControlStatusChangedNotification,
  RemoteControlStatusReadResponse,
  SendAddCreditsNudgeEmailParams,
  SendAddCreditsNudgeEmailResponse,
  UserVerificationCancelParams,
  UserVerificationCancelResponse,
  UserVerificationDeleteParams,
  UserVerificationDeleteResponse,
  UserVerificationEnrollParams,
  UserVerificationEnrollResponse,
  UserVerificationStatusParams,
  UserVerificationStatusResponse,
  UserVerificationVerifyParams,
  UserVerificationVerifyResponse,
  WindowsSandboxReadinessResponse,
  WindowsSandboxSetupCompletedNotification,
  WindowsSandboxSetupStartParams,
  WindowsSandboxSetupStartResponse,
  WindowsWorldWritableWarningNotification,
} from '../v2/accounts/index.js';

/** Client requests for accounts, sign-in, rate limits, remote control, user verification, feedback and the Windows sandbox. */
export interface AccountsClientRequests {
  /** Reads the current account and whether the provider needs an OpenAI sign-in. */
  'account/read': { params: GetAccountParams; result: GetAccountResponse };
  /** Starts a sign-in (API key, ChatGPT in the browser or by device code, supplied tokens, Bedrock). */
  'account/login/start': { params: LoginAccountParams; result: LoginAccountResponse };
  /** Cancels a sign-in that is still running. */
  'account/login/cancel': { params: CancelLoginAccountParams; result: CancelLoginAccountResponse };
  /** Signs out. */
  'account/logout': { params: undefined; result: LogoutAccountResponse };
  /** Reads the account's rate limits, credits and reset credits. */
  'account/rateLimits/read': { params: GetAccountRateLimitsParams | undefined; result: GetAccountRateLimitsResponse };
  /** Redeems a reset credit to reset the account's usage windows. */
  'account/rateLimitResetCredit/consume': {
    params: ConsumeAccountRateLimitResetCreditParams;
    result: ConsumeAccountRateLimitResetCreditResponse;
  };
  /** Reads the account's token usage, or one thread's estimated usage. */
  'account/usage/read': { params: GetAccountTokenUsageParams | undefined; result: GetAccountTokenUsageResponse };
  /** Reads the messages the workspace's administrators published. */
  'account/workspaceMessages/read': { params: undefined; result: GetWorkspaceMessagesResponse };
  /** Asks the workspace owner, by e-mail, to add credits. */
  'account/sendAddCreditsNudgeEmail': {
    params: SendAddCreditsNudgeEmailParams;
    result: SendAddCreditsNudgeEmailResponse;
  };
  /** Reads the security-setup reminder for the account, if there is one. */
  'account/securitySetup/read': { params: undefined; result: GetAccountSecuritySetupResponse };
  /** Reads whether a provider behind an OAuth gateway has usable credentials. */
  'account/gatewayOAuth/read': { params: GatewayOAuthReadParams | undefined; result: GatewayOAuthReadResponse };
  /** Starts the gateway sign-in for a provider. */
  'account/gatewayOAuth/login': { params: GatewayOAuthLoginParams | undefined; result: GatewayOAuthLoginResponse };
  /** Cancels a running gateway sign-in. */
  'account/gatewayOAuth/cancel': { params: undefined; result: GatewayOAuthCancelResponse };
  /**
   * Lists the AWS credentials and profiles the server can see for Bedrock.
   * @experimental
   */
  'account/bedrock/discover': { params: BedrockDiscoverParams; result: BedrockDiscoverResponse };
  /**
   * Configures Amazon Bedrock from a profile or the environment.
   * @experimental
   */
  'account/bedrock/setup': { params: BedrockSetupParams; result: BedrockSetupResponse };
  /**
   * Checks whether a GovCloud Bedrock setup meets the managed requirements.
   * @experimental
   */
  'account/bedrock/checkGovCloudRequirements': {
    params: BedrockCheckGovCloudRequirementsParams;
    result: BedrockCheckGovCloudRequirementsResponse;
  };
  /**
   * Configures Google Cloud Vertex AI.
   * @experimental
   */
  'account/gcp/setup': { params: GcpSetupParams; result: GcpSetupResponse };
  /**
   * Lists the saved sign-ins.
   * @experimental
   */
  'accountSession/list': { params: AccountSessionsListParams; result: AccountSessionsResponse };
  /**
   * Switches to a saved sign-in and one of its workspaces.
   * @experimental
   */
  'accountSession/switch': { params: AccountSessionsSwitchParams; result: AccountSessionsSwitchResponse };
  /** Uploads a feedback report. */
  'feedback/upload': { params: FeedbackUploadParams; result: FeedbackUploadResponse };
  /** Saves a feedback report as a ZIP file on the server's host. */
  'feedback/save': { params: FeedbackSaveParams; result: FeedbackSaveResponse };
  /**
   * Turns remote control on.
   * @experimental
   */
  'remoteControl/enable': { params: RemoteControlEnableParams | undefined; result: RemoteControlEnableResponse };
  /**
   * Turns remote control off.
   * @experimental
   */
  'remoteControl/disable': { params: RemoteControlDisableParams | undefined; result: RemoteControlDisableResponse };
  /**
   * Reads the remote-control connection state.
   * @experimental
   */
  'remoteControl/status/read': { params: undefined; result: RemoteControlStatusReadResponse };
  /**
   * Starts pairing a new controller device.
   * @experimental
   */
  'remoteControl/pairing/start': { params: RemoteControlPairingStartParams; result: RemoteControlPairingStartResponse };
  /**
   * Checks whether a pairing code has been claimed.
   * @experimental
   */
  'remoteControl/pairing/status': {
    params: RemoteControlPairingStatusParams;
    result: RemoteControlPairingStatusResponse;
  };
  /**
   * Lists the devices paired with an environment.
   * @experimental
   */
  'remoteControl/client/list': { params: RemoteControlClientsListParams; result: RemoteControlClientsListResponse };
  /**
   * Unpairs a device.
   * @experimental
   */
  'remoteControl/client/revoke': {
    params: RemoteControlClientsRevokeParams;
    result: RemoteControlClientsRevokeResponse;
  };
  /**
   * Reports whether local user verification is ready.
   * @experimental
   */
  'userVerification/status': { params: UserVerificationStatusParams; result: UserVerificationStatusResponse };
  /**
   * Creates (or reuses) the local verification credential.
   * @experimental
   */
  'userVerification/enroll': { params: UserVerificationEnrollParams; result: UserVerificationEnrollResponse };
  /**
   * Deletes the local verification credential.
   * @experimental
   */
  'userVerification/delete': { params: UserVerificationDeleteParams; result: UserVerificationDeleteResponse };
  /**
   * Has the user approve a challenge and signs it with the local credential.
   * @experimental
   */
  'userVerification/verify': { params: UserVerificationVerifyParams; result: UserVerificationVerifyResponse };
  /**
   * Cancels a running user-verification request.
   * @experimental
   */
  'userVerification/cancel': { params: UserVerificationCancelParams; result: UserVerificationCancelResponse };
  /** Starts setting up the Windows sandbox; completion is notified. */
  'windowsSandbox/setupStart': { params: WindowsSandboxSetupStartParams; result: WindowsSandboxSetupStartResponse };
  /** Reads whether the Windows sandbox is ready to use. */
  'windowsSandbox/readiness': { params: undefined; result: WindowsSandboxReadinessResponse };
}

/** Server requests for accounts, sign-in, rate limits, remote control, user verification, feedback and the Windows sandbox. */
export interface AccountsServerRequests {
  /** Asks a host application that supplies ChatGPT tokens for fresh ones. */
  'account/chatgptAuthTokens/refresh': {
    params: ChatgptAuthTokensRefreshParams;
    result: ChatgptAuthTokensRefreshResponse;
  };
}

/** Server notifications for accounts, sign-in, rate limits, remote control, user verification, feedback and the Windows sandbox. */
export interface AccountsServerNotifications {
  /** The authentication mode or plan changed. */
  'account/updated': { params: AccountUpdatedNotification };
  /** A sign-in attempt ended. */
  'account/login/completed': { params: AccountLoginCompletedNotification };
  /** The account's rate limits or credits changed (sent after model calls). */
  'account/rateLimits/updated': { params: AccountRateLimitsUpdatedNotification };
  /** A provider's gateway sign-in state changed. */
  'account/gatewayOAuth/changed': { params: GatewayOAuthChangedNotification };
  /** The remote-control connection changed state. */
  'remoteControl/status/changed': { params: RemoteControlStatusChangedNotification };
  /** Windows sandbox setup finished. */
  'windowsSandbox/setupCompleted': { params: WindowsSandboxSetupCompletedNotification };
  /** Folders anyone can write to were found on Windows. */
  'windows/worldWritableWarning': { params: WindowsWorldWritableWarningNotification };
}
