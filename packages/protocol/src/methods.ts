/**
 * The four method maps. They are the only place where a method name is tied to
 * its payload types; every union, schema `oneOf` list and validator lookup in
 * the kit is derived from them.
 *
 * - Requests map a method to `{ params; result }`.
 * - Notifications map a method to `{ params }`.
 * - `params: undefined` means the method takes no params (the member is
 *   omitted or `null` on the wire); `params: T | undefined` means they are optional.
 * - A map entry tagged `@experimental` exists only for clients that set
 *   `capabilities.experimentalApi` during `initialize`.
 * - The root maps only compose: every entry lives in the area file it belongs
 *   to (`./methods/<area>.ts`), and each root map extends that file's
 *   interface. A method may be declared only once across all of them.
 * @module
 */
import type {
  ConnectionClientNotifications,
  ConnectionClientRequests,
  ConnectionServerNotifications,
  ConnectionServerRequests,
} from './methods/connection.js';
import type { ThreadsClientRequests, ThreadsServerNotifications, ThreadsServerRequests } from './methods/threads.js';
import type {
  ProjectsClientRequests,
  ProjectsServerNotifications,
  ProjectsServerRequests,
} from './methods/projects.js';
import type { EventsClientRequests, EventsServerNotifications, EventsServerRequests } from './methods/events.js';
import type {
  AccountsClientRequests,
  AccountsServerNotifications,
  AccountsServerRequests,
} from './methods/accounts.js';
import type { ConfigClientRequests, ConfigServerNotifications, ConfigServerRequests } from './methods/config.js';
import type { ModelsClientRequests, ModelsServerNotifications, ModelsServerRequests } from './methods/models.js';
import type { ExecClientRequests, ExecServerNotifications, ExecServerRequests } from './methods/exec.js';
import type {
  ExtensionsClientRequests,
  ExtensionsServerNotifications,
  ExtensionsServerRequests,
} from './methods/extensions.js';
import type { LegacyClientRequests } from './methods/legacy.js';

/** Requests a client sends to the server: method name → params and result. */
export interface ClientRequests
  extends
    ConnectionClientRequests,
    ThreadsClientRequests,
    ProjectsClientRequests,
    EventsClientRequests,
    AccountsClientRequests,
    ConfigClientRequests,
    ModelsClientRequests,
    ExecClientRequests,
    ExtensionsClientRequests,
    LegacyClientRequests {}

/** Notifications a client sends to the server: method name → params. */
export interface ClientNotifications extends ConnectionClientNotifications {}

/** Requests the server sends to the client, which must answer each one. */
export interface ServerRequests
  extends
    ConnectionServerRequests,
    ThreadsServerRequests,
    ProjectsServerRequests,
    EventsServerRequests,
    AccountsServerRequests,
    ConfigServerRequests,
    ModelsServerRequests,
    ExecServerRequests,
    ExtensionsServerRequests {}

/** Notifications the server sends to the client: method name → params. */
export interface ServerNotifications
  extends
    ConnectionServerNotifications,
    ThreadsServerNotifications,
    ProjectsServerNotifications,
    EventsServerNotifications,
    AccountsServerNotifications,
    ConfigServerNotifications,
    ModelsServerNotifications,
    ExecServerNotifications,
    ExtensionsServerNotifications {}
