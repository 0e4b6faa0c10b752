/**
 * `AppServerClient`: performs the handshake over a {@link Transport} and
 * speaks the app-server's JSON-RPC dialect (no `"jsonrpc"` member).
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
  JSONRPCMessage,
  JsonValue,
  RequestId,
  ServerNotificationMethod,
  ServerNotificationParams,
  ServerRequestMethod,
} from '@cask/protocol';
import {
  ClientClosedError,
  JsonRpcError,
  OVERLOADED_ERROR_CODE,
  OverloadedError,
  ProtocolValidationError,
  RequestAbortedError,
  RequestTimeoutError,
  ServerExitedError,
} from './errors.js';
import { BoundedQueue, DEFAULT_QUEUE_CAPACITY } from './queue.js';
import { StdioTransport } from './stdio.js';
import type { MalformedInput, ServerExit, Transport } from './transport.js';
import { ThreadHandle, type ThreadHandleOptions } from './thread-handle.js';
import { TurnRun, type TurnTap } from './turn.js';
import type {
  AppServerClientOptions,
  ClientEvent,
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
import { loadValidators, type ProtocolValidators, type ValidationOutcome } from './validation.js';

/** JSON-RPC error code: the method does not exist / has no handler. */
export const METHOD_NOT_FOUND = -32601;
/** JSON-RPC error code: invalid params. */
export const INVALID_PARAMS = -32602;
/** JSON-RPC error code: internal error. */
export const INTERNAL_ERROR = -32603;

/** Default of `maxPendingRequests`. */
export const DEFAULT_MAX_PENDING_REQUESTS = 10_000;

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

interface Pending {
  method: string;
  id: RequestId;
  resolve: (value: unknown) => void;
  reject: (err: unknown) => void;
  timer: NodeJS.Timeout | undefined;
  signal: AbortSignal | undefined;
  onAbort: (() => void) | undefined;
}

type AnyHandler = (params: unknown, ctx: { id: RequestId; method: string; signal: AbortSignal }) => unknown;
type JsonRpcErrorBody = { code: number; message: string; data?: JsonValue };
type AnyListener = (params: unknown, event: NotificationEvent) => void;

/**
 * A connection to one app-server.
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
  /** The capabilities actually sent in `initialize` (caller's merged with the extensions'). */
  readonly capabilities: InitializeCapabilities | null;
  /** Resolves when the connection has ended (for whatever reason). */
  readonly exited: Promise<ServerExit>;
  /** The transport in use. */
  readonly transport: Transport;
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
    return this.pending.size;
  }
  /** The server's process id (stdio transport). */
  get pid(): number | undefined {
    return this.transport.pid;
  }

  private readonly pending = new Map<RequestId, Pending>();
  private readonly handlers = new Map<string, AnyHandler>();
  private readonly extensionHandlers = new Map<string, AnyHandler>();
  private readonly threadHandlers = new Map<string, ServerRequestHandlers>();
  private readonly inflight = new Map<RequestId, AbortController>();
  private readonly notificationSubs = new Set<BoundedQueue<NotificationEvent>>();
  private readonly eventSubs = new Set<BoundedQueue<ClientEvent>>();
  private readonly requestSubs = new Set<BoundedQueue<PendingServerRequest>>();
  private readonly listeners = new Map<string, Set<AnyListener>>();
  private readonly taps = new Set<TurnTap>();
  private readonly validateMode: ValidationMode;
  private readonly experimental: boolean;
  private readonly queueCapacity: number;
  private readonly maxPending: number;
  private subscriberCount = 0;
  private ready = false;
  private nextId = 0;
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
    this.maxPending = options.maxPendingRequests ?? DEFAULT_MAX_PENDING_REQUESTS;
    new BoundedQueue(this.queueCapacity); // validates the capacity up front
    for (const ext of options.extensions ?? []) {
      for (const [method, handler] of Object.entries(ext.serverRequestHandlers ?? {})) {
        if (handler && !this.extensionHandlers.has(method)) this.extensionHandlers.set(method, handler as AnyHandler);
      }
    }
    this.exited = new Promise((resolve) => (this.resolveExited = resolve));
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
        process.emitWarning(`${(err as Error).message}; continuing without validation`, 'CaskValidationWarning');
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
    await transport.connect({
      message: (m) => client.onInbound(m),
      malformed: (p) => client.onMalformed(p),
      closed: (exit) => client.finish(exit),
    });
    try {
      client.initializeResponse = await client.request(
        'initialize',
        { clientInfo: options.clientInfo, capabilities: client.capabilities },
        { timeoutMs: options.initializeTimeoutMs ?? 30_000 },
      );
      client.notify('initialized');
      client.ready = true;
    } catch (err) {
      await client.shutdown();
      throw err;
    }
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
   * @throws {ClientClosedError} after `shutdown()`.
   */
  request<M extends ClientRequestMethod>(method: M, ...args: RequestArgs<M>): Promise<ClientRequestResult<M>> {
    const [params, options] = args as [unknown, RequestOptions | undefined];
    return this.requestRaw(method, params, options) as Promise<ClientRequestResult<M>>;
  }

  /**
   * Untyped escape hatch: sends any method (also ones the method maps of
   * `@cask/protocol` do not know yet, e.g. `fs/getMetadata`) with the same
   * guarantees as {@link request}. In `strict` mode unknown methods fail
   * validation; use `warn` or `off` for them.
   */
  requestRaw(method: string, params?: unknown, options?: RequestOptions): Promise<unknown> {
    return new Promise<unknown>((resolve, reject) => {
      if (this.shuttingDown || this.exitInfo) {
        reject(
          this.exitInfo && !this.shuttingDown
            ? new ServerExitedError(method, this.exitInfo)
            : new ClientClosedError(method),
        );
        return;
      }
      const signal = options?.signal;
      if (signal?.aborted) {
        reject(new RequestAbortedError(method, undefined, signal.reason));
        return;
      }
      if (this.pending.size >= this.maxPending) {
        reject(
          new OverloadedError(
            method,
            null,
            {
              code: OVERLOADED_ERROR_CODE,
              message: `client overloaded: ${this.pending.size} requests already wait for an answer (maxPendingRequests)`,
            },
            'client',
          ),
        );
        return;
      }
      if (
        this.validateMode !== 'off' &&
        !this.check(
          'c2s',
          `params of client request ${method}`,
          params,
          (v, o) => v.validateClientRequest(method, params, o),
          reject,
        )
      )
        return;
      const id = this.nextId++;
      const p: Pending = { method, id, resolve, reject, timer: undefined, signal, onAbort: undefined };
      const timeoutMs = options?.timeoutMs ?? this.options.requestTimeoutMs;
      if (timeoutMs !== undefined && timeoutMs > 0) {
        p.timer = setTimeout(() => {
          if (this.takePending(id)) reject(new RequestTimeoutError(method, id, timeoutMs));
        }, timeoutMs);
      }
      if (signal) {
        p.onAbort = () => {
          if (this.takePending(id)) reject(new RequestAbortedError(method, id, signal.reason));
        };
        signal.addEventListener('abort', p.onAbort, { once: true });
      }
      this.pending.set(id, p);
      this.write(
        params === undefined ? ({ id, method } as JSONRPCMessage) : ({ id, method, params } as JSONRPCMessage),
      );
    });
  }

  /**
   * Sends a notification (no answer expected).
   * @throws {ClientClosedError} after `shutdown()` or once the connection has ended.
   * @throws {ProtocolValidationError} in `strict` mode.
   */
  notify<M extends ClientNotificationMethod>(method: M, ...args: NotifyArgs<M>): void {
    this.notifyRaw(method, args[0]);
  }

  /** Untyped counterpart of {@link notify}. */
  notifyRaw(method: string, params?: unknown): void {
    if (this.shuttingDown || this.exitInfo) throw new ClientClosedError(method);
    if (this.validateMode !== 'off' && this.validators?.validateClientNotification) {
      let refused: ProtocolValidationError | undefined;
      this.check(
        'c2s',
        `params of client notification ${method}`,
        params,
        (v, o) => v.validateClientNotification!(method, params, o),
        (err) => {
          refused = err;
        },
      );
      if (refused) throw refused;
    }
    this.write(params === undefined ? ({ method } as JSONRPCMessage) : ({ method, params } as JSONRPCMessage));
  }

  /**
   * Registers the handler for one kind of server request, replacing any
   * earlier one (and taking precedence over extension handlers).
   * @returns a function that removes this handler again.
   */
  onServerRequest<M extends ServerRequestMethod>(method: M, handler: ServerRequestHandler<M>): () => void {
    const h = handler as unknown as AnyHandler;
    this.handlers.set(method, h);
    return () => {
      if (this.handlers.get(method) === h) this.handlers.delete(method);
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
    const l = listener as unknown as AnyListener;
    set.add(l);
    this.subscriberCount++;
    return () => {
      if (set.delete(l)) this.subscriberCount--;
    };
  }

  /**
   * A new subscription to the server's notifications, from now on, in order.
   * Each subscription buffers up to `queueCapacity` items; when its consumer
   * falls further behind, the excess is dropped and a `{ kind: 'lagged',
   * skipped }` item takes its place. The stream ends when the connection
   * ends or the client shuts down; `break` out of the loop to unsubscribe.
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
   * marker: an approval never waits behind a saturated queue. With
   * `serverRequestTimeoutMs`, a request not answered in time gets `-32603`.
   * When the consumer stops iterating (`break`) with requests still unread,
   * they pass to the next open subscription, or, without one, are answered
   * `-32601`: none is left waiting for an answer that cannot come.
   */
  serverRequests(): AsyncIterableIterator<ServerRequestStreamItem> {
    return this.subscribe(this.requestSubs, (unread) => this.requeueServerRequests(unread));
  }

  /** `thread/start` with the given params (all optional). */
  startThread(
    params: ClientRequestParams<'thread/start'> = {} as ClientRequestParams<'thread/start'>,
    options?: RequestOptions,
  ): Promise<ClientRequestResult<'thread/start'>> {
    return this.requestRaw('thread/start', params, options) as Promise<ClientRequestResult<'thread/start'>>;
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
    const items =
      typeof input === 'string'
        ? ([{ type: 'text', text: input, text_elements: [] }] as ClientRequestParams<'turn/start'>['input'])
        : input;
    if (handlers) this.threadHandlers.set(threadId, handlers);
    const run = new TurnRun(threadId, this.queueCapacity, {
      tap: (t) => {
        this.taps.add(t);
        this.subscriberCount++;
        return () => {
          if (this.taps.delete(t)) this.subscriberCount--;
        };
      },
      interrupt: (turnId) =>
        this.request('turn/interrupt', { threadId, turnId } as ClientRequestParams<'turn/interrupt'>),
      done: () => {
        if (handlers && this.threadHandlers.get(threadId) === handlers) this.threadHandlers.delete(threadId);
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
      this.requestRaw(
        'turn/start',
        { ...rest, threadId, input: items },
        timeoutMs !== undefined ? { timeoutMs } : undefined,
      ) as Promise<ClientRequestResult<'turn/start'>>,
      signal,
    );
    return run;
  }

  /**
   * Closes the connection: for stdio, closes the server's stdin and waits,
   * then SIGTERM and waits, then SIGKILL, all within about `timeoutMs`
   * (default `shutdownTimeoutMs`). Pending requests reject at once with
   * {@link ClientClosedError}. Idempotent: every call returns the same
   * promise.
   */
  shutdown(options?: { timeoutMs?: number }): Promise<ServerExit> {
    this.shuttingDown ??= (async () => {
      this.rejectAllPending(() => undefined);
      if (this.exitInfo) return this.exitInfo;
      const timeoutMs =
        options?.timeoutMs ?? this.options.shutdownTimeoutMs ?? 2 * (this.options.shutdownGraceMs ?? 2_000);
      const exit = await this.transport.close({ timeoutMs });
      this.finish(exit);
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

  /** Hands server requests left unread by a subscription that ended to the next one, or answers them. */
  private requeueServerRequests(unread: PendingServerRequest[]): void {
    for (const req of unread) {
      if (req.signal.aborted) continue; // answered by timeout, resolved by the server, or the connection ended
      const next = this.requestSubs.values().next().value as BoundedQueue<PendingServerRequest> | undefined;
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

  private takePending(id: RequestId): Pending | undefined {
    const p = this.pending.get(id);
    if (!p) return undefined;
    this.pending.delete(id);
    if (p.timer) clearTimeout(p.timer);
    if (p.onAbort) p.signal!.removeEventListener('abort', p.onAbort);
    return p;
  }

  private rejectAllPending(makeError: (p: Pending) => unknown): void {
    for (const id of [...this.pending.keys()]) {
      const p = this.takePending(id)!;
      p.reject(makeError(p) ?? new ClientClosedError(p.method));
    }
  }

  private write(message: JSONRPCMessage): void {
    this.options.onMessage?.('c2s', message);
    this.transport.send(message);
  }

  private issue(issue: Omit<ProtocolIssue, 'kind'>): void {
    const full: ProtocolIssue = { kind: 'protocolIssue', ...issue };
    if (this.options.onProtocolIssue) this.options.onProtocolIssue(full);
    else if (this.eventSubs.size === 0) {
      process.emitWarning(`${full.subject}: ${full.message}`, 'CaskProtocolWarning');
    }
    for (const q of this.eventSubs) q.push(full);
  }

  /**
   * Runs one validator when validation is on. Returns false (after rejecting
   * through `fail`) only in strict mode for an invalid message.
   */
  private check(
    direction: 'c2s' | 's2c',
    subject: string,
    raw: unknown,
    run: (v: ProtocolValidators, o: { experimental: boolean }) => ValidationOutcome,
    fail?: (err: ProtocolValidationError) => void,
  ): boolean {
    if (this.validateMode === 'off' || !this.validators) return true;
    let outcome: ValidationOutcome;
    try {
      outcome = run(this.validators, { experimental: this.experimental });
    } catch (err) {
      outcome = { ok: false, message: `validator threw: ${(err as Error).message}` };
    }
    if (outcome.ok) return true;
    this.issue({ direction, subject, message: outcome.message, errors: outcome.errors, raw });
    if (this.validateMode === 'strict') {
      fail?.(new ProtocolValidationError(subject, outcome.message, outcome.errors));
      return false;
    }
    return true;
  }

  private onMalformed(p: MalformedInput): void {
    this.issue({ direction: 's2c', subject: p.subject, message: p.message, raw: p.raw });
  }

  private onInbound(msg: Record<string, unknown>): void {
    this.options.onMessage?.('s2c', msg as unknown as JSONRPCMessage);
    const method = msg['method'];
    const id = msg['id'];
    if (typeof method === 'string') {
      if (id === undefined || id === null) this.onNotification(method, msg['params'], msg);
      else if (typeof id === 'number' || typeof id === 'string') this.onServerRequestMessage(id, method, msg['params']);
      else
        this.issue({
          direction: 's2c',
          subject: 'invalid id',
          message: `request ${method} has an id that is neither a number nor a string`,
          raw: msg,
        });
    } else if ((typeof id === 'number' || typeof id === 'string') && ('result' in msg || 'error' in msg)) {
      this.onResponse(id, msg);
    } else {
      this.issue({
        direction: 's2c',
        subject: 'unrecognised message',
        message: 'neither a request, a notification nor a response (needs "method", or "id" with "result"/"error")',
        raw: msg,
      });
    }
  }

  private onResponse(id: RequestId, msg: Record<string, unknown>): void {
    const p = this.takePending(id);
    if (!p) {
      this.issue({
        direction: 's2c',
        subject: 'unknown response id',
        message: `a response has id ${JSON.stringify(id)}, which no pending request has (answered already, timed out, aborted, or never sent)`,
        raw: msg,
      });
      return;
    }
    if ('error' in msg) {
      const e = msg['error'] as { code?: unknown; message?: unknown; data?: JsonValue } | null;
      const body: JsonRpcErrorBody = {
        code: typeof e?.code === 'number' ? e.code : INTERNAL_ERROR,
        message: typeof e?.message === 'string' ? e.message : JSON.stringify(e),
        ...(e && typeof e === 'object' && 'data' in e ? { data: e.data } : {}),
      };
      p.reject(
        body.code === OVERLOADED_ERROR_CODE
          ? new OverloadedError(p.method, id, body, 'server')
          : new JsonRpcError(p.method, id, body),
      );
      return;
    }
    const result = msg['result'];
    if (
      this.validateMode !== 'off' &&
      !this.check(
        's2c',
        `result of client request ${p.method}`,
        result,
        (v, o) => v.validateServerResult(p.method, result, o),
        p.reject,
      )
    )
      return;
    p.resolve(result);
  }

  private onNotification(method: string, params: unknown, raw: Record<string, unknown>): void {
    if (method === 'serverRequest/resolved') {
      const requestId = (params as { requestId?: RequestId } | undefined)?.requestId;
      if (requestId !== undefined) this.inflight.get(requestId)?.abort(new Error('the server resolved this request'));
    }
    if (
      this.validateMode !== 'off' &&
      !this.check('s2c', `params of server notification ${method}`, params, (v, o) =>
        v.validateServerNotification(method, params, o),
      )
    ) {
      return;
    }
    if (!this.ready) {
      if (this.startupNotifications.length < this.queueCapacity) {
        this.startupNotifications.push({ kind: 'notification', method, params, raw } as unknown as NotificationEvent);
      } else this.dropped++;
    }
    if (this.subscriberCount === 0) return;
    const event = { kind: 'notification', method, params, raw } as unknown as NotificationEvent;
    for (const q of this.notificationSubs) q.push(event);
    for (const q of this.eventSubs) q.push(event);
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
            message: `threw: ${(err as Error)?.message ?? String(err)}`,
            raw,
          });
        }
      }
    }
  }

  private onServerRequestMessage(id: RequestId, method: string, params: unknown): void {
    let answered = false;
    let timer: NodeJS.Timeout | undefined;
    const controller = new AbortController();
    const finishAnswer = () => {
      answered = true;
      if (timer) clearTimeout(timer);
      if (this.inflight.get(id) === controller) this.inflight.delete(id);
    };
    const reply = (body: { result: unknown } | { error: JsonRpcErrorBody }): boolean => {
      if (answered || controller.signal.aborted) return false;
      finishAnswer();
      if (this.exitInfo || this.shuttingDown) return false;
      this.write({ id, ...body } as JSONRPCMessage);
      return true;
    };
    const replyError = (error: JsonRpcErrorBody) => reply({ error });
    const replyResult = (result: unknown): boolean => {
      if (answered || controller.signal.aborted) return false;
      let ok = true;
      if (this.validateMode !== 'off') {
        ok = this.check(
          'c2s',
          `result of server request ${method}`,
          result,
          (v, o) => v.validateClientResult(method, result, o),
          (err) => {
            replyError({ code: INTERNAL_ERROR, message: `the client produced an invalid result: ${err.message}` });
          },
        );
      }
      return ok ? reply({ result: result === undefined ? null : result }) : false;
    };

    if (this.validateMode !== 'off') {
      let valid = true;
      this.check(
        's2c',
        `params of server request ${method}`,
        params,
        (v, o) => v.validateServerRequest(method, params, o),
        (err) => {
          valid = false;
          replyError({ code: INVALID_PARAMS, message: err.message });
        },
      );
      if (!valid) return;
    }
    if (this.eventSubs.size) {
      const event = { kind: 'serverRequest', id, method, params } as ServerRequestEvent;
      for (const q of this.eventSubs) q.push(event);
    }
    this.inflight.set(id, controller);
    const timeoutMs = this.options.serverRequestTimeoutMs;
    if (timeoutMs !== undefined && timeoutMs > 0) {
      timer = setTimeout(() => {
        if (
          replyError({
            code: INTERNAL_ERROR,
            message: `the client did not answer ${method} within ${timeoutMs} ms`,
            data: { reason: 'timeout' },
          })
        ) {
          controller.abort(new Error(`no answer within ${timeoutMs} ms`));
        }
      }, timeoutMs);
    }

    const threadId = (params as { threadId?: unknown } | null | undefined)?.threadId;
    const handler =
      (typeof threadId === 'string'
        ? (this.threadHandlers.get(threadId)?.[method as ServerRequestMethod] as AnyHandler | undefined)
        : undefined) ??
      this.handlers.get(method) ??
      this.extensionHandlers.get(method);
    if (handler) {
      void (async () => {
        try {
          const result = await handler(params, { id, method, signal: controller.signal });
          replyResult(result);
        } catch (err) {
          const e = err as { code?: unknown; message?: unknown; data?: JsonValue } | null;
          replyError({
            code: typeof e?.code === 'number' ? e.code : INTERNAL_ERROR,
            message: typeof e?.message === 'string' ? e.message : String(err),
            ...(e && typeof e === 'object' && 'data' in e ? { data: e.data } : {}),
          });
        }
      })();
      return;
    }
    const sub = this.requestSubs.values().next().value as BoundedQueue<PendingServerRequest> | undefined;
    if (sub) {
      const pendingRequest = {
        kind: 'serverRequest',
        id,
        method,
        params,
        signal: controller.signal,
        respond: (result: unknown) => replyResult(result),
        fail: (error: JsonRpcErrorBody) => replyError(error),
      } as unknown as PendingServerRequest;
      if (!sub.push(pendingRequest)) {
        replyError({
          code: OVERLOADED_ERROR_CODE,
          message: `client overloaded: its server-request queue is full (capacity ${sub.capacity}); ${method} cannot be answered in time`,
          data: { reason: 'clientQueueFull' },
        });
        controller.abort(new Error('queue full'));
      }
      return;
    }
    replyError({ code: METHOD_NOT_FOUND, message: `client has no handler for server request ${method}` });
  }

  private finish(exit: ServerExit): void {
    if (this.exitInfo) return;
    this.exitInfo = exit;
    this.rejectAllPending((p) =>
      this.shuttingDown ? new ClientClosedError(p.method) : new ServerExitedError(`${p.method} got no answer`, exit),
    );
    for (const c of this.inflight.values()) c.abort(new Error('the connection ended'));
    this.inflight.clear();
    for (const q of [...this.notificationSubs]) q.close();
    for (const q of [...this.eventSubs]) q.close();
    for (const q of [...this.requestSubs]) q.close();
    const err = this.shuttingDown
      ? new ClientClosedError('turn')
      : new ServerExitedError('turn did not complete', exit);
    for (const tap of [...this.taps]) tap.fail(err);
    this.resolveExited(exit);
  }
}

/** Caller capabilities first, then each extension's on top; the `extensions` maps are merged key by key. */
function mergeCapabilities(options: AppServerClientOptions): InitializeCapabilities | null {
  const exts = options.extensions ?? [];
  if (!options.capabilities && !exts.some((e) => e.capabilities)) return options.capabilities ?? null;
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
