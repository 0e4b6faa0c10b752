/**
 * Gateway OAuth: signing in to a configured model provider that sits behind an OAuth gateway.
 * @module
 */

/** Params of `account/gatewayOAuth/read`: check a provider's credentials without starting a sign-in. */
export interface GatewayOAuthReadParams {
  /** The provider to check; the current one when absent. */
  modelProvider?: string | null;
}

/** The same params, also allowing `null` (the method's params are optional). */
export type NullableGatewayOAuthReadParams = GatewayOAuthReadParams | null;

/** Where a provider's gateway sign-in stands. */
export type GatewayOAuthStatus = 'notReady' | 'started' | 'succeeded' | 'failed';

/** Result of `account/gatewayOAuth/read`; it never carries credentials. */
export interface GatewayOAuthReadResponse {
  /** The last sign-in error, if any. */
  error: string | null;
  providerId: string;
  /** Display name of the provider. */
  providerName: string;
  /** Whether the provider signs in through the gateway (true even when already signed in). */
  required: boolean;
  /** The sign-in state, or `null` when the provider does not use gateway OAuth. */
  status: GatewayOAuthStatus | null;
  /** Whether the administrator set up device-code sign-in (absent means no). */
  supportsDeviceAuth?: boolean;
}

/** Params of `account/gatewayOAuth/login`: sign in to a provider without switching to it. */
export interface GatewayOAuthLoginParams {
  /** Use device-code sign-in, when the provider offers it. */
  deviceAuth?: boolean;
  /** The provider to sign in to; the current one when absent. */
  modelProvider?: string | null;
}

/** The same params, also allowing `null` (the method's params are optional). */
export type NullableGatewayOAuthLoginParams = GatewayOAuthLoginParams | null;

/** What to show the user for a device-code sign-in. */
export interface GatewayOAuthPrompt {
  /** Identifies the sign-in attempt. */
  loginId: string;
  /** The one-time code the user enters. */
  userCode: string;
  /** The page where the user enters the code. */
  verificationUrl: string;
}

/** Result of `account/gatewayOAuth/login`. */
export interface GatewayOAuthLoginResponse {
  /** Present for a device-code sign-in. */
  prompt: GatewayOAuthPrompt | null;
}

/** Result of `account/gatewayOAuth/cancel` (an empty object). */
export interface GatewayOAuthCancelResponse {}

/** Params of `account/gatewayOAuth/changed`: a provider's gateway sign-in state changed. */
export interface GatewayOAuthChangedNotification {
  /** The page to open; sent only to the connection that started the sign-in. */
  authUrl: string | null;
  /** What went wrong, when the sign-in failed. */
  error: string | null;
  /** The device-code attempt that finished, if it was one. */
  loginId: string | null;
  providerId: string;
  status: GatewayOAuthStatus;
}
