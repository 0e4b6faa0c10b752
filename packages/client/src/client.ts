/**
 * `AppServerClient`: the app-server session (handshake, extensions,
 * handlers, subscriptions, threads and turns) on top of a protocol-agnostic
 * {@link Connection}, speaking the app-server's JSON-RPC dialect (no
 * `"jsonrpc"` member).
 * @module
 */
import type {
  ClientNotificationMethod,
  ClientNotificationParams,
  ClientRequestMethod,
  ClientRequestParams,
  ClientRequestResult,
  InitializeCapabilities,
  InitializeResponse,
  RequestId,
  ServerNotificationMethod,
  ServerNotificationParams,
  ServerRequestMethod,
} from '@cask/protocol';
import { Connection, DEFAULT_MAX_PENDING_REQUESTS, type ConnectionIssue, type MessageChecks } from './connection.js';
import { ClientClosedError, OVERLOADED_ERROR_CODE, ProtocolValidationError, ServerExitedError } from './errors.js';
import { INTERNAL_ERROR, INVALID_PARAMS, METHOD_NOT_FOUND, describeThrown } from './json-rpc.js';
import { BoundedQueue, DEFAULT_QUEUE_CAPACITY } from './queue.js';
import { serverInfoFrom, type ServerInfo } from './server-info.js';
import type { ServerRequestAnswer } from './server-request.js';
import { StdioTransport } from './stdio.js';
import type { ServerExit, Transport } from './transport.js';
import { ThreadHandle, type ThreadHandleOptions } from './thread-handle.js';
import { TurnRun, type TurnTap } from './turn.js';
import type {
  AnyServerRequestHandler,
  AppServerClientOptions,
  ClientEvent,
  ClientWarning,
  NotificationEvent,
  NotificationStreamItem,
  PendingServerRequest,
  ProtocolIssue,
  RequestOptions,
  RunTurnOptions,
  ServerRequestEvent,
  ServerRequestHandler,
  ServerRequestHandlers,
  ServerRequestStreamItem,
  ValidationMode,
} from './types.js';
import { boundedOutcome, guardedValidate } from './validation-guard.js';
import { loadValidators, type ProtocolValidators, type ValidationOutcome } from './validation.js';
import { WarningLimiter } from './warnings.js';

export { METHOD_NOT_FOUND, INVALID_PARAMS, INTERNAL_ERROR, DEFAULT_MAX_PENDING_REQUESTS };

/**
 * Default of `serverRequestTimeoutMs`: 10 minutes. A server request no
 * handler answers within it gets JSON-RPC error `-32603` (`data.reason:
 * 'timeout'`) and a `protocolIssue` reports it, so a forgotten approval
 * ends (and is seen) instead of holding its turn forever. Pass `0` to wait
 * without limit.
 */
export const DEFAULT_SERVER_REQUEST_TIMEOUT_MS = 600_000;

/** Arguments of `request(method, ...)`: params may be left out when the method takes none. */
export type RequestArgs<M extends ClientRequestMethod> =
  undefined extends ClientRequestParams<M>
    ? [params?: ClientRequestParams<M>, options?: RequestOptions]
    : [params: ClientRequestParams<M>, options?: RequestOptions];

/** Arguments of `notify(method, ...)`. */
export type NotifyArgs<M extends ClientNotificationMethod> =
  undefined extends ClientNotificationParams<M>
    ? [params?: ClientNotificationParams<M>]
    : [params: ClientNotificationParams<M>];

/** A typed listener for one notification method (see {@link AppServerClient.on}). */
export type NotificationListener<M extends ServerNotificationMethod> = (
  params: ServerNotificationParams<M>,
  event: Extract<NotificationEvent, { method: M }>,
) => void;

/** A listener for every notification, known to the protocol maps or not (see {@link AppServerClient.onNotification}). */
export type AnyNotificationListener = (event: {
  method: string;
  params: unknown;
  raw: Record<string, unknown>;
}) => void;

type AnyHandler = (params: unknown, ctx: { id: RequestId; method: string; signal: AbortSignal }) => unknown;
type AnyListener = (params: unknown, event: NotificationEvent) => void;

/** A handler table: a `Map`, so a method named `constructor` or `__proto__` finds nothing. */
function handlerTable(handlers: ServerRequestHandlers | undefined): Map<string, AnyHandler> {
  const table = new Map<string, AnyHandler>();
  if (!handlers) return table;
  for (const [method, handler] of Object.entries(handlers)) {
    // Each entry is the handler for its own method; the table erases the per-method typing.
    if (typeof handler === 'function') table.set(method, handler as AnyHandler);
  }
  return table;
}

/**
 * A notification as the streams carry it. The method maps type `method`
 * and `params` together; an unknown method is passed through with its
 * params as received.
 */
function notificationEvent(method: string, params: unknown, raw: Record<string, unknown>): NotificationEvent {
  // The wire message is the typed union's runtime form (validated when validation is on).
  return { kind: 'notification', method, params, raw } as unknown as NotificationEvent;
}

/**
 * A session with one app-server.
 *
 * Create it with {@link AppServerClient.start}, which resolves only after the
 * `initialize` / `initialized` handshake, so every other request is sent on
 * an initialized connection.
 *
 * @example
 * ```ts
 * const client = await AppServerClient.start({ clientInfo: { name: 'demo', version: '1.0.0' } });
 * const { thread } = await client.startThread({ approvalPolicy: 'never' });
 * for await (const ev of client.runTurn(thread.id, 'Hello')) {
 *   if (ev.kind === 'notification' && ev.method === 'item/agentMessage/delta') process.stdout.write(ev.params.delta);
 * }
 * await client.shutdown();
 * ```
 */
export class AppServerClient {
  /** What the server answered to `initialize`. */
  initializeResponse!: InitializeResponse;
  /** The server as it described itself in `initialize`, with the codex version parsed out of its user agent. */
  serverInfo!: ServerInfo;
  /** The capabilities actually sent in `initialize` (caller's merged with the extensions'). */
  readonly capabilities: InitializeCapabilities | null;
  /** Resolves when the connection has ended (for whatever reason). */
  readonly exited: Promise<ServerExit>;
  /** The transport in use. */
  readonly transport: Transport;
  /** The JSON-RPC connection under this session. */
  readonly connection: Connection;
  /**
   * Notifications that arrived during the handshake, before any
   * subscription could exist (codex sends e.g. `configWarning` right after
   * the `initialize` answer), at most `queueCapacity` of them.
   */
  readonly startupNotifications: NotificationEvent[] = [];
  /** Number of notifications/events dropped because a subscription's queue was full, summed over subscriptions. */
  get droppedEvents(): number {
    return this.dropped;
  }
  /** Number of requests waiting for an answer. */
  get pendingRequests(): number {
    return this.connection.pendingRequests;
  }
  /** Number of server requests waiting for this client's answer. */
  get pendingServerRequests(): number {
    return this.connection.pendingServerRequests;
  }
  /** Process warnings held back by the rate limit (issues printed because nothing subscribes). */
  get suppressedWarnings(): number {
    return this.warnings.suppressed;
  }
  /** The server's process id (stdio transport). */
  get pid(): number | undefined {
    return this.transport.pid;
  }

  private readonly handlers = new Map<string, AnyHandler>();
  private readonly extensionHandlers = new Map<string, AnyHandler>();
  private readonly threadHandlers = new Map<string, Map<string, AnyHandler>>();
  private anyHandler: AnyServerRequestHandler | undefined;
  private readonly notificationSubs = new Set<BoundedQueue<NotificationEvent>>();
  private readonly eventSubs = new Set<BoundedQueue<ClientEvent>>();
  private readonly requestSubs = new Set<BoundedQueue<PendingServerRequest>>();
  private readonly listeners = new Map<string, Set<AnyListener>>();
  private readonly anyListeners = new Set<AnyNotificationListener>();
  private readonly taps = new Set<TurnTap>();
  private readonly warnings = new WarningLimiter('CaskProtocolWarning');
  private readonly validateMode: ValidationMode;
  private readonly experimental: boolean;
  private readonly queueCapacity: number;
  private subscriberCount = 0;
  private ready = false;
  private dropped = 0;
  private exitInfo: ServerExit | undefined;
  private shuttingDown: Promise<ServerExit> | undefined;
  private resolveExited!: (exit: ServerExit) => void;

  private constructor(
    private readonly options: AppServerClientOptions,
    private readonly validators: ProtocolValidators | undefined,
    transport: Transport,
  ) {
    this.transport = transport;
    this.validateMode = validators ? (options.validate ?? 'off') : 'off';
    this.capabilities = mergeCapabilities(options);
    this.experimental = this.capabilities?.experimentalApi === true;
    this.queueCapacity = options.queueCapacity ?? DEFAULT_QUEUE_CAPACITY;
    new BoundedQueue(this.queueCapacity); // validates the capacity up front
    for (const ext of options.extensions ?? []) {
      for (const [method, handler] of handlerTable(ext.serverRequestHandlers)) {
        if (!this.extensionHandlers.has(method)) this.extensionHandlers.set(method, handler);
      }
    }
    this.exited = new Promise((resolve) => (this.resolveExited = resolve));
    this.connection = new Connection(
      transport,
      {
        notification: (method, params, raw) => {
          this.onNotificationMessage(method, params, raw);
        },
        serverRequest: (answer) => {
          this.onServerRequestMessage(answer);
        },
        issue: (issue) => {
          this.issue(issue);
        },
        ended: (exit, byClient) => {
          this.onEnded(exit, byClient);
        },
      },
      {
        maxPendingRequests: options.maxPendingRequests,
        maxPendingServerRequests: options.maxPendingServerRequests,
        requestTimeoutMs: options.requestTimeoutMs,
        serverRequestTimeoutMs: options.serverRequestTimeoutMs ?? DEFAULT_SERVER_REQUEST_TIMEOUT_MS,
        onMessage: options.onMessage,
        checks: this.validateMode === 'off' ? undefined : this.checks(),
      },
    );
  }

  /**
   * Connects the transport (by default: spawns `codex app-server` on stdio),
   * sends `initialize` (with `options.clientInfo` and the merged
   * capabilities), then `initialized`, and resolves with the ready client.
   *
   * On failure the connection is closed and the promise rejects with a
   * {@link JsonRpcError} (the server refused `initialize`), a
   * {@link ServerExitedError} (the server exited or could not be reached;
   * it carries the exit code/signal and the server's last stderr lines, e.g.
   * its complaint about a bad `config.toml`) or a {@link RequestTimeoutError}.
   */
  static async start(options: AppServerClientOptions): Promise<AppServerClient> {
    let validators = options.validators;
    const mode = options.validate ?? 'off';
    if (mode !== 'off' && !validators) {
      try {
        validators = await loadValidators();
      } catch (err) {
        if (mode === 'strict') throw err;
        process.emitWarning(`${describeThrown(err)}; continuing without validation`, 'CaskValidationWarning');
      }
    }
    const transport =
      options.transport ??
      new StdioTransport({
        codexPath: options.codexPath,
        args: options.args,
        env: options.env,
        inheritEnv: options.inheritEnv,
        cwd: options.cwd,
        onStderr: options.onStderr,
        stderrTailLines: options.stderrTailLines,
        maxLineBytes: options.maxLineBytes,
      });
    const client = new AppServerClient(options, validators, transport);
    await client.connection.open();
    try {
      client.initializeResponse = await client.request(
        'initialize',
        { clientInfo: options.clientInfo, capabilities: client.capabilities },
        { timeoutMs: options.initializeTimeoutMs ?? 30_000 },
      );
      client.serverInfo = serverInfoFrom(client.initializeResponse);
      client.notify('initialized');
      client.ready = true;
    } catch (err) {
      await client.shutdown();
      throw err;
    }
    client.reportVersion();
    return client;
  }

  /** The last lines the server wrote to stderr (stdio transport; empty otherwise). */
  stderrTail(): string[] {
    return this.transport.stderrTail?.() ?? [];
  }

  /**
   * Sends a request and resolves with its result.
   * @throws {JsonRpcError} when the server answers with an error.
   * @throws {OverloadedError} when the server answers `-32001` (retry later), or too many requests are pending.
   * @throws {ServerExitedError} when the connection ends before the answer.
   * @throws {RequestTimeoutError} / {RequestAbortedError} per `options`.
   * @throws {ProtocolValidationError} in `strict` mode, for invalid params or an invalid result.
   * @throws {UnserialisableMessageError} when the params cannot be written as JSON (nothing is sent).
   * @throws {ClientClosedError} after `shutdown()`.
   */
  request<M extends ClientRequestMethod>(method: M, ...args: RequestArgs<M>): Promise<ClientRequestResult<M>> {
    const [params, options] = args;
    // The method maps tie the result type to `method`; the wire answer is that result.
    return this.requestRaw(method, params, options) as Promise<ClientRequestResult<M>>;
  }

  /**
   * Untyped escape hatch: sends any method (also ones the method maps of
   * `@cask/protocol` do not know yet, e.g. `fs/getMetadata`) with the same
   * guarantees as {@link request}. In `strict` mode unknown methods fail
   * validation; use `warn` or `off` for them.
   */
  requestRaw(method: string, params?: unknown, options?: RequestOptions): Promise<unknown> {
    return this.connection.request(method, params, options);
  }

  /**
   * Sends a notification (no answer expected).
   * @throws {ClientClosedError} after `shutdown()` or once the connection has ended.
   * @throws {ProtocolValidationError} in `strict` mode.
   * @throws {UnserialisableMessageError} when the params cannot be written as JSON.
   */
  notify<M extends ClientNotificationMethod>(method: M, ...args: NotifyArgs<M>): void {
    this.notifyRaw(method, args[0]);
  }

  /** Untyped counterpart of {@link notify}. */
  notifyRaw(method: string, params?: unknown): void {
    if (this.shuttingDown || this.exitInfo) throw new ClientClosedError(method);
    const validators = this.validators;
    if (this.validateMode !== 'off' && validators?.validateClientNotification) {
      const refused = this.validate(
        'c2s',
        `params of client notification ${method}`,
        params,
        (o) => validators.validateClientNotification?.(method, params, o) ?? { ok: true },
      );
      if (refused) throw refused;
    }
    this.connection.notify(method, params);
  }

  /**
   * Registers the handler for one kind of server request, replacing any
   * earlier one (and taking precedence over extension handlers).
   * @returns a function that removes this handler again.
   */
  onServerRequest<M extends ServerRequestMethod>(method: M, handler: ServerRequestHandler<M>): () => void {
    // The table is keyed by method, so the handler only ever receives params of `method`.
    const h = handler as unknown as AnyHandler;
    this.handlers.set(method, h);
    return () => {
      if (this.handlers.get(method) === h) this.handlers.delete(method);
    };
  }

  /**
   * Registers a catch-all for server requests that no method handler (per
   * turn, `onServerRequest`, extension) answers, including methods the
   * protocol maps do not know yet. It runs before the `serverRequests()`
   * stream is consulted. Without it (and without a consumer), such requests
   * are answered `-32601` (method not found). Replaces an earlier catch-all.
   * @returns a function that removes it again.
   */
  onAnyServerRequest(handler: AnyServerRequestHandler): () => void {
    this.anyHandler = handler;
    return () => {
      if (this.anyHandler === handler) this.anyHandler = undefined;
    };
  }

  /**
   * Calls `listener` synchronously with the params of every notification of
   * `method`, from now on. A listener that throws is reported as a
   * `protocolIssue` and stays registered.
   * @returns a function that removes the listener.
   */
  on<M extends ServerNotificationMethod>(method: M, listener: NotificationListener<M>): () => void {
    let set = this.listeners.get(method);
    if (!set) this.listeners.set(method, (set = new Set()));
    // Keyed by method: the listener only ever receives params of `method`.
    const l = listener as unknown as AnyListener;
    set.add(l);
    this.subscriberCount++;
    return () => {
      if (set.delete(l)) this.subscriberCount--;
    };
  }

  /**
   * Calls `listener` synchronously with every notification, from now on,
   * whatever its method (also methods the protocol maps do not know). A
   * listener that throws is reported as a `protocolIssue`.
   * @returns a function that removes the listener.
   */
  onNotification(listener: AnyNotificationListener): () => void {
    this.anyListeners.add(listener);
    this.subscriberCount++;
    return () => {
      if (this.anyListeners.delete(listener)) this.subscriberCount--;
    };
  }

  /**
   * A new subscription to the server's notifications, from now on, in order.
   * Each subscription buffers up to `queueCapacity` items; when its consumer
   * falls further behind, the excess is dropped and a `{ kind: 'lagged',
   * skipped }` item takes its place; a `turn/completed` is kept even then
   * (behind that marker, up to another `queueCapacity` of them), so a turn's
   * end is never lost. The stream ends when the connection ends or the client
   * shuts down; `break` out of the loop to unsubscribe.
   */
  notifications(): AsyncIterableIterator<NotificationStreamItem> {
    return this.subscribe(this.notificationSubs);
  }

  /**
   * Like {@link notifications}, but also yields server requests (after they
   * were handed to their handler) and protocol issues.
   */
  events(): AsyncIterableIterator<ClientEvent> {
    return this.subscribe(this.eventSubs);
  }

  /**
   * Server requests that no handler answers, for the caller to answer with
   * `respond()`/`fail()`. Only the oldest open subscription receives them.
   * When its queue is full, a new server request is answered at once with
   * JSON-RPC error `-32001` (overloaded) and the stream gets a `lagged`
   * marker: an approval never waits behind a saturated queue. A request not
   * answered within `serverRequestTimeoutMs` (default 10 minutes) gets
   * `-32603`. When the consumer stops iterating (`break`) with requests
   * still unread, they pass to the next open subscription, or, without one,
   * are answered `-32601`: none is left waiting for an answer that cannot come.
   */
  serverRequests(): AsyncIterableIterator<ServerRequestStreamItem> {
    return this.subscribe(this.requestSubs, (unread) => {
      this.requeueServerRequests(unread);
    });
  }

  /** `thread/start` with the given params (all optional). */
  startThread(
    params: ClientRequestParams<'thread/start'> = {},
    options?: RequestOptions,
  ): Promise<ClientRequestResult<'thread/start'>> {
    return this.request('thread/start', params, options);
  }

  /** A {@link ThreadHandle} on an existing thread (run turns, follow its state). */
  thread(threadId: string, options?: ThreadHandleOptions): ThreadHandle {
    return new ThreadHandle(this, threadId, options);
  }

  /** Like {@link startThread}, but resolves with a {@link ThreadHandle} on the new thread. */
  startThreadHandle(
    params: ClientRequestParams<'thread/start'> = {},
    options?: ThreadHandleOptions,
  ): Promise<ThreadHandle> {
    return ThreadHandle.start(this, params, options);
  }

  /**
   * Starts a turn and returns its stream: this turn's notifications (items,
   * deltas, ...) in order, ending with its `turn/completed` (whose
   * `params.turn.status` is the final status; also available as
   * `run.completed`). Server requests of this thread go to
   * `options.handlers` first, then to the client's handlers. The stream
   * rejects when `turn/start` fails or the connection ends first.
   *
   * @param input a string (sent as one text input) or the `turn/start` input array.
   */
  runTurn(
    threadId: string,
    input: string | ClientRequestParams<'turn/start'>['input'],
    options: RunTurnOptions = {},
  ): TurnRun {
    const { handlers, signal, timeoutMs, ...rest } = options;
    const items: ClientRequestParams<'turn/start'>['input'] =
      typeof input === 'string' ? [{ type: 'text', text: input, text_elements: [] }] : input;
    const table = handlers ? handlerTable(handlers) : undefined;
    if (table) this.threadHandlers.set(threadId, table);
    const run = new TurnRun(threadId, this.queueCapacity, {
      tap: (t) => {
        this.taps.add(t);
        this.subscriberCount++;
        return () => {
          if (this.taps.delete(t)) this.subscriberCount--;
        };
      },
      interrupt: (turnId) => this.request('turn/interrupt', { threadId, turnId }),
      done: () => {
        if (table && this.threadHandlers.get(threadId) === table) this.threadHandlers.delete(threadId);
      },
      countDropped: (n) => (this.dropped += n),
    });
    if (this.exitInfo || this.shuttingDown) {
      run.fail(
        this.exitInfo && !this.shuttingDown
          ? new ServerExitedError('turn/start', this.exitInfo)
          : new ClientClosedError('turn/start'),
      );
      return run;
    }
    run.attach(
      this.request(
        'turn/start',
        { ...rest, threadId, input: items },
        timeoutMs !== undefined ? { timeoutMs } : undefined,
      ),
      signal,
    );
    return run;
  }

  /**
   * Closes the connection: for stdio, closes the server's stdin and waits,
   * then SIGTERM and waits, then SIGKILL, all within about `timeoutMs`
   * (default `shutdownTimeoutMs`), and resolves with how the server process
   * really ended (its exit code or signal), also when the connection had
   * already ended some other way. Pending requests reject at once with
   * {@link ClientClosedError}. Idempotent: every call returns the same
   * promise.
   */
  shutdown(options?: { timeoutMs?: number }): Promise<ServerExit> {
    this.shuttingDown ??= (async () => {
      const timeoutMs =
        options?.timeoutMs ?? this.options.shutdownTimeoutMs ?? 2 * (this.options.shutdownGraceMs ?? 2_000);
      const exit = await this.connection.close(timeoutMs);
      this.onEnded(exit, true);
      return exit;
    })();
    return this.shuttingDown;
  }

  // ---------------------------------------------------------------- internals

  private subscribe<T>(set: Set<BoundedQueue<T>>, onDiscard?: (items: T[]) => void): BoundedQueue<T> {
    const queue: BoundedQueue<T> = new BoundedQueue<T>(
      this.queueCapacity,
      () => {
        if (set.delete(queue)) this.subscriberCount--;
      },
      () => this.dropped++,
      onDiscard,
    );
    if (this.exitInfo) queue.close();
    else {
      set.add(queue);
      this.subscriberCount++;
    }
    return queue;
  }

  private firstRequestSub(): BoundedQueue<PendingServerRequest> | undefined {
    for (const q of this.requestSubs) return q;
    return undefined;
  }

  /** Hands server requests left unread by a subscription that ended to the next one, or answers them. */
  private requeueServerRequests(unread: PendingServerRequest[]): void {
    for (const req of unread) {
      if (req.signal.aborted) continue; // answered, timed out, resolved by the server, or the connection ended
      const next = this.firstRequestSub();
      if (next?.push(req)) continue;
      req.fail(
        next
          ? {
              code: OVERLOADED_ERROR_CODE,
              message: `client overloaded: its server-request queue is full (capacity ${next.capacity}); ${req.method} cannot be answered in time`,
              data: { reason: 'clientQueueFull' },
            }
          : {
              code: METHOD_NOT_FOUND,
              message: `client has no handler for server request ${req.method}: its serverRequests() consumer stopped before answering it`,
            },
      );
    }
  }

  private issue(issue: ConnectionIssue): void {
    const full: ProtocolIssue = { kind: 'protocolIssue', ...issue };
    const callback = this.options.onProtocolIssue;
    if (callback) {
      try {
        callback(full);
      } catch {
        // A throwing issue callback must not break the message path; the issue still reaches events().
      }
    } else if (this.eventSubs.size === 0) {
      this.warnings.warn(`${full.subject}: ${full.message}`);
    }
    for (const q of this.eventSubs) q.push(full);
  }

  private warn(warning: ClientWarning): void {
    try {
      this.options.onWarning?.(warning);
    } catch {
      // A throwing warning callback must not break the session.
    }
  }

  private reportVersion(): void {
    const info = this.serverInfo;
    if (info.matchesExpected !== false) return;
    this.warn({
      kind: 'versionMismatch',
      message: `the server reports codex ${String(info.version)}, this client was built for the protocol of codex ${info.expectedRelease}: methods or fields may differ`,
      serverVersion: info.version,
      expectedRelease: info.expectedRelease,
    });
  }

  /** Runs one validator (guarded: it never throws, its output is bounded); returns the strict-mode error, if any. */
  private validate(
    direction: 'c2s' | 's2c',
    subject: string,
    raw: unknown,
    run: (o: { experimental: boolean }) => ValidationOutcome,
  ): ProtocolValidationError | undefined {
    if (this.validateMode === 'off' || !this.validators) return undefined;
    const outcome = boundedOutcome(guardedValidate(() => run({ experimental: this.experimental })));
    if (outcome.ok) return undefined;
    this.issue({ direction, subject, message: outcome.message, errors: outcome.errors, raw });
    return this.validateMode === 'strict'
      ? new ProtocolValidationError(subject, outcome.message, outcome.errors)
      : undefined;
  }

  private checks(): MessageChecks {
    return {
      outboundRequest: (method, params) =>
        this.validate(
          'c2s',
          `params of client request ${method}`,
          params,
          (o) => this.validators?.validateClientRequest(method, params, o) ?? { ok: true },
        ),
      inboundResult: (method, result) =>
        this.validate(
          's2c',
          `result of client request ${method}`,
          result,
          (o) => this.validators?.validateServerResult(method, result, o) ?? { ok: true },
        ),
      outboundResult: (method, result) => {
        const err = this.validate(
          'c2s',
          `result of server request ${method}`,
          result,
          (o) => this.validators?.validateClientResult(method, result, o) ?? { ok: true },
        );
        return err
          ? { code: INTERNAL_ERROR, message: `the client produced an invalid result: ${err.message}` }
          : undefined;
      },
    };
  }

  private onNotificationMessage(method: string, params: unknown, raw: Record<string, unknown>): void {
    if (method === 'serverRequest/resolved' && typeof params === 'object' && params !== null) {
      const requestId: unknown = Reflect.get(params, 'requestId');
      if (typeof requestId === 'number' || typeof requestId === 'string') {
        this.connection.withdraw(requestId, 'the server resolved this request');
      }
    }
    if (this.validateMode !== 'off') {
      const validators = this.validators;
      const refused = this.validate('s2c', `params of server notification ${method}`, params, (o) =>
        validators ? validators.validateServerNotification(method, params, o) : { ok: true },
      );
      // Strict: an invalid notification is delivered only as the protocolIssue just reported.
      if (refused) return;
    }
    if (!this.ready) {
      if (this.startupNotifications.length < this.queueCapacity) {
        this.startupNotifications.push(notificationEvent(method, params, raw));
      } else this.dropped++;
    }
    if (this.subscriberCount === 0) return;
    const event = notificationEvent(method, params, raw);
    // A turn's end is never dropped for lack of room: a consumer waiting for it would wait forever.
    const terminal = event.method === 'turn/completed';
    for (const q of this.notificationSubs) q.push(event, terminal);
    for (const q of this.eventSubs) q.push(event, terminal);
    for (const tap of this.taps) tap.notify(event);
    const set = this.listeners.get(method);
    if (set !== undefined) {
      for (const l of set) {
        try {
          l(params, event);
        } catch (err) {
          this.issue({
            direction: 's2c',
            subject: `listener for ${method}`,
            message: `threw: ${describeThrown(err)}`,
            raw,
          });
        }
      }
    }
    for (const l of this.anyListeners) {
      try {
        l({ method, params, raw });
      } catch (err) {
        this.issue({
          direction: 's2c',
          subject: `notification listener`,
          message: `threw: ${describeThrown(err)}`,
          raw,
        });
      }
    }
  }

  private handlerFor(method: string, params: unknown): AnyHandler | undefined {
    if (typeof params === 'object' && params !== null && this.threadHandlers.size > 0) {
      const threadId: unknown = Reflect.get(params, 'threadId');
      if (typeof threadId === 'string') {
        const h = this.threadHandlers.get(threadId)?.get(method);
        if (h) return h;
      }
    }
    return this.handlers.get(method) ?? this.extensionHandlers.get(method);
  }

  private onServerRequestMessage(answer: ServerRequestAnswer): void {
    const { id, method, params } = answer;
    if (this.validateMode !== 'off') {
      const validators = this.validators;
      const refused = this.validate('s2c', `params of server request ${method}`, params, (o) =>
        validators ? validators.validateServerRequest(method, params, o) : { ok: true },
      );
      if (refused) {
        answer.fail({ code: INVALID_PARAMS, message: refused.message });
        return;
      }
    }
    if (this.eventSubs.size) {
      // A server request as received; typed by the method maps (validated when validation is on).
      const event = { kind: 'serverRequest', id, method, params } as ServerRequestEvent;
      for (const q of this.eventSubs) q.push(event);
    }
    const handler = this.handlerFor(method, params);
    if (handler) {
      answer.settleFrom(() => handler(params, { id, method, signal: answer.signal }));
      return;
    }
    const any = this.anyHandler;
    if (any) {
      answer.settleFrom(() => any({ id, method, params, signal: answer.signal }));
      return;
    }
    const sub = this.firstRequestSub();
    if (sub) {
      // The pending request mirrors the wire request; its method/params pairing is the typed union's.
      const pending = {
        kind: 'serverRequest',
        id,
        method,
        params,
        signal: answer.signal,
        respond: (result: unknown) => answer.respond(result),
        fail: (error: unknown) => answer.fail(error),
      } as unknown as PendingServerRequest;
      if (!sub.push(pending)) {
        answer.fail({
          code: OVERLOADED_ERROR_CODE,
          message: `client overloaded: its server-request queue is full (capacity ${sub.capacity}); ${method} cannot be answered in time`,
          data: { reason: 'clientQueueFull' },
        });
      }
      return;
    }
    answer.fail({ code: METHOD_NOT_FOUND, message: `client has no handler for server request ${method}` });
  }

  private onEnded(exit: ServerExit, byClient: boolean): void {
    if (this.exitInfo) return;
    this.exitInfo = exit;
    for (const q of [...this.notificationSubs]) q.close();
    for (const q of [...this.eventSubs]) q.close();
    for (const q of [...this.requestSubs]) q.close();
    const err =
      byClient || this.shuttingDown
        ? new ClientClosedError('turn')
        : new ServerExitedError('turn did not complete', exit);
    for (const tap of [...this.taps]) tap.fail(err);
    this.resolveExited(exit);
  }
}

/** Caller capabilities first, then each extension's on top; the `extensions` maps are merged key by key. */
function mergeCapabilities(options: AppServerClientOptions): InitializeCapabilities | null {
  const exts = options.extensions ?? [];
  if (!options.capabilities && !exts.some((e) => e.capabilities)) return null;
  let merged: InitializeCapabilities = { ...(options.capabilities ?? {}) };
  for (const ext of exts) {
    if (!ext.capabilities) continue;
    const extMap = ext.capabilities.extensions
      ? { ...(merged.extensions ?? {}), ...ext.capabilities.extensions }
      : merged.extensions;
    merged = { ...merged, ...ext.capabilities };
    if (extMap !== undefined) merged.extensions = extMap;
  }
  return merged;
}
