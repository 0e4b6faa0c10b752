/**
 * The one interface every transport implements (stdio, WebSocket,
 * in-memory), and the shapes it reports with.
 * @module
 */
import type { JSONRPCMessage } from '@cask/protocol';

/** How a connection ended. */
export interface ServerExit {
  /** Process exit code (stdio), WebSocket close code (websocket), or `null`. */
  code: number | null;
  /** The signal that ended the process (stdio only), or `null`. */
  signal: string | null;
  /** The last lines the server wrote to stderr (stdio only; empty otherwise). */
  stderrTail: string[];
  /** Extra explanation: a WebSocket close reason, a spawn or connect error, ... */
  reason?: string;
}

/** Something a transport received that is not a usable message. */
export interface MalformedInput {
  /** What was wrong, e.g. `unparsable line`, `line too long`, `not a JSON object`. */
  subject: string;
  /** One-line explanation naming the problem. */
  message: string;
  /** The offending text (truncated for very long input). */
  raw: unknown;
}

/** Callbacks a transport reports to. The client provides them in {@link Transport.connect}. */
export interface TransportSink {
  /** One inbound message: a parsed JSON object (not an array, not a primitive). */
  message(message: Record<string, unknown>): void;
  /** Inbound input that could not be turned into a message; the connection stays usable. */
  malformed(problem: MalformedInput): void;
  /** The connection ended (the process exited, the socket closed). Called at most once. */
  closed(exit: ServerExit): void;
}

/**
 * A bidirectional JSON-RPC message channel to one app-server.
 *
 * `connect` is called exactly once by the client; `send` only after it
 * resolved; `close` may be called at any time and must resolve within its
 * timeout (plus a small constant), also when the peer misbehaves.
 */
export interface Transport {
  /** `stdio`, `websocket`, `in-memory`, or a custom name; used in messages. */
  readonly kind: string;
  /**
   * Opens the connection and starts reporting to `sink`. Resolves when
   * messages can be sent; rejects (with a `ServerExitedError`) when the
   * connection cannot be established.
   */
  connect(sink: TransportSink): Promise<void>;
  /**
   * Sends one message. The connection serialises every message before any
   * state changes and passes the text as `serialized`; transports that write
   * text use it as is (in-memory passes the object itself).
   */
  send(message: JSONRPCMessage, serialized?: string): void;
  /**
   * Ends the connection gracefully, escalating as the transport allows
   * (stdio: close stdin, SIGTERM, SIGKILL), and resolves with how it ended.
   * Idempotent.
   */
  close(options: { timeoutMs: number }): Promise<ServerExit>;
  /** The last stderr lines, for transports that have a stderr. */
  stderrTail?(): string[];
  /** The server's process id, for transports that spawn one. */
  readonly pid?: number | undefined;
}
