/**
 * `getAuthStatus`: the pre-v2 way to ask how the server is signed in.
 * @module
 */
import type { AuthMode } from '../v2/accounts/account.js';

/** Params of the legacy `getAuthStatus` request. Both flags default to off when left out. */
export interface GetAuthStatusParams {
  /** Include the current bearer token (`authToken`) in the response. */
  includeToken?: boolean | null;
  /** Refresh the token first when it is about to expire. */
  refreshToken?: boolean | null;
}

/** Result of `getAuthStatus`. The server always sends all three members; each is `null` when unknown. */
export interface GetAuthStatusResponse {
  /** How the server is signed in, or `null` when it is not. */
  authMethod: AuthMode | null;
  /** The bearer token, only when `includeToken` was set and a token exists. */
  authToken: string | null;
  /** Whether the configured model provider needs an OpenAI sign-in at all. */
  requiresOpenaiAuth: boolean | null;
}
