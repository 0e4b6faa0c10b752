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
 * - Each root map extends one interface per protocol area (`./methods/*.ts`);
 *   a method may be declared only once across all of them.
 * @module
 */
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
import type { InitializeParams, InitializeResponse } from './v1/initialize.js';
import type { ThreadStartParams, ThreadStartResponse } from './v2/threads/lifecycle.js';
import type { TurnInterruptParams, TurnInterruptResponse, TurnStartParams, TurnStartResponse } from './v2/turn.js';
import type {
  CommandExecutionRequestApprovalParams,
  CommandExecutionRequestApprovalResponse,
  FileChangeRequestApprovalParams,
  FileChangeRequestApprovalResponse,
} from './v2/approvals.js';
import type { AttestationGenerateParams, AttestationGenerateResponse } from './v2/attestation.js';
import type {
  AgentMessageDeltaNotification,
  CommandExecutionOutputDeltaNotification,
  ConfigWarningNotification,
  ErrorNotification,
  ItemCompletedNotification,
  ItemStartedNotification,
  ServerRequestResolvedNotification,
  ThreadStartedNotification,
  ThreadStatusChangedNotification,
  ThreadTokenUsageUpdatedNotification,
  TurnCompletedNotification,
  TurnStartedNotification,
  WarningNotification,
} from './v2/notifications.js';

/** Requests a client sends to the server: method name → params and result. */
export interface ClientRequests
  extends
    ThreadsClientRequests,
    ProjectsClientRequests,
    EventsClientRequests,
    AccountsClientRequests,
    ConfigClientRequests,
    ModelsClientRequests,
    ExecClientRequests,
    ExtensionsClientRequests,
    LegacyClientRequests {
  /** Opens the connection; must be the first request. */
  initialize: { params: InitializeParams; result: InitializeResponse };
  /** Creates a new thread (a conversation) and subscribes to its events. */
  'thread/start': { params: ThreadStartParams; result: ThreadStartResponse };
  /** Adds user input to a thread and starts the agent working on it. */
  'turn/start': { params: TurnStartParams; result: TurnStartResponse };
  /** Asks the server to stop the turn that is running. */
  'turn/interrupt': { params: TurnInterruptParams; result: TurnInterruptResponse };
}

/** Notifications a client sends to the server: method name → params. */
export interface ClientNotifications {
  /** Tells the server the client has processed the `initialize` response. */
  initialized: { params: undefined };
}

/** Requests the server sends to the client, which must answer each one. */
export interface ServerRequests
  extends
    ThreadsServerRequests,
    ProjectsServerRequests,
    EventsServerRequests,
    AccountsServerRequests,
    ConfigServerRequests,
    ModelsServerRequests,
    ExecServerRequests,
    ExtensionsServerRequests {
  /** Asks the user to allow or refuse running a command. */
  'item/commandExecution/requestApproval': {
    params: CommandExecutionRequestApprovalParams;
    result: CommandExecutionRequestApprovalResponse;
  };
  /** Asks the user to allow or refuse a set of file edits. */
  'item/fileChange/requestApproval': {
    params: FileChangeRequestApprovalParams;
    result: FileChangeRequestApprovalResponse;
  };
  /** Asks a client that opted in for a fresh attestation token. */
  'attestation/generate': { params: AttestationGenerateParams; result: AttestationGenerateResponse };
}

/** Notifications the server sends to the client: method name → params. */
export interface ServerNotifications
  extends
    ThreadsServerNotifications,
    ProjectsServerNotifications,
    EventsServerNotifications,
    AccountsServerNotifications,
    ConfigServerNotifications,
    ModelsServerNotifications,
    ExecServerNotifications,
    ExtensionsServerNotifications {
  error: { params: ErrorNotification };
  'thread/started': { params: ThreadStartedNotification };
  'thread/status/changed': { params: ThreadStatusChangedNotification };
  'thread/tokenUsage/updated': { params: ThreadTokenUsageUpdatedNotification };
  'turn/started': { params: TurnStartedNotification };
  'turn/completed': { params: TurnCompletedNotification };
  'item/started': { params: ItemStartedNotification };
  'item/completed': { params: ItemCompletedNotification };
  'item/agentMessage/delta': { params: AgentMessageDeltaNotification };
  'item/commandExecution/outputDelta': { params: CommandExecutionOutputDeltaNotification };
  'serverRequest/resolved': { params: ServerRequestResolvedNotification };
  warning: { params: WarningNotification };
  configWarning: { params: ConfigWarningNotification };
}
