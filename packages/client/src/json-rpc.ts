/**
 * The app-server's JSON-RPC dialect at the message level: error codes,
 * turning whatever a handler throws into a valid error body, and
 * serialising a message up front so a value JSON cannot carry is a clear
 * error before any state changes.
 * @module
 */
import type { JsonValue } from '@cask/protocol';

/** JSON-RPC error code: the method does not exist / has no handler. */
export const METHOD_NOT_FOUND = -32601;
/** JSON-RPC error code: invalid params. */
export const INVALID_PARAMS = -32602;
/** JSON-RPC error code: internal error. */
export const INTERNAL_ERROR = -32603;

/** The `error` member of a JSON-RPC error response. */
export interface JsonRpcErrorBody {
  code: number;
  message: string;
  data?: JsonValue;
}

/** Longest error message the client sends or keeps from a thrown value, in characters. */
export const MAX_ERROR_MESSAGE_CHARS = 4_096;

/** Thrown by {@link serialise} when a message cannot be written as JSON. */
export class UnserialisableMessageError extends TypeError {
  override readonly name = 'UnserialisableMessageError';
  constructor(
    /** What was being serialised, e.g. `params of request thread/start`. */
    readonly subject: string,
    override readonly cause: unknown,
  ) {
    super(`${subject} cannot be serialised as JSON: ${describeThrown(cause)}`);
  }
}

/**
 * `JSON.stringify(message)`, or a {@link UnserialisableMessageError} naming
 * `subject` (BigInt, circular structures, a throwing `toJSON`, ...).
 */
export function serialise(message: object, subject: string): string {
  try {
    return JSON.stringify(message);
  } catch (err) {
    throw new UnserialisableMessageError(subject, err);
  }
}

/** A short, never-throwing description of a thrown value. */
export function describeThrown(err: unknown): string {
  try {
    if (err instanceof Error) return truncate(err.message);
    if (typeof err === 'object' && err !== null) {
      const message: unknown = Reflect.get(err, 'message');
      if (typeof message === 'string') return truncate(message);
    }
    return truncate(String(err));
  } catch {
    return 'an unprintable value';
  }
}

function truncate(text: string): string {
  return text.length > MAX_ERROR_MESSAGE_CHARS ? `${text.slice(0, MAX_ERROR_MESSAGE_CHARS)}…` : text;
}

/**
 * The JSON-RPC error body for a value a server-request handler threw: a
 * thrown object with a safe-integer `code` keeps it (anything else becomes
 * {@link INTERNAL_ERROR}), its `message` (bounded), and its `data` only when
 * `data` can be serialised. Never throws, whatever `err` is (getters that
 * throw, proxies, BigInt, circular `data`).
 */
export function errorBodyFromThrown(err: unknown): JsonRpcErrorBody {
  let code: unknown;
  let data: unknown;
  let hasData = false;
  try {
    if (typeof err === 'object' && err !== null) {
      code = Reflect.get(err, 'code');
      hasData = 'data' in err;
      if (hasData) data = Reflect.get(err, 'data');
    }
  } catch {
    code = undefined;
    hasData = false;
  }
  const body: JsonRpcErrorBody = {
    code: typeof code === 'number' && Number.isSafeInteger(code) ? code : INTERNAL_ERROR,
    message: describeThrown(err),
  };
  if (hasData && data !== undefined) {
    const json = toJsonValue(data);
    if (json.ok) body.data = json.value;
    else body.message += ` (its error data was left out: ${json.reason})`;
  }
  return body;
}

/** Checks that a JSON-RPC error body a caller passed to `fail()` is usable, and repairs what is not. */
export function normaliseErrorBody(error: unknown): JsonRpcErrorBody {
  return errorBodyFromThrown(error);
}

/** Whether `value` is a non-null, non-array object: the shape every JSON-RPC message has. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `value` as plain JSON (a deep copy through `JSON.stringify`), or why it is not JSON. */
export function toJsonValue(value: unknown): { ok: true; value: JsonValue } | { ok: false; reason: string } {
  try {
    const text = JSON.stringify(value);
    // `undefined`, functions and symbols stringify to undefined.
    if (typeof text !== 'string') return { ok: false, reason: `${typeof value} is not JSON` };
    return { ok: true, value: parseJson(text) };
  } catch (err) {
    return { ok: false, reason: describeThrown(err) };
  }
}

function parseJson(text: string): JsonValue {
  // JSON.parse of a string JSON.stringify produced is JSON by construction.
  return JSON.parse(text) as JsonValue;
}
