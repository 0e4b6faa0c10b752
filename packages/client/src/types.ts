/**
 * Public types of the client: options, events, server-request handlers and
 * extensions.
 * @module
 */
import type {
  ClientInfo,
  ClientRequestParams,
  InitializeCapabilities,
  JsonValue,
  JSONRPCMessage,
  JSONRPCNotification,
  RequestId,
  ServerNotificationMethod,
  ServerNotificationParams,
  ServerRequestMethod,
  ServerRequestParams,
  ServerRequestResult,
} from '@cask/protocol';
import type { LaggedEvent } from './queue.js';
import type { Transport } from './transport.js';
import type { ProtocolValidators } from './validation.js';

/** Direction of a message on the wire: client to server, or server to client. */
export type Direction = 'c2s' | 's2c';

/** How strictly messages are checked against the protocol schema. */
export type ValidationMode = 'off' | 'warn' | 'strict';

/** What a server-request handler receives besides the params. */
export interface ServerRequestContext<M extends ServerRequestMethod = ServerRequestMethod> {
  /** The server's id for this request (the server counts from 0). */
  id: RequestId;
  method: M;
  /**
   * Aborted when the answer is no longer wanted: the server reported the
   * request resolved (`serverRequest/resolved`, e.g. the turn was
   * interrupted), the server exited, or the client is shutting down.
   */
  signal: AbortSignal;
}

/**
 * Answers one kind of server request. Return (or resolve to) the result to
 * send back; throw to answer with a JSON-RPC error instead (a thrown
 * {@link @cask/client!JsonRpcError}-like object with a numeric `code` keeps its code,
 * anything else becomes `-32603`).
 */
export type ServerRequestHandler<M extends ServerRequestMethod> = (
  params: ServerRequestParams<M>,
  ctx: ServerRequestContext<M>,
) => ServerRequestResult<M> | Promise<ServerRequestResult<M>>;

/** A map from server-request method to its handler. */
export type ServerRequestHandlers = { [M in ServerRequestMethod]?: ServerRequestHandler<M> };

/**
 * A bundle of behaviour plugged into the client at start: capabilities to
 * declare in `initialize` and handlers for the server requests those
 * capabilities make the server send. `@cask/attestation` is one.
 */
export interface ClientExtension {
  /** Human-readable name, used in error messages. */
  name?: string;
  /** Merged into the `initialize` capabilities (extension values win over the caller's). */
  capabilities?: Partial<InitializeCapabilities>;
  /** Default handlers; a handler registered with `onServerRequest` takes precedence. */
  serverRequestHandlers?: ServerRequestHandlers;
}

/** A notification from the server, as yielded by `notifications()` and `events()`. */
export type NotificationEvent = {
  [M in ServerNotificationMethod]: {
    kind: 'notification';
    method: M;
    params: ServerNotificationParams<M>;
    /** The message exactly as received (it may carry extra envelope members such as `emittedAtMs`). */
    raw: JSONRPCNotification;
  };
}[ServerNotificationMethod];

/** A request from the server, as yielded by `events()`. Handlers answer it; the event is informational. */
export type ServerRequestEvent = {
  [M in ServerRequestMethod]: {
    kind: 'serverRequest';
    id: RequestId;
    method: M;
    params: ServerRequestParams<M>;
  };
}[ServerRequestMethod];

/** Something on the wire that broke the protocol or failed validation. */
export interface ProtocolIssue {
  kind: 'protocolIssue';
  direction: Direction;
  /** What was being checked, e.g. `params of server notification turn/completed`, `unparsable line`. */
  subject: string;
  /** One-line explanation. */
  message: string;
  /** Validator error details, when a validator produced them. */
  errors?: unknown;
  /** The offending message (or raw line). */
  raw: unknown;
}

/**
 * A server request waiting for an answer, as yielded by `serverRequests()`.
 * Answer it exactly once with `respond` or `fail`; later calls (and calls
 * after the server withdrew the request, see `signal`) do nothing and
 * return false.
 */
export type PendingServerRequest = {
  [M in ServerRequestMethod]: {
    kind: 'serverRequest';
    id: RequestId;
    method: M;
    params: ServerRequestParams<M>;
    /** Aborted when the answer is no longer wanted (resolved elsewhere, timed out, connection ended). */
    signal: AbortSignal;
    /**
     * Sends the result.
     * @throws {UnserialisableMessageError} when the result cannot be written
     * as JSON (BigInt, circular); nothing is sent and `fail()` still works.
     */
    respond(result: ServerRequestResult<M>): boolean;
    /**
     * Sends a JSON-RPC error instead. A non-integer `code` is sent as
     * `-32603`; `data` that cannot be serialised is left out.
     */
    fail(error: { code: number; message: string; data?: JsonValue }): boolean;
  };
}[ServerRequestMethod];

/** What a catch-all server-request handler receives (see `onAnyServerRequest`). */
export interface AnyServerRequest {
  /** The server's id for this request. */
  id: RequestId;
  /** The method, possibly one the protocol maps do not know. */
  method: string;
  /** The params as received. */
  params: unknown;
  /** Aborted when the answer is no longer wanted. */
  signal: AbortSignal;
}

/** A catch-all server-request handler: return (or resolve to) the result, or throw to answer with an error. */
export type AnyServerRequestHandler = (request: AnyServerRequest) => unknown;

/** Something the session wants the host to know that is not a protocol violation. */
export interface ClientWarning {
  /** `versionMismatch`: the server's codex version is not the one this client was built for. */
  kind: 'versionMismatch';
  /** One-line explanation. */
  message: string;
  /** The version the server reported, if any. */
  serverVersion: string | undefined;
  /** The release this client was built for. */
  expectedRelease: string;
}

/** Items of the `serverRequests()` stream. */
export type ServerRequestStreamItem = PendingServerRequest | LaggedEvent;

/** Items of the `notifications()` stream. */
export type NotificationStreamItem = NotificationEvent | LaggedEvent;

/** Items of the `events()` stream. */
export type ClientEvent = NotificationEvent | ServerRequestEvent | ProtocolIssue | LaggedEvent;

/** Options of {@link AppServerClient.start}. */
export interface AppServerClientOptions {
  /** Identifies the client to the server (sent in `initialize`). */
  clientInfo: ClientInfo;
  /** Capabilities to declare in `initialize`; extensions may add to them. */
  capabilities?: InitializeCapabilities | null;
  /**
   * How to reach the server. Default: a {@link StdioTransport} built from
   * the stdio options below (`codexPath`, `args`, `env`, `inheritEnv`,
   * `cwd`, `onStderr`, `stderrTailLines`, `maxLineBytes`), which are
   * ignored when a transport is given.
   */
  transport?: Transport;
  /**
   * The `codex` executable (stdio). Default: `CODEX_APP_SERVER_BIN`, else the
   * native binary of an installed `@openai/codex`, else `codex` on `PATH`.
   */
  codexPath?: string;
  /** Arguments. Default `['app-server']`. */
  args?: string[];
  /** Variables added to (or, with `inheritEnv: false`, replacing) the server's environment. */
  env?: Record<string, string | undefined>;
  /** Start from `process.env`. Default `true`. */
  inheritEnv?: boolean;
  /** Working directory of the server process. */
  cwd?: string;
  /** Extensions (capabilities + server-request handlers). */
  extensions?: ClientExtension[];
  /**
   * Schema validation of every message, both ways, with `@cask/validators`.
   * `off` (default): none. `warn`: report issues (to `onProtocolIssue`, the
   * `events()` stream, or a process warning) but deliver messages as usual.
   * `strict`: outgoing invalid messages are refused, invalid results reject
   * their request, invalid server requests are answered with `-32602`, and
   * invalid notifications are delivered only as `protocolIssue` events.
   */
  validate?: ValidationMode;
  /** Validator functions to use instead of loading `@cask/validators`. */
  validators?: ProtocolValidators;
  /** Called with every protocol issue (unparsable lines, unknown response ids, validation failures). */
  onProtocolIssue?: (issue: ProtocolIssue) => void;
  /**
   * Called (once per connection) with warnings that are not protocol
   * violations, e.g. a server whose codex version differs from the one this
   * client was built for. Nothing is printed when it is not set.
   */
  onWarning?: (warning: ClientWarning) => void;
  /** Transcript hook: called with every message sent (`c2s`) or received (`s2c`), in wire order. */
  onMessage?: (direction: Direction, message: JSONRPCMessage) => void;
  /** Called with every line the server writes to stderr. */
  onStderr?: (line: string) => void;
  /** How many stderr lines to keep for error messages (at most 16 KiB of them). Default 50. */
  stderrTailLines?: number;
  /** Longest accepted stdout line (stdio), in bytes; longer lines are skipped and reported. Default 64 MiB. */
  maxLineBytes?: number;
  /** Capacity of each subscription queue (`notifications()`, `events()`, `serverRequests()`, `runTurn()`). Default {@link DEFAULT_QUEUE_CAPACITY}. */
  queueCapacity?: number;
  /** Default timeout for every request, in ms. Default: no timeout. */
  requestTimeoutMs?: number;
  /**
   * Most requests that may wait for an answer at once; one more is refused
   * with an `OverloadedError` (`source: 'client'`) without being sent.
   * Default 10 000.
   */
  maxPendingRequests?: number;
  /**
   * How long a server request may wait for its answer (from a handler or a
   * `serverRequests()` consumer), in ms; after that the server gets a
   * JSON-RPC error (`-32603`, `data.reason: 'timeout'`), the handler's
   * signal aborts and a `protocolIssue` reports it. Default 600 000 (10
   * minutes: long enough for a person to answer an approval, short enough
   * that a forgotten one does not hold its turn forever); `0` for no limit.
   */
  serverRequestTimeoutMs?: number;
  /**
   * Most server requests that may wait for this client's answer at once;
   * one more is answered at once with `-32001` (overloaded). Default 1 000.
   */
  maxPendingServerRequests?: number;
  /** Timeout of the `initialize` handshake, in ms. Default 30 000. */
  initializeTimeoutMs?: number;
  /** Default bound of `shutdown()`, in ms. Default `2 × shutdownGraceMs`. */
  shutdownTimeoutMs?: number;
  /** Stdio: how long `shutdown()` waits after closing stdin, and again after SIGTERM, in ms. Default 2 000. */
  shutdownGraceMs?: number;
}

/** Options of `runTurn()`: `turn/start` params besides `threadId`/`input`, plus client-side settings. */
export type RunTurnOptions = Omit<ClientRequestParams<'turn/start'>, 'threadId' | 'input'> & {
  /**
   * Handlers for server requests of this thread while the turn runs
   * (approvals, ...); they take precedence over `onServerRequest` ones.
   */
  handlers?: ServerRequestHandlers;
  /** Aborting sends `turn/interrupt`; the stream then ends with the interrupted `turn/completed`. */
  signal?: AbortSignal;
  /** Timeout of the `turn/start` request itself, in ms. */
  timeoutMs?: number;
};

/** Items of a `runTurn()` stream: this turn's notifications (the last one is `turn/completed`) and lag markers. */
export type TurnStreamItem = NotificationEvent | LaggedEvent;

/** Per-request options. */
export interface RequestOptions {
  /** Reject with `RequestTimeoutError` when no answer came in this many ms (overrides the client default). */
  timeoutMs?: number;
  /** Reject with `RequestAbortedError` when this fires. The server is not told (the protocol has no cancel). */
  signal?: AbortSignal;
}
