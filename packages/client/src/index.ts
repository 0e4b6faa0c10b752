/**
 * `@cask/client`: a typed client for `codex app-server` over stdio JSONL,
 * WebSocket, or an in-memory pair.
 * @packageDocumentation
 */
export {
  AppServerClient,
  METHOD_NOT_FOUND,
  INVALID_PARAMS,
  INTERNAL_ERROR,
  DEFAULT_MAX_PENDING_REQUESTS,
  DEFAULT_SERVER_REQUEST_TIMEOUT_MS,
} from './client.js';
export type { RequestArgs, NotifyArgs, NotificationListener, AnyNotificationListener } from './client.js';
export {
  Connection,
  DEFAULT_MAX_PENDING_SERVER_REQUESTS,
  type ConnectionEvents,
  type ConnectionIssue,
  type ConnectionOptions,
  type ConnectionRequestOptions,
  type MessageChecks,
} from './connection.js';
export { ServerRequestAnswer } from './server-request.js';
export { UnserialisableMessageError, MAX_ERROR_MESSAGE_CHARS, type JsonRpcErrorBody } from './json-rpc.js';
export { EXPECTED_CODEX_RELEASE, parseServerVersion, type ServerInfo } from './server-info.js';
export { isLoopbackHost } from './loopback.js';
export { WARNING_BURST, WARNING_WINDOW_MS } from './warnings.js';
export { DEFAULT_STDERR_TAIL_LINES, DEFAULT_STDERR_TAIL_BYTES, DEFAULT_STDERR_LINE_BYTES } from './stderr-tail.js';
export {
  JsonRpcError,
  OverloadedError,
  OVERLOADED_ERROR_CODE,
  ServerExitedError,
  RequestTimeoutError,
  RequestAbortedError,
  ClientClosedError,
  ProtocolValidationError,
} from './errors.js';
export { DEFAULT_QUEUE_CAPACITY, isLagged, type LaggedEvent } from './queue.js';
export type { ServerExit, Transport, TransportSink, MalformedInput } from './transport.js';
export { StdioTransport, resolveCodexBinary, type StdioTransportOptions, type ResolvedCodexBinary } from './stdio.js';
export {
  WebSocketTransport,
  checkWebSocketUrl,
  type WebSocketTransportOptions,
  type WebSocketClientOptions,
} from './websocket.js';
export { SpawnedWebSocketTransport, listeningAddress, type SpawnedWebSocketOptions } from './websocket-server.js';
export { createInMemoryPair, type InMemoryPair, type InMemoryServerEndpoint } from './in-memory.js';
export { DEFAULT_MAX_LINE_BYTES, JsonlDecoder } from './jsonl.js';
export { TurnRun } from './turn.js';
export type {
  AnyServerRequest,
  AnyServerRequestHandler,
  ClientWarning,
  AppServerClientOptions,
  ClientEvent,
  ClientExtension,
  Direction,
  NotificationEvent,
  NotificationStreamItem,
  PendingServerRequest,
  ProtocolIssue,
  RequestOptions,
  RunTurnOptions,
  ServerRequestContext,
  ServerRequestEvent,
  ServerRequestHandler,
  ServerRequestHandlers,
  ServerRequestStreamItem,
  TurnStreamItem,
  ValidationMode,
} from './types.js';
export {
  loadValidators,
  type ProtocolValidators,
  type ValidationOutcome,
  type ValidateCallOptions,
} from './validation.js';
// Conversation state (also available alone as `@cask/client/state`) and thread handles.
export * from './state/index.js';
export {
  ThreadHandle,
  UnhandledServerRequestError,
  type ThreadHandleOptions,
  type ThreadRunOptions,
  type ThreadStateListener,
} from './thread-handle.js';
export { ThreadTurnRun, textInput, type TurnResult, type TurnRunEvent } from './turn-run.js';
// Protocol types a client user needs, so an app does not need `@cask/protocol` as a direct dependency.
export type {
  ClientRequestMethod,
  ClientRequestParams,
  ClientRequestResult,
  CommandExecutionRequestApprovalParams,
  CommandExecutionRequestApprovalResponse,
  FileChangeRequestApprovalParams,
  FileChangeRequestApprovalResponse,
  ServerNotificationMethod,
  ServerNotificationParams,
  ServerRequestMethod,
  ServerRequestParams,
  ServerRequestResult,
  Thread,
  ThreadItem,
  ThreadStatus,
  ThreadTokenUsage,
  TokenUsageBreakdown,
  Turn,
  TurnError,
  TurnStatus,
  UserInput,
} from '@cask/protocol';
