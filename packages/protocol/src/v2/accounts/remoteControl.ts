/**
 * Remote control: letting another device drive this app-server.
 * @module
 */

/** State of the connection to the remote-control service. */
export type RemoteControlConnectionStatus = 'disabled' | 'connecting' | 'connected' | 'errored';

/** Params of `remoteControl/status/changed`: the remote-control connection changed state. */
export interface RemoteControlStatusChangedNotification {
  /** The environment the connection serves, if any. */
  environmentId: string | null;
  /** Identifier of this installation as the service knows it. */
  installationId: string;
  /** Name this server advertises to remote controllers. */
  serverName: string;
  status: RemoteControlConnectionStatus;
}

/** Params of `remoteControl/enable`. */
export interface RemoteControlEnableParams {
  /** Enable only for the life of this server, without saving the setting. */
  ephemeral?: boolean;
}

/**
 * The same params, also allowing `null` (the method's params are optional).
 * @experimental
 */
export type NullableRemoteControlEnableParams = RemoteControlEnableParams | null;

/**
 * Result of `remoteControl/enable`: the connection state afterwards.
 * @experimental
 */
export interface RemoteControlEnableResponse {
  environmentId: string | null;
  installationId: string;
  serverName: string;
  status: RemoteControlConnectionStatus;
}

/** Params of `remoteControl/disable`. */
export interface RemoteControlDisableParams {
  /** Disable only for the life of this server, without saving the setting. */
  ephemeral?: boolean;
}

/**
 * The same params, also allowing `null` (the method's params are optional).
 * @experimental
 */
export type NullableRemoteControlDisableParams = RemoteControlDisableParams | null;

/**
 * Result of `remoteControl/disable`: the connection state afterwards.
 * @experimental
 */
export interface RemoteControlDisableResponse {
  environmentId: string | null;
  installationId: string;
  serverName: string;
  status: RemoteControlConnectionStatus;
}

/**
 * Result of `remoteControl/status/read`: the current connection state.
 * @experimental
 */
export interface RemoteControlStatusReadResponse {
  environmentId: string | null;
  installationId: string;
  serverName: string;
  status: RemoteControlConnectionStatus;
}

/**
 * Params of `remoteControl/pairing/start`: begin pairing a new controller device.
 * @experimental
 */
export interface RemoteControlPairingStartParams {
  /** Also issue a code the user can type in by hand. */
  manualCode?: boolean;
}

/**
 * Result of `remoteControl/pairing/start`.
 * @experimental
 */
export interface RemoteControlPairingStartResponse {
  /** The environment the new device will control. */
  environmentId: string;
  /**
   * When the codes stop working.
   * @format int64
   */
  expiresAt: number;
  /** The hand-typed code, when one was asked for. */
  manualPairingCode: string | null;
  /** The code the other device scans or receives. */
  pairingCode: string;
}

/**
 * Params of `remoteControl/pairing/status`: has a pairing code been used yet?
 * @experimental
 */
export interface RemoteControlPairingStatusParams {
  manualPairingCode?: string | null;
  pairingCode?: string | null;
}

/**
 * Result of `remoteControl/pairing/status`.
 * @experimental
 */
export interface RemoteControlPairingStatusResponse {
  /** Whether a device has claimed the code. */
  claimed: boolean;
}

/**
 * Sort order of `remoteControl/client/list`.
 * @experimental
 */
export type RemoteControlClientsListOrder = 'asc' | 'desc';

/**
 * Params of `remoteControl/client/list`: the devices paired with an environment, a page at a time.
 * @experimental
 */
export interface RemoteControlClientsListParams {
  /** Where to continue, from the previous page's `nextCursor`. */
  cursor?: string | null;
  environmentId: string;
  /**
   * Page size.
   * @format uint32
   */
  limit?: number | null;
  order?: RemoteControlClientsListOrder | null;
}

/**
 * A device paired as a remote controller.
 * @experimental
 */
export interface RemoteControlClient {
  appVersion: string | null;
  clientId: string;
  deviceModel: string | null;
  deviceType: string | null;
  displayName: string | null;
  /**
   * When the device was last seen.
   * @format int64
   */
  lastSeenAt: number | null;
  osVersion: string | null;
  platform: string | null;
}

/**
 * Result of `remoteControl/client/list`.
 * @experimental
 */
export interface RemoteControlClientsListResponse {
  data: RemoteControlClient[];
  /** Cursor of the next page; `null` on the last one. */
  nextCursor: string | null;
}

/**
 * Params of `remoteControl/client/revoke`: unpair a device.
 * @experimental
 */
export interface RemoteControlClientsRevokeParams {
  clientId: string;
  environmentId: string;
}

/**
 * Result of `remoteControl/client/revoke` (an empty object).
 * @experimental
 */
export interface RemoteControlClientsRevokeResponse {}
