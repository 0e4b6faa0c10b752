/**
 * Saved sign-ins (account sessions) and switching between them and their workspaces.
 * @module
 */

/** Whether a workspace is the user's personal one or a shared one. */
export type AccountSessionWorkspaceKind = 'personal' | 'workspace';

/** A workspace reachable through one saved sign-in. */
export interface AccountSessionWorkspace {
  /** The workspace's account id (what `accountSession/switch` takes as `accountId`). */
  accountId: string;
  imageUrl: string | null;
  kind: AccountSessionWorkspaceKind | null;
  name: string | null;
}

/** One saved sign-in. */
export interface AccountSession {
  displayName: string | null;
  email: string | null;
  imageUrl: string | null;
  /** Whether this is the sign-in in use. */
  isActive: boolean;
  /**
   * When the sign-in was last used.
   * @format int64
   */
  lastUsedAt: number;
  /** The workspace chosen within this sign-in, if any. */
  selectedWorkspaceAccountId: string | null;
  /** Opaque id of the saved sign-in. */
  sessionId: string;
  userId: string | null;
  workspaces: AccountSessionWorkspace[];
}

/**
 * Params of `accountSession/list`.
 * @experimental
 */
export interface AccountSessionsListParams {
  /** Fetch fresh workspace names and images from the backend. */
  refreshWorkspaceMetadata?: boolean;
}

/**
 * Result of `accountSession/list`: the saved sign-ins and which one is active.
 * @experimental
 */
export interface AccountSessionsResponse {
  activeSessionId: string | null;
  sessions: AccountSession[];
}

/**
 * Params of `accountSession/switch`: make a saved sign-in and one of its workspaces current.
 * @experimental
 */
export interface AccountSessionsSwitchParams {
  /** The workspace to select within that sign-in (a workspace id, not a user id). */
  accountId: string;
  /** Let the server open a browser sign-in when the workspace requires single sign-on. */
  allowBrowserLogin?: boolean;
  /** The `sessionId` from `accountSession/list`. */
  sessionId: string;
}

/** The switch needs a browser sign-in first: open `authUrl`, then wait for `account/login/completed`. */
interface AccountSessionsSwitchBrowserLogin {
  /** @schemaName auth_url */
  authUrl: string;
  /** @schemaName login_id */
  loginId: string;
}

/**
 * Result of `accountSession/switch`: the updated list, or a browser sign-in to finish first.
 * (Upstream's JSON Schema spells the second form's keys in snake_case; the server sends camelCase.)
 * @experimental
 */
export type AccountSessionsSwitchResponse = AccountSessionsResponse | AccountSessionsSwitchBrowserLogin;
