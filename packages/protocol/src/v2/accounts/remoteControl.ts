/**
 * Remote control: letting another device drive this app-server.
 * @module
 */

/** State of the connection to the remote-control service. */
export type RemoteControlConnectionStatus = 'disabled' | 'connecting' | 'connected' | 'errored';

/** Params of `remoteControl/status/changed`: the remote-control connection changed state. */
export interface RemoteControlStatusChangedNotification {
  /** The environment the connection serves, if any. */
  environmentId?: string | null;
  /** Identifier of this installation as the service knows it. */
  installationId: string;
  /** Name this server advertises to remote controllers. */
  serverName: string;
  status: RemoteControlConnectionStatus;
}
