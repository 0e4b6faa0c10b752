/**
 * Types derived from the method maps. Nothing here names a method: add a
 * method to a map in `methods.ts` and it appears in every union below.
 * @module
 */
import type { RequestId } from './jsonrpc.js';
import type { ClientNotifications, ClientRequests, ServerNotifications, ServerRequests } from './methods.js';

/** A method a client may call. */
export type ClientRequestMethod = Extract<keyof ClientRequests, string>;
/** A request the server may send to the client. */
export type ServerRequestMethod = Extract<keyof ServerRequests, string>;
/** A notification the server may send. */
export type ServerNotificationMethod = Extract<keyof ServerNotifications, string>;
/** A notification the client may send. */
export type ClientNotificationMethod = Extract<keyof ClientNotifications, string>;

/** Params of client request `M`. */
export type ClientRequestParams<M extends ClientRequestMethod> = ClientRequests[M]['params'];
/** Result of client request `M`. */
export type ClientRequestResult<M extends ClientRequestMethod> = ClientRequests[M]['result'];
/** Params of server request `M`. */
export type ServerRequestParams<M extends ServerRequestMethod> = ServerRequests[M]['params'];
/** Result the client returns for server request `M`. */
export type ServerRequestResult<M extends ServerRequestMethod> = ServerRequests[M]['result'];
/** Params of server notification `M`. */
export type ServerNotificationParams<M extends ServerNotificationMethod> = ServerNotifications[M]['params'];
/** Params of client notification `M`. */
export type ClientNotificationParams<M extends ClientNotificationMethod> = ClientNotifications[M]['params'];

/** Makes `params` optional on the wire when the map says it may be absent. */
type WithParams<P> = undefined extends P ? { params?: Exclude<P, undefined> | null } : { params: P };

/** Any request a client may send, discriminated by `method`. */
export type ClientRequest = {
  [M in ClientRequestMethod]: { id: RequestId; method: M } & WithParams<ClientRequestParams<M>>;
}[ClientRequestMethod];

/** Any request the server may send, discriminated by `method`. */
export type ServerRequest = {
  [M in ServerRequestMethod]: { id: RequestId; method: M } & WithParams<ServerRequestParams<M>>;
}[ServerRequestMethod];

/**
 * Members every server notification carries beside `method` and `params`,
 * whatever its method. The schema generator writes them as `properties` on
 * the `ServerNotification` union itself.
 */
export interface ServerNotificationFields {
  /**
   * When the server sent the notification, in milliseconds since the Unix
   * epoch. Optional: older servers may leave it out.
   * @format int64
   */
  emittedAtMs?: number;
}

/** Any notification the server may send, discriminated by `method`. */
// Every variant also carries the union-level members of ServerNotificationFields.
export type ServerNotification = ServerNotificationFields &
  {
    [M in ServerNotificationMethod]: { method: M } & WithParams<ServerNotificationParams<M>>;
  }[ServerNotificationMethod];

/** Any notification a client may send, discriminated by `method`. */
export type ClientNotification = {
  [M in ClientNotificationMethod]: { method: M } & WithParams<ClientNotificationParams<M>>;
}[ClientNotificationMethod];
