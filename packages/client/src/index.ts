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
} from './client.js';
export type { RequestArgs, NotifyArgs, NotificationListener } from './client.js';
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
  isLoopbackHost,
  type WebSocketTransportOptions,
  type WebSocketClientOptions,
} from './websocket.js';
export { createInMemoryPair, type InMemoryPair, type InMemoryServerEndpoint } from './in-memory.js';
export { DEFAULT_MAX_LINE_BYTES, JsonlDecoder } from './jsonl.js';
export { TurnRun } from './turn.js';
export type {
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
