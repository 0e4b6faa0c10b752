/**
 * `Connection`: JSON-RPC over a {@link Transport}, knowing nothing about
 * the app-server's methods. It owns request ids, the pending map, timeouts
 * and aborts, response matching, inbound dispatch and the answer lifecycle
 * of server requests; the session (`AppServerClient`) sits on top.
 *
 * Guarantees:
 * - every outbound message is serialised before any state changes, so one
 *   that cannot be serialised is an error to the caller, never a leaked
 *   pending slot or a crash;
 * - every pending request settles exactly once (answer, error, timeout,
 *   abort, or the end of the connection);
 * - every server request gets exactly one answer unless the server
 *   withdrew it or the connection ended (see {@link ServerRequestAnswer});
 * - nothing the peer sends can throw out of the transport's callbacks.
 * @module
 */
import type { JSONRPCMessage, RequestId } from '@cask/protocol';
import {
  ClientClosedError,
  JsonRpcError,
  OVERLOADED_ERROR_CODE,
  OverloadedError,
  RequestAbortedError,
  RequestTimeoutError,
  ServerExitedError,
} from './errors.js';
import {
  INTERNAL_ERROR,
  MAX_ERROR_MESSAGE_CHARS,
  describeThrown,
  isRecord,
  serialise,
  UnserialisableMessageError,
  type JsonRpcErrorBody,
} from './json-rpc.js';
import { ServerRequestAnswer, type AnswerHost } from './server-request.js';
import type { MalformedInput, ServerExit, Transport } from './transport.js';
import type { Direction } from './types.js';

/** Default of `maxPendingRequests`. */
export const DEFAULT_MAX_PENDING_REQUESTS = 10_000;
/** Default of `maxPendingServerRequests`. */
export const DEFAULT_MAX_PENDING_SERVER_REQUESTS = 1_000;

/** A problem the connection reports (the session turns it into a `protocolIssue`). */
export interface ConnectionIssue {
  direction: Direction;
  subject: string;
  message: string;
  errors?: unknown;
  raw: unknown;
}

/**
 * Optional checks the session plugs in (schema validation). Each returns
 * `undefined` to let the message through, or the error to use instead.
 */
export interface MessageChecks {
  /** Params of a request about to be sent: an error rejects the request unsent. */
  outboundRequest?(method: string, params: unknown): Error | undefined;
  /** A result that arrived for `method`: an error rejects the request with it. */
  inboundResult?(method: string, result: unknown): Error | undefined;
  /** A result about to be sent for server request `method`: an error body is sent instead. */
  outboundResult?(method: string, result: unknown): JsonRpcErrorBody | undefined;
}

/** What a connection reports upward. */
export interface ConnectionEvents {
  /** A notification arrived. */
  notification(method: string, params: unknown, raw: Record<string, unknown>): void;
  /** A server request arrived; answer it through `answer` (exactly once). */
  serverRequest(answer: ServerRequestAnswer): void;
  /** Something was wrong with what arrived (or with answering it). */
  issue(issue: ConnectionIssue): void;
  /** The connection ended; called once, after every pending request was rejected. */
  ended(exit: ServerExit, byClient: boolean): void;
}

/** Options of {@link Connection}. */
export interface ConnectionOptions {
  /** Most requests waiting for an answer at once. Default {@link DEFAULT_MAX_PENDING_REQUESTS}. */
  maxPendingRequests?: number;
  /** Most server requests waiting for the client's answer at once; more are answered `-32001`. Default {@link DEFAULT_MAX_PENDING_SERVER_REQUESTS}. */
  maxPendingServerRequests?: number;
  /** Default request timeout in ms (none by default). */
  requestTimeoutMs?: number;
  /** How long a server request may wait for its answer, in ms. `0` or `Infinity`: no limit. */
  serverRequestTimeoutMs?: number;
  /** Transcript hook, in wire order. A hook that throws is reported, not propagated. */
  onMessage?: (direction: Direction, message: JSONRPCMessage) => void;
  /** Message checks (validation). */
  checks?: MessageChecks;
}

/** Per-request options of {@link Connection.request}. */
export interface ConnectionRequestOptions {
  timeoutMs?: number;
  signal?: AbortSignal;
}

interface Pending {
  method: string;
  id: number;
  resolve: (value: unknown) => void;
  reject: (err: unknown) => void;
  timer: NodeJS.Timeout | undefined;
  signal: AbortSignal | undefined;
  onAbort: (() => void) | undefined;
}

/** JSON-RPC over one transport. */
export class Connection {
  private readonly pending = new Map<number, Pending>();
  private readonly inflight = new Map<RequestId, ServerRequestAnswer>();
  private readonly maxPending: number;
  private readonly maxInflight: number;
  private readonly answerHost: AnswerHost;
  private nextId = 0;
  /** Read on every message: kept here rather than looked up in `options` each time. */
  private readonly hook: ConnectionOptions['onMessage'];
  private readonly checks: MessageChecks | undefined;
  private exit: ServerExit | undefined;
  private closedByClient = false;

  constructor(
    readonly transport: Transport,
    private readonly events: ConnectionEvents,
    private readonly options: ConnectionOptions = {},
  ) {
    this.maxPending = options.maxPendingRequests ?? DEFAULT_MAX_PENDING_REQUESTS;
    this.maxInflight = options.maxPendingServerRequests ?? DEFAULT_MAX_PENDING_SERVER_REQUESTS;
    const checks = options.checks;
    this.hook = options.onMessage;
    this.checks = checks;
    this.answerHost = {
      write: (message, text) => {
        if (this.exit || this.closedByClient) return false;
        this.write(message, text);
        return true;
      },
      checkResult: (method, result) => checks?.outboundResult?.(method, result),
      report: (subject, message, raw) => {
        this.report({ direction: 'c2s', subject, message, raw });
      },
      settled: (answer) => {
        if (this.inflight.get(answer.id) === answer) this.inflight.delete(answer.id);
      },
    };
  }

  /** Number of requests waiting for an answer. */
  get pendingRequests(): number {
    return this.pending.size;
  }

  /** Number of server requests waiting for the client's answer. */
  get pendingServerRequests(): number {
    return this.inflight.size;
  }

  /** How the connection ended, once it has. */
  get ended(): ServerExit | undefined {
    return this.exit;
  }

  /** Whether the client started closing. */
  get closing(): boolean {
    return this.closedByClient;
  }

  /** Connects the transport and starts dispatching what arrives. */
  open(): Promise<void> {
    return this.transport.connect({
      message: (m) => {
        this.onInbound(m);
      },
      malformed: (p) => {
        this.onMalformed(p);
      },
      closed: (exit) => {
        this.end(exit);
      },
    });
  }

  /**
   * Sends a request and resolves with its result. Everything that can be
   * refused (closed, aborted, overloaded, a failed check, params JSON cannot
   * carry) is refused before an id is taken or a slot is used.
   */
  request(method: string, params: unknown, options?: ConnectionRequestOptions): Promise<unknown> {
    return new Promise<unknown>((resolve, reject) => {
      // One test for the usual case (open, no options, no checks, room left); the details only when it fails.
      if (
        this.closedByClient ||
        this.exit !== undefined ||
        options !== undefined ||
        this.checks !== undefined ||
        this.pending.size >= this.maxPending
      ) {
        const refused = this.refuse(method, params, options);
        if (refused) {
          reject(refused);
          return;
        }
      }
      const id = this.nextId;
      const message = params === undefined ? { id, method } : { id, method, params };
      let text: string;
      try {
        text = JSON.stringify(message);
      } catch (err) {
        reject(new UnserialisableMessageError(`params of request ${method}`, err));
        return;
      }
      this.nextId = id + 1;
      const p: Pending = { method, id, resolve, reject, timer: undefined, signal: undefined, onAbort: undefined };
      // In the map before the write (a transport may deliver the answer at once); the timer and the abort
      // listener after it, so that the request is on its way while they are set up.
      this.pending.set(id, p);
      this.write(message, text);
      const timeoutMs = options?.timeoutMs ?? this.options.requestTimeoutMs;
      const signal = options?.signal;
      if ((timeoutMs === undefined && signal === undefined) || this.pending.get(id) !== p) return;
      if (timeoutMs !== undefined && timeoutMs > 0 && timeoutMs !== Number.POSITIVE_INFINITY) {
        p.timer = setTimeout(() => {
          if (this.take(id)) reject(new RequestTimeoutError(method, id, timeoutMs));
        }, timeoutMs);
      }
      if (signal) {
        const onAbort = () => {
          if (this.take(id)) reject(new RequestAbortedError(method, id, signal.reason));
        };
        // Aborted during the write (by the transcript hook, say): as if it had been aborted after.
        if (signal.aborted) {
          onAbort();
          return;
        }
        p.signal = signal;
        p.onAbort = onAbort;
        signal.addEventListener('abort', onAbort, { once: true });
      }
    });
  }

  /**
   * Sends a notification.
   * @throws {ClientClosedError} once closed; {@link UnserialisableMessageError} for params JSON cannot carry.
   */
  notify(method: string, params: unknown): void {
    if (this.exit || this.closedByClient) throw new ClientClosedError(method);
    const message = params === undefined ? { method } : { method, params };
    this.write(message, serialise(message, `params of notification ${method}`));
  }

  /**
   * Closes: rejects pending requests with {@link ClientClosedError}, abandons
   * open server requests, and closes the transport. Idempotent per transport.
   */
  close(timeoutMs: number): Promise<ServerExit> {
    if (!this.closedByClient) {
      this.closedByClient = true;
      this.rejectAll((p) => new ClientClosedError(p.method));
    }
    return this.transport.close({ timeoutMs });
  }

  // ---------------------------------------------------------------- internals

  private refuse(method: string, params: unknown, options: ConnectionRequestOptions | undefined): Error | undefined {
    if (this.closedByClient) return new ClientClosedError(method);
    if (this.exit) return new ServerExitedError(method, this.exit);
    const signal = options?.signal;
    if (signal?.aborted) return new RequestAbortedError(method, undefined, signal.reason);
    if (this.pending.size >= this.maxPending) {
      return new OverloadedError(
        method,
        null,
        {
          code: OVERLOADED_ERROR_CODE,
          message: `client overloaded: ${this.pending.size} requests already wait for an answer (maxPendingRequests)`,
        },
        'client',
      );
    }
    return this.checks?.outboundRequest?.(method, params);
  }

  private write(message: object, text: string): void {
    // The message was built by this connection from a method, an id and caller values: a wire message, as `text`.
    const hook = this.hook;
    if (hook) this.callHook(hook, 'c2s', message as JSONRPCMessage);
    this.transport.send(message as JSONRPCMessage, text);
  }

  private take(id: number): Pending | undefined {
    const p = this.pending.get(id);
    if (!p) return undefined;
    this.pending.delete(id);
    disarm(p);
    return p;
  }

  private rejectAll(makeError: (p: Pending) => Error): void {
    for (const id of [...this.pending.keys()]) {
      const p = this.take(id);
      if (p) p.reject(makeError(p));
    }
  }

  /** Calls the transcript hook; one that throws is reported, never propagated. */
  private callHook(
    hook: NonNullable<ConnectionOptions['onMessage']>,
    direction: Direction,
    message: JSONRPCMessage,
  ): void {
    try {
      hook(direction, message);
    } catch (err) {
      this.report({ direction, subject: 'onMessage hook', message: `threw: ${describeThrown(err)}`, raw: message });
    }
  }

  private report(issue: ConnectionIssue): void {
    try {
      this.events.issue(issue);
    } catch {
      // The session's issue sink guards its own callbacks; nothing may escape into the transport.
    }
  }

  private onMalformed(p: MalformedInput): void {
    if (this.exit) return;
    this.report({ direction: 's2c', subject: p.subject, message: p.message, raw: p.raw });
  }

  private onInbound(msg: unknown): void {
    if (this.exit) return;
    if (!isRecord(msg)) {
      this.report({
        direction: 's2c',
        subject: 'not a JSON object',
        message: `expected a JSON-RPC message object, got ${msg === null ? 'null' : Array.isArray(msg) ? 'an array' : typeof msg}`,
        raw: msg,
      });
      return;
    }
    const m = msg;
    // What arrived claims to be a wire message; the transcript hook receives it as such.
    const hook = this.hook;
    if (hook) this.callHook(hook, 's2c', m as unknown as JSONRPCMessage);
    try {
      this.dispatch(m);
    } catch (err) {
      // A session callback that throws must not take the transport (or the host process) down.
      this.report({ direction: 's2c', subject: 'dispatch', message: `threw: ${describeThrown(err)}`, raw: m });
    }
  }

  private dispatch(msg: Record<string, unknown>): void {
    const method = msg['method'];
    const id = msg['id'];
    if (typeof method === 'string') {
      if (id === undefined || id === null) this.events.notification(method, msg['params'], msg);
      else if (typeof id === 'number' || typeof id === 'string') this.onServerRequest(id, method, msg['params'], msg);
      else
        this.report({
          direction: 's2c',
          subject: 'invalid id',
          message: `request ${method} has an id that is neither a number nor a string`,
          raw: msg,
        });
    } else if ((typeof id === 'number' || typeof id === 'string') && ('result' in msg || 'error' in msg)) {
      this.onResponse(id, msg);
    } else {
      this.report({
        direction: 's2c',
        subject: 'unrecognised message',
        message: 'neither a request, a notification nor a response (needs "method", or "id" with "result"/"error")',
        raw: msg,
      });
    }
  }

  private onResponse(id: RequestId, msg: Record<string, unknown>): void {
    // Ids this connection sends are numbers: a string id never matches one (the server echoes ids as sent).
    const p = typeof id === 'number' ? this.pending.get(id) : undefined;
    if (p === undefined) {
      this.report({
        direction: 's2c',
        subject: 'unknown response id',
        message: `a response has id ${JSON.stringify(id)}, which no pending request has (answered already, timed out, aborted, or never sent)`,
        raw: msg,
      });
      return;
    }
    this.pending.delete(p.id);
    if (p.timer !== undefined || p.onAbort !== undefined) disarm(p);
    if ('error' in msg) {
      const body = errorBodyFromResponse(msg['error']);
      p.reject(
        body.code === OVERLOADED_ERROR_CODE
          ? new OverloadedError(p.method, id, body, 'server')
          : new JsonRpcError(p.method, id, body),
      );
      return;
    }
    const result = msg['result'];
    const err = this.checks?.inboundResult?.(p.method, result);
    if (err) {
      p.reject(err);
      return;
    }
    p.resolve(result);
  }

  private onServerRequest(id: RequestId, method: string, params: unknown, raw: Record<string, unknown>): void {
    if (this.inflight.has(id)) {
      this.report({
        direction: 's2c',
        subject: 'duplicate server request id',
        message: `server request ${method} reuses id ${JSON.stringify(id)} while a request with that id still waits for its answer; ignored`,
        raw,
      });
      return;
    }
    const answer = new ServerRequestAnswer(id, method, params, this.answerHost);
    if (this.inflight.size >= this.maxInflight) {
      answer.fail({
        code: OVERLOADED_ERROR_CODE,
        message: `client overloaded: ${this.inflight.size} server requests already wait for an answer (maxPendingServerRequests)`,
        data: { reason: 'clientQueueFull' },
      });
      return;
    }
    this.inflight.set(id, answer);
    answer.startTimer(this.options.serverRequestTimeoutMs ?? 0);
    this.events.serverRequest(answer);
  }

  /** The server withdrew a request it sent (e.g. `serverRequest/resolved`): its answer is no longer wanted. */
  withdraw(id: RequestId, reason: string): void {
    this.inflight.get(id)?.abandon(reason);
  }

  private end(exit: ServerExit): void {
    if (this.exit) return;
    this.exit = exit;
    const byClient = this.closedByClient;
    this.rejectAll((p) =>
      byClient ? new ClientClosedError(p.method) : new ServerExitedError(`${p.method} got no answer`, exit),
    );
    for (const a of [...this.inflight.values()]) a.abandon('the connection ended');
    this.inflight.clear();
    try {
      this.events.ended(exit, byClient);
    } catch (err) {
      this.report({ direction: 's2c', subject: 'connection end', message: `threw: ${describeThrown(err)}`, raw: exit });
    }
  }
}

/** Stops a settled request's timer and abort listener. */
function disarm(p: Pending): void {
  if (p.timer) clearTimeout(p.timer);
  if (p.onAbort) p.signal?.removeEventListener('abort', p.onAbort);
}

/** A usable error body from whatever a response's `error` member holds. */
function errorBodyFromResponse(e: unknown): JsonRpcErrorBody {
  if (typeof e !== 'object' || e === null) {
    return { code: INTERNAL_ERROR, message: `malformed error member: ${bounded(JSON.stringify(e))}` };
  }
  const code: unknown = Reflect.get(e, 'code');
  const message: unknown = Reflect.get(e, 'message');
  const body: JsonRpcErrorBody = {
    code: typeof code === 'number' && Number.isSafeInteger(code) ? code : INTERNAL_ERROR,
    message: typeof message === 'string' ? bounded(message) : bounded(JSON.stringify(e)),
  };
  // Parsed from JSON, so whatever `data` holds is JSON.
  if ('data' in e) body.data = Reflect.get(e, 'data') as JsonRpcErrorBody['data'];
  return body;
}

function bounded(text: string | undefined): string {
  const t = text ?? 'undefined';
  return t.length > MAX_ERROR_MESSAGE_CHARS ? `${t.slice(0, MAX_ERROR_MESSAGE_CHARS)}…` : t;
}
