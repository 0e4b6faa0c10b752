/**
 * Error classes the client rejects with. Each one says what went wrong and
 * for which request, so a failure in a log is self-explanatory.
 * @module
 */
import type { JsonValue, RequestId } from '@cask/protocol';

/** The server answered a request with a JSON-RPC error object. */
export class JsonRpcError extends Error {
  override readonly name = 'JsonRpcError';
  /** The JSON-RPC error code (e.g. `-32600`, `-32601`). */
  readonly code: number;
  /** Extra detail the server attached, if any. */
  readonly data: JsonValue | undefined;
  /** The method of the request that failed. */
  readonly method: string;
  /** The id of the request that failed. */
  readonly requestId: RequestId;

  constructor(method: string, requestId: RequestId, error: { code: number; message: string; data?: JsonValue }) {
    super(`${method} (id ${JSON.stringify(requestId)}) failed with JSON-RPC error ${error.code}: ${error.message}`);
    this.code = error.code;
    this.data = error.data;
    this.method = method;
    this.requestId = requestId;
  }
}

/** How the server process ended. */
export interface ServerExit {
  /** Exit code, or `null` when a signal ended it. */
  code: number | null;
  /** The signal that ended it, or `null`. */
  signal: NodeJS.Signals | null;
  /** The last lines the server wrote to stderr. */
  stderrTail: string[];
}

/** The server process exited (or could not start) while a request was waiting for its answer. */
export class ServerExitedError extends Error {
  override readonly name = 'ServerExitedError';
  readonly exit: ServerExit;
  constructor(context: string, exit: ServerExit) {
    const how = exit.signal ? `signal ${exit.signal}` : `exit code ${exit.code}`;
    const tail = exit.stderrTail.length ? `\nlast stderr lines:\n  ${exit.stderrTail.join('\n  ')}` : '';
    super(`${context}: codex app-server exited (${how})${tail}`);
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
