/**
 * Signing in: `account/login/start` and `account/login/cancel`, the completion notification,
 * and the server request that asks a host application for fresh ChatGPT tokens.
 * @module
 */

/** Which product's branding the ChatGPT sign-in pages show. */
export type LoginAppBrand = 'codex' | 'chatgpt';

/** Sign in with an OpenAI API key. */
interface ApiKeyLoginAccountParams {
  apiKey: string;
  type: 'apiKey';
}

/** Sign in with ChatGPT through the browser. */
interface ChatgptLoginAccountParams {
  /** Branding for the sign-in pages; the server picks when absent. */
  appBrand?: LoginAppBrand | null;
  /** Use the shorter Codex sign-in flow. */
  codexStreamlinedLogin?: boolean;
  type: 'chatgpt';
  /** Finish on a hosted success page rather than the local one. */
  useHostedLoginSuccessPage?: boolean;
}

/** Sign in with ChatGPT using a device code typed in on another device. */
interface ChatgptDeviceCodeLoginAccountParams {
  type: 'chatgptDeviceCode';
}

/**
 * Hand the server ChatGPT tokens that the host application obtained and keeps fresh
 * (meant for OpenAI's own hosts; the server keeps them in memory only).
 */
interface ChatgptAuthTokensLoginAccountParams {
  /** The access token (a JWT) used for backend calls. */
  accessToken: string;
  /** The ChatGPT workspace (account) id the token belongs to. */
  chatgptAccountId: string;
  /** The plan, if the host knows it; otherwise the server reads it from the token. */
  chatgptPlanType?: string | null;
  type: 'chatgptAuthTokens';
}

/** Sign in to Amazon Bedrock with a Bedrock API key (not yet a settled feature upstream). */
interface AmazonBedrockLoginAccountParams {
  apiKey: string;
  region: string;
  type: 'amazonBedrock';
}

/** Sign in to Amazon Bedrock with AWS access keys (not yet a settled feature upstream). */
interface AmazonBedrockAccessKeysLoginAccountParams {
  accessKeyId: string;
  region: string;
  secretAccessKey: string;
  /** Session token for temporary credentials. */
  sessionToken?: string | null;
  type: 'amazonBedrockAccessKeys';
}

/** Params of `account/login/start`: how to sign in, told apart by `type`. */
export type LoginAccountParams =
  | ApiKeyLoginAccountParams
  | ChatgptLoginAccountParams
  | ChatgptDeviceCodeLoginAccountParams
  | ChatgptAuthTokensLoginAccountParams
  | AmazonBedrockLoginAccountParams
  | AmazonBedrockAccessKeysLoginAccountParams;

/** The API key was accepted; the sign-in is done. */
interface ApiKeyLoginAccountResponse {
  type: 'apiKey';
}

/** A browser sign-in started: open `authUrl`, then wait for `account/login/completed`. */
interface ChatgptLoginAccountResponse {
  /** The page to open in a browser. */
  authUrl: string;
  /** Identifies this attempt in `account/login/cancel` and `account/login/completed`. */
  loginId: string;
  type: 'chatgpt';
}

/** A device-code sign-in started: show `userCode` and send the user to `verificationUrl`. */
interface ChatgptDeviceCodeLoginAccountResponse {
  loginId: string;
  type: 'chatgptDeviceCode';
  /** The one-time code the user enters. */
  userCode: string;
  /** The page where the user enters the code. */
  verificationUrl: string;
}

/** The supplied tokens were accepted. */
interface ChatgptAuthTokensLoginAccountResponse {
  type: 'chatgptAuthTokens';
}

/** The Bedrock credentials were stored. */
interface AmazonBedrockLoginAccountResponse {
  type: 'amazonBedrock';
}

/** Result of `account/login/start`, told apart by `type`. */
export type LoginAccountResponse =
  | ApiKeyLoginAccountResponse
  | ChatgptLoginAccountResponse
  | ChatgptDeviceCodeLoginAccountResponse
  | ChatgptAuthTokensLoginAccountResponse
  | AmazonBedrockLoginAccountResponse;

/** Params of `account/login/cancel`. */
export interface CancelLoginAccountParams {
  /** The `loginId` returned by `account/login/start`. */
  loginId: string;
}

/** Outcome of a cancellation: stopped, or no such sign-in was running. */
export type CancelLoginAccountStatus = 'canceled' | 'notFound';

/** Result of `account/login/cancel`. */
export interface CancelLoginAccountResponse {
  status: CancelLoginAccountStatus;
}

/** Which desktop onboarding flow a sign-in came from. */
export type DesktopOnboardingEntrypoint = 'life_sciences';

/** Params of `account/login/completed`: a sign-in attempt ended. */
export interface AccountLoginCompletedNotification {
  /** What went wrong, when it failed. */
  error: string | null;
  /** The attempt that ended, when it had an id. */
  loginId: string | null;
  /** The onboarding flow the sign-in started from, if any. */
  onboardingEntrypoint: DesktopOnboardingEntrypoint | null;
  /** Whether the user is now signed in. */
  success: boolean;
}

/** Why the server wants new ChatGPT tokens: a backend call came back `401 Unauthorized`. */
export type ChatgptAuthTokensRefreshReason = 'unauthorized';

/** Params of the server request `account/chatgptAuthTokens/refresh`. */
export interface ChatgptAuthTokensRefreshParams {
  /**
   * The workspace (account) id the server used before, as a hint for hosts that juggle several;
   * `null` when the old tokens did not name one.
   */
  previousAccountId?: string | null;
  reason: ChatgptAuthTokensRefreshReason;
}

/** The host application's answer to `account/chatgptAuthTokens/refresh`: fresh tokens. */
export interface ChatgptAuthTokensRefreshResponse {
  /** The new access token. */
  accessToken: string;
  /** The workspace (account) id it belongs to. */
  chatgptAccountId: string;
  /** The plan, if the host knows it. */
  chatgptPlanType?: string | null;
}
