/**
 * The JSON-RPC 2.0 envelope as `codex app-server` actually speaks it.
 *
 * Codex leaves the `"jsonrpc": "2.0"` member out of every message it writes and
 * does not require it on what it reads, so none of these types carry it.
 * @module
 */

/**
 * Identifies a request so its response can be matched to it. Either side picks
 * its own ids; the server numbers its requests from `0` upwards.
 */
export type RequestId =
  | string
  /** @format int64 */
  | number;

/** A JSON value of any shape: what the protocol carries where it promises no structure. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** W3C trace-context headers that tie a request to a distributed trace. */
export interface W3cTraceContext {
  /** The `traceparent` header value. */
  traceparent?: string | null;
  /** The `tracestate` header value. */
  tracestate?: string | null;
}

/** A message that expects an answer carrying the same `id`. */
export interface JSONRPCRequest {
  id: RequestId;
  method: string;
  /** Method-specific arguments; their shape is fixed by the method maps. */
  params?: JsonValue;
  /** Optional trace context propagated with the request. */
  trace?: W3cTraceContext | null;
}

/** A one-way message: nobody answers it. */
export interface JSONRPCNotification {
  method: string;
  params?: JsonValue;
}

/** The successful answer to a request. */
export interface JSONRPCResponse {
  id: RequestId;
  result: JsonValue;
}

/** The error object inside a failed answer. */
export interface JSONRPCErrorError {
  /**
   * Numeric error code (JSON-RPC reserves -32768..-32000).
   * @format int64
   */
  code: number;
  /** Human-readable summary. */
  message: string;
  /** Extra detail, shape defined by the error. */
  data?: JsonValue;
}

/** The failed answer to a request. */
export interface JSONRPCError {
  id: RequestId;
  error: JSONRPCErrorError;
}

/** Anything that may cross the wire in either direction. */
export type JSONRPCMessage = JSONRPCRequest | JSONRPCNotification | JSONRPCResponse | JSONRPCError;
