/**
 * Method-map entries for realtime sessions, item-level notifications, approvals and other server requests, warnings.
 * The root maps in `../methods.ts` extend these interfaces; see there for the rules.
 * @module
 */

/** Client requests for realtime sessions, item-level notifications, approvals and other server requests, warnings. */
export interface EventsClientRequests {}

/** Server requests for realtime sessions, item-level notifications, approvals and other server requests, warnings. */
export interface EventsServerRequests {}

/** Server notifications for realtime sessions, item-level notifications, approvals and other server requests, warnings. */
export interface EventsServerNotifications {}
