/**
 * Method-map entries for the connection itself: the `initialize` handshake, the client's
 * attestation and warnings not tied to a thread.
 * The root maps in `../methods.ts` extend these interfaces; see there for the rules.
 * @module
 */
import type { InitializeParams, InitializeResponse } from '../v1/initialize.js';
import type { AttestationGenerateParams, AttestationGenerateResponse } from '../v2/attestation.js';
import type { WarningNotification } from '../v2/notifications.js';

/** Connection-level requests a client sends: the handshake. */
export interface ConnectionClientRequests {
  /** Opens the connection; must be the first request. */
  initialize: { params: InitializeParams; result: InitializeResponse };
}

/** Connection-level notifications a client sends. */
export interface ConnectionClientNotifications {
  /** Tells the server the client has processed the `initialize` response. */
  initialized: { params: undefined };
}

/** Connection-level requests the server sends to the client. */
export interface ConnectionServerRequests {
  /** Asks a client that opted in for a fresh attestation token. */
  'attestation/generate': { params: AttestationGenerateParams; result: AttestationGenerateResponse };
}

/** Connection-level notifications the server sends, not tied to a thread. */
export interface ConnectionServerNotifications {
  warning: { params: WarningNotification };
}
