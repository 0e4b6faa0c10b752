/**
 * `AppServerClient`: spawns `codex app-server`, performs the handshake and
 * speaks JSON-RPC over its stdio (one JSON object per line).
 * @module
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createInterface } from 'node:readline';
import type {
  ClientNotificationMethod,
  ClientNotificationParams,
  ClientRequestMethod,
  ClientRequestParams,
  ClientRequestResult,
  InitializeCapabilities,
  InitializeResponse,
  JSONRPCMessage,
  JSONRPCNotification,
  JsonValue,
  RequestId,
  ServerRequestMethod,
} from '@cask/protocol';
import {
  ClientClosedError,
  JsonRpcError,
  ProtocolValidationError,
  RequestAbortedError,
  RequestTimeoutError,
  ServerExitedError,
  type ServerExit,
} from './errors.js';
import { BoundedQueue, DEFAULT_QUEUE_CAPACITY } from './queue.js';
import type {
  AppServerClientOptions,
  ClientEvent,
  NotificationEvent,
  NotificationStreamItem,
  ProtocolIssue,
  RequestOptions,
  ServerRequestEvent,
  ServerRequestHandler,
  ValidationMode,
} from './types.js';
import { loadValidators, type ProtocolValidators, type ValidationOutcome } from './validation.js';

/** JSON-RPC error code: the method does not exist / has no handler. */
export const METHOD_NOT_FOUND = -32601;
/** JSON-RPC error code: invalid params. */
export const INVALID_PARAMS = -32602;
/** JSON-RPC error code: internal error. */
export const INTERNAL_ERROR = -32603;

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

interface Pending {
  method: string;
  resolve: (value: unknown) => void;
  reject: (err: unknown) => void;
  cleanup: () => void;
}

type AnyHandler = (params: unknown, ctx: { id: RequestId; method: string; signal: AbortSignal }) => unknown;

/**
 * A connection to one `codex app-server` process.
 *
 * Create it with {@link AppServerClient.start}, which resolves only after the
 * `initialize` / `initialized` handshake, so every other request is sent on
 * an initialized connection.
 *
 * @example
 * ```ts
 * const client = await AppServerClient.start({ clientInfo: { name: 'demo', version: '1.0.0' } });
 * const { thread } = await client.request('thread/start', { approvalPolicy: 'never' });
 * await client.shutdown();
 * ```
 */
export class AppServerClient {
  /** What the server answered to `initialize`. */
  initializeResponse!: InitializeResponse;
  /** The capabilities actually sent in `initialize` (caller's merged with the extensions'). */
  readonly capabilities: InitializeCapabilities | null;
  /** Resolves when the server process has ended (for whatever reason). */
  readonly exited: Promise<ServerExit>;
  /** Number of notifications/events dropped because a subscription's queue was full, summed over subscriptions. */
  get droppedEvents(): number {
    return this.dropped;
  }
  /** The server's process id. */
  get pid(): number | undefined {
    return this.child.pid;
  }

  private readonly child: ChildProcessWithoutNullStreams;
  private readonly pending = new Map<string, Pending>();
  private readonly handlers = new Map<string, AnyHandler>();
  private readonly extensionHandlers = new Map<string, AnyHandler>();
  private readonly inflight = new Map<string, AbortController>();
  private readonly notificationSubs = new Set<BoundedQueue<NotificationEvent>>();
  private readonly eventSubs = new Set<BoundedQueue<ClientEvent>>();
  private readonly stderrLines: string[] = [];
  private readonly validateMode: ValidationMode;
  private readonly experimental: boolean;
  private nextId = 0;
  private dropped = 0;
  private exitInfo: ServerExit | undefined;
  private shuttingDown: Promise<ServerExit> | undefined;
  private resolveExited!: (exit: ServerExit) => void;

  private constructor(
    private readonly options: AppServerClientOptions,
    private readonly validators: ProtocolValidators | undefined,
  ) {
    this.validateMode = validators ? (options.validate ?? 'off') : 'off';
    this.capabilities = mergeCapabilities(options);
    this.experimental = this.capabilities?.experimentalApi === true;
    for (const ext of options.extensions ?? []) {
      for (const [method, handler] of Object.entries(ext.serverRequestHandlers ?? {})) {
        if (handler && !this.extensionHandlers.has(method)) this.extensionHandlers.set(method, handler as AnyHandler);
      }
    }
    this.exited = new Promise((resolve) => (this.resolveExited = resolve));

    const env: Record<string, string | undefined> = {
      ...(options.inheritEnv === false ? {} : process.env),
      ...options.env,
    };
    this.child = spawn(options.codexPath ?? 'codex', options.args ?? ['app-server'], {
      cwd: options.cwd,
      env: env as NodeJS.ProcessEnv,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    this.child.stdin.on('error', () => {
      // EPIPE after the server died: the exit handler reports it.
    });
    createInterface({ input: this.child.stdout, crlfDelay: Infinity }).on('line', (line) => this.onLine(line));
    createInterface({ input: this.child.stderr, crlfDelay: Infinity }).on('line', (line) => {
      this.stderrLines.push(line);
      const keep = options.stderrTailLines ?? 50;
      if (this.stderrLines.length > keep) this.stderrLines.splice(0, this.stderrLines.length - keep);
      options.onStderr?.(line);
    });
    this.child.on('error', (err) => {
      // Spawn failures (ENOENT, EACCES) never produce an exit event.
      if (this.child.pid === undefined) {
        this.stderrLines.push(`failed to start ${options.codexPath ?? 'codex'}: ${err.message}`);
        this.finish(null, null);
      }
    });
    this.child.on('close', (code, signal) => this.finish(code, signal));
  }

  /**
   * Spawns the server, sends `initialize` (with `options.clientInfo` and the
   * merged capabilities), then `initialized`, and resolves with the ready
   * client. On failure the process is stopped and the promise rejects with a
   * {@link JsonRpcError}, {@link ServerExitedError} or {@link RequestTimeoutError}.
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
    const client = new AppServerClient(options, validators);
    try {
      client.initializeResponse = await client.request(
        'initialize',
        { clientInfo: options.clientInfo, capabilities: client.capabilities },
        { timeoutMs: options.initializeTimeoutMs ?? 30_000 },
      );
      client.notify('initialized');
    } catch (err) {
      await client.shutdown();
      throw err;
    }
    return client;
  }

  /** The last lines the server wrote to stderr (at most `stderrTailLines`). */
  stderrTail(): string[] {
    return [...this.stderrLines];
  }

  /**
   * Sends a request and resolves with its result.
   * @throws {JsonRpcError} when the server answers with an error.
   * @throws {ServerExitedError} when the server exits before answering.
   * @throws {RequestTimeoutError} / {RequestAbortedError} per `options`.
   * @throws {ProtocolValidationError} in `strict` mode, for invalid params or an invalid result.
   * @throws {ClientClosedError} after `shutdown()`.
   */
  request<M extends ClientRequestMethod>(method: M, ...args: RequestArgs<M>): Promise<ClientRequestResult<M>> {
    const [params, options] = args as [unknown, RequestOptions | undefined];
    return new Promise<ClientRequestResult<M>>((resolve, reject) => {
      if (this.shuttingDown || this.exitInfo) {
        reject(this.exitInfo && !this.shuttingDown ? new ServerExitedError(method, this.exitInfo) : new ClientClosedError(method));
        return;
      }
      const signal = options?.signal;
      if (signal?.aborted) {
        reject(new RequestAbortedError(method, undefined, signal.reason));
        return;
      }
      if (!this.check('c2s', `params of client request ${method}`, params, (v, o) => v.validateClientRequest(method, params, o), reject)) return;
      const id = this.nextId++;
      const key = idKey(id);
      let timer: NodeJS.Timeout | undefined;
      const onAbort = () => {
        this.pending.delete(key);
        cleanup();
        reject(new RequestAbortedError(method, id, signal?.reason));
      };
      const cleanup = () => {
        if (timer) clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
      };
      const timeoutMs = options?.timeoutMs ?? this.options.requestTimeoutMs;
      if (timeoutMs !== undefined && timeoutMs > 0) {
        timer = setTimeout(() => {
          this.pending.delete(key);
          cleanup();
          reject(new RequestTimeoutError(method, id, timeoutMs));
        }, timeoutMs);
      }
      signal?.addEventListener('abort', onAbort, { once: true });
      this.pending.set(key, {
        method,
        resolve: resolve as (v: unknown) => void,
        reject,
        cleanup,
      });
      const message: Record<string, unknown> = { id, method };
      if (params !== undefined) message['params'] = params;
      this.write(message as unknown as JSONRPCMessage);
    });
  }

  /**
   * Sends a notification (no answer expected).
   * @throws {ClientClosedError} after `shutdown()` or once the server has exited.
   * @throws {ProtocolValidationError} in `strict` mode.
   */
  notify<M extends ClientNotificationMethod>(method: M, ...args: NotifyArgs<M>): void {
    if (this.shuttingDown || this.exitInfo) throw new ClientClosedError(method);
    const params = args[0];
    const message: Record<string, unknown> = { method };
    if (params !== undefined) message['params'] = params;
    this.write(message as unknown as JSONRPCNotification);
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
   * A new subscription to the server's notifications, from now on, in order.
   * Each subscription buffers up to `queueCapacity` items; when its consumer
   * falls further behind, the excess is dropped and a `{ kind: 'lagged',
   * skipped }` item takes its place. The stream ends when the server exits
   * or the client shuts down; `break` out of the loop to unsubscribe.
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
   * Stops the server: closes its stdin and waits `shutdownGraceMs`, then sends
   * SIGTERM and waits again, then SIGKILL. Pending requests reject with
   * {@link ClientClosedError}. Safe to call more than once; every call
   * returns the same promise.
   */
  shutdown(): Promise<ServerExit> {
    this.shuttingDown ??= (async () => {
      for (const [key, p] of this.pending) {
        this.pending.delete(key);
        p.cleanup();
        p.reject(new ClientClosedError(p.method));
      }
      if (this.exitInfo) return this.exitInfo;
      const grace = this.options.shutdownGraceMs ?? 2_000;
      this.child.stdin.end();
      if (await this.waitExit(grace)) return this.exitInfo!;
      this.child.kill('SIGTERM');
      if (await this.waitExit(grace)) return this.exitInfo!;
      this.child.kill('SIGKILL');
      return this.exited;
    })();
    return this.shuttingDown;
  }

  // ---------------------------------------------------------------- internals

  private subscribe<T extends ClientEvent>(set: Set<BoundedQueue<T>>): BoundedQueue<T> {
    const queue: BoundedQueue<T> = new BoundedQueue<T>(
      this.options.queueCapacity ?? DEFAULT_QUEUE_CAPACITY,
      () => set.delete(queue),
    );
    if (this.exitInfo) queue.close();
    else set.add(queue);
    return queue;
  }

  private publish(event: ClientEvent, toNotifications: boolean): void {
    if (toNotifications && event.kind === 'notification') {
      for (const q of this.notificationSubs) this.pushCounting(q, event);
    }
    for (const q of this.eventSubs) this.pushCounting(q, event);
  }

  private pushCounting<T>(q: BoundedQueue<T>, item: T): void {
    const before = q.dropped;
    q.push(item);
    this.dropped += q.dropped - before;
  }

  private waitExit(ms: number): Promise<boolean> {
    return new Promise((resolve) => {
      const t = setTimeout(() => resolve(false), ms);
      void this.exited.then(() => {
        clearTimeout(t);
        resolve(true);
      });
    });
  }

  private write(message: JSONRPCMessage): void {
    this.options.onMessage?.('c2s', message);
    this.child.stdin.write(JSON.stringify(message) + '\n');
  }

  private issue(issue: Omit<ProtocolIssue, 'kind'>): void {
    const full: ProtocolIssue = { kind: 'protocolIssue', ...issue };
    if (this.options.onProtocolIssue) this.options.onProtocolIssue(full);
    else if (this.eventSubs.size === 0) {
      process.emitWarning(`${full.subject}: ${full.message}`, 'CaskProtocolWarning');
    }
    this.publish(full, false);
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

  private onLine(line: string): void {
    if (!line.trim()) return;
    let msg: Record<string, unknown>;
    try {
      const parsed: unknown = JSON.parse(line);
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('not a JSON object');
      msg = parsed as Record<string, unknown>;
    } catch (err) {
      this.issue({ direction: 's2c', subject: 'unparsable line', message: (err as Error).message, raw: line });
      return;
    }
    this.options.onMessage?.('s2c', msg as unknown as JSONRPCMessage);
    const hasId = 'id' in msg && (typeof msg['id'] === 'number' || typeof msg['id'] === 'string');
    if (typeof msg['method'] === 'string') {
      if (hasId) this.onServerRequestMessage(msg['id'] as RequestId, msg['method'], msg['params']);
      else this.onNotification(msg['method'], msg['params'], msg as unknown as JSONRPCNotification);
    } else if (hasId && ('result' in msg || 'error' in msg)) {
      this.onResponse(msg['id'] as RequestId, msg);
    } else {
      this.issue({ direction: 's2c', subject: 'unrecognised message', message: 'neither a request, a notification nor a response', raw: msg });
    }
  }

  private onResponse(id: RequestId, msg: Record<string, unknown>): void {
    const key = idKey(id);
    const p = this.pending.get(key);
    if (!p) {
      this.issue({ direction: 's2c', subject: 'response', message: `no pending request has id ${JSON.stringify(id)}`, raw: msg });
      return;
    }
    this.pending.delete(key);
    p.cleanup();
    if ('error' in msg) {
      const e = msg['error'] as { code?: unknown; message?: unknown; data?: JsonValue };
      p.reject(
        new JsonRpcError(p.method, id, {
          code: typeof e?.code === 'number' ? e.code : INTERNAL_ERROR,
          message: typeof e?.message === 'string' ? e.message : JSON.stringify(e),
          ...(e && 'data' in e ? { data: e.data } : {}),
        }),
      );
      return;
    }
    const result = msg['result'];
    if (!this.check('s2c', `result of client request ${p.method}`, result, (v, o) => v.validateServerResult(p.method, result, o), p.reject)) return;
    p.resolve(result);
  }

  private onNotification(method: string, params: unknown, raw: JSONRPCNotification): void {
    if (method === 'serverRequest/resolved') {
      const requestId = (params as { requestId?: RequestId } | undefined)?.requestId;
      if (requestId !== undefined) this.inflight.get(idKey(requestId))?.abort(new Error('the server resolved this request'));
    }
    if (!this.check('s2c', `params of server notification ${method}`, params, (v, o) => v.validateServerNotification(method, params, o))) {
      return;
    }
    this.publish({ kind: 'notification', method, params, raw } as NotificationEvent, true);
  }

  private onServerRequestMessage(id: RequestId, method: string, params: unknown): void {
    const reply = (body: { result: unknown } | { error: { code: number; message: string; data?: JsonValue } }) => {
      if (this.exitInfo || this.shuttingDown) return;
      this.write({ id, ...body } as JSONRPCMessage);
    };
    let valid = true;
    this.check('s2c', `params of server request ${method}`, params, (v, o) => v.validateServerRequest(method, params, o), (err) => {
      valid = false;
      reply({ error: { code: INVALID_PARAMS, message: err.message } });
    });
    if (!valid) return;
    this.publish({ kind: 'serverRequest', id, method, params } as ServerRequestEvent, false);
    const handler = this.handlers.get(method) ?? this.extensionHandlers.get(method);
    if (!handler) {
      reply({ error: { code: METHOD_NOT_FOUND, message: `client has no handler for server request ${method}` } });
      return;
    }
    const controller = new AbortController();
    const key = idKey(id);
    this.inflight.set(key, controller);
    void (async () => {
      try {
        const result = await handler(params, { id, method, signal: controller.signal });
        if (controller.signal.aborted) return;
        const ok = this.check('c2s', `result of server request ${method}`, result, (v, o) => v.validateClientResult(method, result, o), (err) =>
          reply({ error: { code: INTERNAL_ERROR, message: `handler returned an invalid result: ${err.message}` } }),
        );
        if (ok) reply({ result: result === undefined ? null : result });
      } catch (err) {
        if (controller.signal.aborted) return;
        const e = err as { code?: unknown; message?: unknown; data?: JsonValue };
        reply({
          error: {
            code: typeof e?.code === 'number' ? e.code : INTERNAL_ERROR,
            message: typeof e?.message === 'string' ? e.message : String(err),
            ...(e && typeof e === 'object' && 'data' in e ? { data: e.data } : {}),
          },
        });
      } finally {
        this.inflight.delete(key);
      }
    })();
  }

  private finish(code: number | null, signal: NodeJS.Signals | null): void {
    if (this.exitInfo) return;
    const exit: ServerExit = { code, signal, stderrTail: this.stderrTail() };
    this.exitInfo = exit;
    for (const [key, p] of this.pending) {
      this.pending.delete(key);
      p.cleanup();
      p.reject(new ServerExitedError(`${p.method} got no answer`, exit));
    }
    for (const c of this.inflight.values()) c.abort(new Error('the server exited'));
    this.inflight.clear();
    for (const q of [...this.notificationSubs]) q.close();
    for (const q of [...this.eventSubs]) q.close();
    this.resolveExited(exit);
  }
}

function idKey(id: RequestId): string {
  return typeof id === 'number' ? `n:${id}` : `s:${id}`;
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
