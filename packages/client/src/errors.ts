/**
 * Error classes the client rejects with. Each one says what went wrong and
 * for which request, so a failure in a log is self-explanatory.
 * @module
 */
import type { JsonValue, RequestId } from '@cask/protocol';
import type { ServerExit } from './transport.js';

export type { ServerExit };

/** JSON-RPC error code app-server uses when a bounded queue is full ("retry later"). */
export const OVERLOADED_ERROR_CODE = -32001;

/** The server answered a request with a JSON-RPC error object. */
export class JsonRpcError extends Error {
  override readonly name: string = 'JsonRpcError';
  /** The JSON-RPC error code (e.g. `-32600`, `-32601`). */
  readonly code: number;
  /** Extra detail the server attached, if any. */
  readonly data: JsonValue | undefined;
  /** The method of the request that failed. */
  readonly method: string;
  /** The id of the request that failed (`null` when it was refused before being sent). */
  readonly requestId: RequestId | null;

  constructor(method: string, requestId: RequestId | null, error: { code: number; message: string; data?: JsonValue }) {
    const id = requestId === null ? '' : ` (id ${JSON.stringify(requestId)})`;
    super(`${method}${id} failed with JSON-RPC error ${error.code}: ${error.message}`);
    this.code = error.code;
    this.data = error.data;
    this.method = method;
    this.requestId = requestId;
  }
}

/**
 * The server process exited, the connection dropped, or it could not be
 * established, while a request was waiting for its answer (or during
 * `start()`). Every pending request gets one, at once.
 */
export class ServerExitedError extends Error {
  override readonly name = 'ServerExitedError';
  readonly exit: ServerExit;
  constructor(context: string, exit: ServerExit) {
    const how = exit.signal ? `signal ${exit.signal}` : exit.code === null ? 'no exit code' : `code ${exit.code}`;
    const reason = exit.reason ? `: ${exit.reason}` : '';
    const tail = exit.stderrTail.length ? `\nlast stderr lines:\n  ${exit.stderrTail.join('\n  ')}` : '';
    super(`${context}: the app-server connection ended (${how})${reason}${tail}`);
    this.exit = exit;
  }
}

/** A request got no answer within its timeout. */
export class RequestTimeoutError extends Error {
  override readonly name = 'RequestTimeoutError';
  constructor(
    readonly method: string,
    readonly requestId: RequestId,
    readonly timeoutMs: number,
  ) {
    super(`${method} (id ${JSON.stringify(requestId)}) got no answer within ${timeoutMs} ms`);
  }
}

/** The caller's `AbortSignal` fired before the answer arrived. */
export class RequestAbortedError extends Error {
  override readonly name = 'RequestAbortedError';
  constructor(
    readonly method: string,
    readonly requestId: RequestId | undefined,
    override readonly cause?: unknown,
  ) {
    super(`${method}${requestId === undefined ? '' : ` (id ${JSON.stringify(requestId)})`} was aborted by the caller`);
  }
}

/** The client was shut down; no more messages can be sent. */
export class ClientClosedError extends Error {
  override readonly name = 'ClientClosedError';
  constructor(what: string) {
    super(`${what}: the client has been shut down`);
  }
}

/** A message failed schema validation in `strict` mode. */
export class ProtocolValidationError extends Error {
  override readonly name = 'ProtocolValidationError';
  constructor(
    /** What was checked, e.g. `params of client request thread/start`. */
    readonly subject: string,
    /** The validator's summary. */
    readonly detail: string,
    /** The validator's individual errors, as it reported them. */
    readonly errors: unknown,
  ) {
    super(`invalid ${subject}: ${detail}`);
  }
}

/**
 * Back-pressure: the request was refused because a bounded queue is full.
 * `source: 'server'` is the server's own overload answer (JSON-RPC error
 * {@link OVERLOADED_ERROR_CODE}, `-32001`; app-server sends it when its
 * ingress queue is saturated, and callers should retry with exponential
 * backoff and jitter). `source: 'client'` means this client already has
 * `maxPendingRequests` requests waiting and refused to send another.
 * A subclass of {@link JsonRpcError}, so `code` checks keep working.
 */
export class OverloadedError extends JsonRpcError {
  override readonly name = 'OverloadedError';
  constructor(
    method: string,
    requestId: RequestId | null,
    error: { code: number; message: string; data?: JsonValue },
    /** Who refused the request. */
    readonly source: 'server' | 'client',
  ) {
    super(method, requestId, error);
  }
}
