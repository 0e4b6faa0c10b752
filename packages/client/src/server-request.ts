/**
 * The answer lifecycle of one request the server sent: it gets exactly one
 * answer (the handler's result, an error, or a timeout error), or none at
 * all only when the server withdrew it or the connection ended. Whatever a
 * handler returns or throws, the answer that goes out is valid JSON.
 * @module
 */
import type { RequestId } from '@cask/protocol';
import {
  INTERNAL_ERROR,
  UnserialisableMessageError,
  errorBodyFromThrown,
  describeThrown,
  serialise,
  type JsonRpcErrorBody,
} from './json-rpc.js';

/** What an answer needs from its connection. @internal */
export interface AnswerHost {
  /** Writes one serialised answer. Returns false when the connection can no longer carry it. */
  write(message: object, serialized: string): boolean;
  /** Checks a result before it is sent; returns the error to send instead, if any. */
  checkResult(method: string, result: unknown): JsonRpcErrorBody | undefined;
  /** Reports something that went wrong while answering. */
  report(subject: string, message: string, raw: unknown): void;
  /** The answer is settled (sent, withdrawn or abandoned): forget it. */
  settled(answer: ServerRequestAnswer): void;
}

/**
 * One server request and its answer. `respond`/`fail` send the answer once;
 * later calls return false. `respond` with a value JSON cannot carry throws
 * an {@link UnserialisableMessageError} and leaves the request unanswered,
 * so the caller can still `fail()` it.
 */
export class ServerRequestAnswer {
  private readonly controller = new AbortController();
  private done = false;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    /** The server's id for this request. */
    readonly id: RequestId,
    readonly method: string,
    readonly params: unknown,
    private readonly host: AnswerHost,
  ) {}

  /** Aborted once the answer is no longer wanted or possible. */
  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /** Whether the request has been answered, withdrawn or abandoned. */
  get isSettled(): boolean {
    return this.done;
  }

  /**
   * Sends `result` (`undefined` is sent as `null`).
   * @returns false when the request was already settled (or the result failed the client's own check and an error went out instead).
   * @throws {UnserialisableMessageError} when `result` cannot be written as JSON; the request stays open.
   */
  respond(result: unknown): boolean {
    if (this.done) return false;
    const value = result === undefined ? null : result;
    const refused = this.host.checkResult(this.method, value);
    if (refused) {
      this.send({ id: this.id, error: refused }, undefined);
      return false;
    }
    const message = { id: this.id, result: value };
    const text = serialise(message, `the result for server request ${this.method} (id ${JSON.stringify(this.id)})`);
    return this.send(message, text);
  }

  /**
   * Sends a JSON-RPC error. Whatever `error` is, what goes out is a valid
   * error body: a non-integer `code` becomes `-32603`, unserialisable
   * `data` is left out (and the message says so).
   */
  fail(error: unknown): boolean {
    if (this.done) return false;
    return this.send({ id: this.id, error: errorBodyFromThrown(error) }, undefined);
  }

  /** Answers with what a handler produced: its (awaited) result, or what it threw. Never throws. */
  settleFrom(run: () => unknown): void {
    let outcome: unknown;
    let thenable: boolean;
    try {
      outcome = run();
      thenable = isThenable(outcome);
    } catch (err) {
      this.fail(err);
      return;
    }
    if (thenable) {
      Promise.resolve(outcome).then(
        (value) => {
          this.respondOrReport(value);
        },
        (err: unknown) => {
          this.fail(err);
        },
      );
    } else this.respondOrReport(outcome);
  }

  /** Starts the answer timer: after `ms`, the server gets a timeout error and the signal aborts. */
  startTimer(ms: number): void {
    if (!(ms > 0) || ms === Number.POSITIVE_INFINITY || this.done) return;
    this.timer = setTimeout(() => {
      if (this.done) return;
      const message = `the client did not answer ${this.method} within ${ms} ms`;
      this.host.report(`server request ${this.method} timed out`, `${message}; answered with error ${INTERNAL_ERROR}`, {
        id: this.id,
        method: this.method,
      });
      this.send(
        { id: this.id, error: { code: INTERNAL_ERROR, message, data: { reason: 'timeout' } } },
        undefined,
        `no answer within ${ms} ms`,
      );
    }, ms);
    this.timer.unref();
  }

  /** Settles without an answer (the server withdrew the request, or the connection ended). */
  abandon(reason: string): void {
    if (this.done) return;
    this.finish(reason);
  }

  private respondOrReport(value: unknown): void {
    try {
      this.respond(value);
    } catch (err) {
      const why = err instanceof UnserialisableMessageError ? err.message : describeThrown(err);
      this.host.report(`result of server request ${this.method}`, why, { id: this.id, method: this.method });
      this.fail({ code: INTERNAL_ERROR, message: `the client's handler produced a result that is not JSON: ${why}` });
    }
  }

  private send(message: object, serialized: string | undefined, reason = 'answered'): boolean {
    // Error bodies are built from strings and integers (data checked), so this cannot throw.
    const text = serialized ?? JSON.stringify(message);
    this.finish(reason);
    return this.host.write(message, text);
  }

  private finish(reason: string): void {
    this.done = true;
    if (this.timer) clearTimeout(this.timer);
    this.controller.abort(new Error(reason));
    this.host.settled(this);
  }
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return (
    (typeof value === 'object' || typeof value === 'function') &&
    value !== null &&
    typeof Reflect.get(value, 'then') === 'function'
  );
}
