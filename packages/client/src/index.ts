/**
 * `@cask/client`: a typed client for `codex app-server` over stdio JSONL.
 * @packageDocumentation
 */
export { AppServerClient, METHOD_NOT_FOUND, INVALID_PARAMS, INTERNAL_ERROR } from './client.js';
export type { RequestArgs, NotifyArgs } from './client.js';
export {
  JsonRpcError,
  ServerExitedError,
  RequestTimeoutError,
  RequestAbortedError,
  ClientClosedError,
  ProtocolValidationError,
  type ServerExit,
} from './errors.js';
export { DEFAULT_QUEUE_CAPACITY, type LaggedEvent } from './queue.js';
export type {
  AppServerClientOptions,
  ClientEvent,
  ClientExtension,
  Direction,
  NotificationEvent,
  NotificationStreamItem,
  ProtocolIssue,
  RequestOptions,
  ServerRequestContext,
  ServerRequestEvent,
  ServerRequestHandler,
  ServerRequestHandlers,
  ValidationMode,
} from './types.js';
export { loadValidators, type ProtocolValidators, type ValidationOutcome, type ValidateCallOptions } from './validation.js';
