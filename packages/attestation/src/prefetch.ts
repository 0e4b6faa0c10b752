/**
 * A provider wrapper that generates tokens ahead of time so requests are
 * answered from a ready token instead of waiting for a slow generator.
 * @module
 */
import { AttestationError } from './errors.js';
import { generateWithin } from './deadline.js';
import { hasFunction } from './guards.js';
import type { AttestationProvider, GenerateOptions } from './provider.js';

/** Options for {@link PrefetchingAttestationProvider}. */
export interface PrefetchingOptions {
  /**
   * How long a token may be handed out after its generation started, in ms.
   * Older tokens are discarded unused. Set it below the token's real validity.
   */
  maxAgeMs: number;
  /** Tokens to keep ready. @default 1 */
  readyCount?: number;
  /** Time limit for one call to the inner generator, in ms. @default 10000 */
  generateTimeoutMs?: number;
  /**
   * Delay before retrying a background refill after the generator failed, in
   * ms; doubles with each consecutive failure up to `maxRetryDelayMs`.
   * @default 100
   */
  retryDelayMs?: number;
  /** Upper bound for the retry delay. @default 5000 */
  maxRetryDelayMs?: number;
  /** Start filling at construction rather than on the first request. @default true */
  eager?: boolean;
  /** Clock, injectable for tests. @default Date.now */
  now?: () => number;
}

interface ReadyToken {
  token: string;
  startedAt: number;
}

interface Waiter {
  resolve: (token: string) => void;
  reject: (error: unknown) => void;
  cleanup: () => void;
}

/** Counters describing what the wrapper has done, for tests and monitoring. No token material. */
export interface PrefetchStats {
  /** Tokens handed out straight from the ready set. */
  servedReady: number;
  /** Tokens handed out to a request that had to wait for a generation. */
  servedAfterWait: number;
  /** Ready tokens dropped because they got older than `maxAgeMs`. */
  discardedStale: number;
  /** Inner generator calls started. */
  generations: number;
  /** Inner generator calls that failed or timed out. */
  failures: number;
}

/**
 * Wraps a slow {@link AttestationProvider} and keeps fresh tokens ready.
 *
 * Guarantees:
 * - **Single use.** Each generated token is handed out at most once.
 * - **Bounded age.** A token older than `maxAgeMs` (measured from when its
 *   generation started) is never handed out; a timer drops it when it expires
 *   and a replacement is generated.
 * - **Background refill.** Handing out a token starts generating the next one.
 *   A request that finds nothing ready gets the next token to finish (its own
 *   generation is started for it, so concurrent requests do not queue behind
 *   one another).
 * - **Failures.** A failed generation fails the oldest waiting request, if
 *   any, with an {@link AttestationError} `provider-failed`; background
 *   refills back off exponentially and recover on the next success.
 * - **Cancellation.** A request whose signal aborts is removed and rejected at
 *   once; the generation started for it keeps going and refills the ready set.
 * - {@link close} stops everything, drops ready tokens and rejects waiters.
 *
 * Tokens live only in memory and are never logged.
 */
export class PrefetchingAttestationProvider implements AttestationProvider {
  readonly #inner: AttestationProvider;
  readonly #maxAgeMs: number;
  readonly #readyCount: number;
  readonly #generateTimeoutMs: number;
  readonly #retryDelayMs: number;
  readonly #maxRetryDelayMs: number;
  readonly #now: () => number;
  readonly #lifetime = new AbortController();
  #ready: ReadyToken[] = [];
  #waiters: Waiter[] = [];
  #inflight = 0;
  #consecutiveFailures = 0;
  #backoffUntil = 0;
  #backoffTimer: ReturnType<typeof setTimeout> | undefined;
  #expiryTimer: ReturnType<typeof setTimeout> | undefined;
  #closed = false;
  readonly #stats: PrefetchStats = {
    servedReady: 0,
    servedAfterWait: 0,
    discardedStale: 0,
    generations: 0,
    failures: 0,
  };

  constructor(inner: AttestationProvider, options: PrefetchingOptions) {
    if (!hasFunction(inner, 'generate')) {
      throw new TypeError('PrefetchingAttestationProvider: inner provider must have a generate() method');
    }
    this.#inner = inner;
    this.#maxAgeMs = positive('maxAgeMs', options.maxAgeMs);
    this.#readyCount = options.readyCount ?? 1;
    if (!Number.isInteger(this.#readyCount) || this.#readyCount < 0) {
      throw new RangeError(
        `PrefetchingAttestationProvider: readyCount must be a non-negative integer, got ${String(options.readyCount)}`,
      );
    }
    this.#generateTimeoutMs = positive('generateTimeoutMs', options.generateTimeoutMs ?? 10_000);
    this.#retryDelayMs = positive('retryDelayMs', options.retryDelayMs ?? 100);
    this.#maxRetryDelayMs = positive('maxRetryDelayMs', options.maxRetryDelayMs ?? 5_000);
    this.#now = options.now ?? Date.now;
    if (options.eager ?? true) this.#pump();
  }

  /** A snapshot of the counters. */
  get stats(): PrefetchStats {
    return { ...this.#stats };
  }

  /** Number of tokens ready right now (fresh or not yet checked). */
  get readySize(): number {
    return this.#ready.length;
  }

  /** True once {@link close} was called. */
  get closed(): boolean {
    return this.#closed;
  }

  /**
   * Hands out a ready token if there is a fresh one; otherwise waits for the
   * next generation to finish. Rejects with `aborted` when `signal` aborts and
   * with `closed` after {@link close}.
   */
  generate({ signal }: GenerateOptions): Promise<string> {
    if (this.#closed)
      return Promise.reject(new AttestationError('closed', 'prefetching attestation provider is closed'));
    if (signal.aborted) return Promise.reject(new AttestationError('aborted', 'attestation request was cancelled'));
    const token = this.#takeFresh();
    if (token !== undefined) {
      this.#stats.servedReady++;
      this.#pump();
      return Promise.resolve(token);
    }
    return new Promise<string>((resolve, reject) => {
      const onAbort = (): void => {
        const index = this.#waiters.indexOf(waiter);
        if (index >= 0) this.#waiters.splice(index, 1);
        reject(new AttestationError('aborted', 'attestation request was cancelled'));
      };
      const waiter: Waiter = {
        resolve,
        reject,
        cleanup: () => {
          signal.removeEventListener('abort', onAbort);
        },
      };
      signal.addEventListener('abort', onAbort, { once: true });
      this.#waiters.push(waiter);
      this.#pump();
    });
  }

  /**
   * Stops refilling, aborts generations in progress, drops ready tokens and
   * rejects waiting requests with `closed`. Idempotent.
   */
  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    this.#lifetime.abort(new AttestationError('closed', 'prefetching attestation provider is closed'));
    clearTimeout(this.#backoffTimer);
    clearTimeout(this.#expiryTimer);
    this.#ready = [];
    const waiters = this.#waiters;
    this.#waiters = [];
    for (const waiter of waiters) {
      waiter.cleanup();
      waiter.reject(new AttestationError('closed', 'prefetching attestation provider was closed'));
    }
  }

  #isFresh(entry: ReadyToken): boolean {
    return this.#now() - entry.startedAt < this.#maxAgeMs;
  }

  #dropStale(): void {
    const before = this.#ready.length;
    this.#ready = this.#ready.filter((entry) => this.#isFresh(entry));
    this.#stats.discardedStale += before - this.#ready.length;
  }

  #takeFresh(): string | undefined {
    this.#dropStale();
    return this.#ready.shift()?.token;
  }

  /** Matches ready tokens to waiters and starts the generations still needed. */
  #pump(): void {
    if (this.#closed) return;
    this.#dropStale();
    for (;;) {
      const waiter = this.#waiters[0];
      const entry = this.#ready[0];
      if (waiter === undefined || entry === undefined) break;
      this.#waiters.shift();
      this.#ready.shift();
      waiter.cleanup();
      this.#stats.servedAfterWait++;
      waiter.resolve(entry.token);
    }
    const inBackoff = this.#now() < this.#backoffUntil;
    const standby = inBackoff ? 0 : Math.max(0, this.#readyCount - this.#ready.length);
    const wanted = this.#waiters.length + standby;
    while (this.#inflight < wanted) this.#startGeneration();
    this.#scheduleExpiry();
  }

  #startGeneration(): void {
    this.#inflight++;
    this.#stats.generations++;
    const startedAt = this.#now();
    generateWithin(this.#inner, {
      budgetMs: this.#generateTimeoutMs,
      signal: this.#lifetime.signal,
      now: this.#now,
    }).then(
      (token) => {
        this.#inflight--;
        if (this.#closed) return;
        this.#consecutiveFailures = 0;
        this.#backoffUntil = 0;
        this.#ready.push({ token, startedAt });
        this.#pump();
      },
      (error: unknown) => {
        this.#inflight--;
        if (this.#closed) return;
        this.#stats.failures++;
        this.#consecutiveFailures++;
        const delay = Math.min(this.#maxRetryDelayMs, this.#retryDelayMs * 2 ** (this.#consecutiveFailures - 1));
        this.#backoffUntil = this.#now() + delay;
        // Fail the oldest waiter that no remaining generation is covering.
        const waiter = this.#waiters.length > this.#inflight ? this.#waiters.shift() : undefined;
        if (waiter) {
          waiter.cleanup();
          waiter.reject(
            error instanceof AttestationError && error.code === 'timeout'
              ? new AttestationError('timeout', 'attestation generator timed out', { cause: error })
              : new AttestationError('provider-failed', 'attestation generator failed', { cause: error }),
          );
        }
        clearTimeout(this.#backoffTimer);
        // The timer ends the backoff itself: timers may fire a little before
        // the clock reaches `backoffUntil`, and refilling must not stall then.
        this.#backoffTimer = setTimeout(() => {
          this.#backoffUntil = 0;
          this.#pump();
        }, delay);
        this.#backoffTimer.unref();
        this.#pump();
      },
    );
  }

  /** Arranges for the oldest ready token to be dropped (and replaced) when it expires. */
  #scheduleExpiry(): void {
    clearTimeout(this.#expiryTimer);
    this.#expiryTimer = undefined;
    const oldest = this.#ready[0];
    if (oldest === undefined || this.#closed) return;
    const remaining = Math.max(0, oldest.startedAt + this.#maxAgeMs - this.#now());
    this.#expiryTimer = setTimeout(() => {
      this.#pump();
    }, remaining + 1);
    this.#expiryTimer.unref();
  }
}

function positive(name: string, value: number | undefined): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    throw new RangeError(
      `PrefetchingAttestationProvider: ${name} must be a positive finite number of milliseconds, got ${String(value)}`,
    );
  }
  return value;
}
